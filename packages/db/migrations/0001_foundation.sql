-- Roles, claim functions and the helpers every later migration uses to protect a table.

create extension if not exists vector;

-- RLS is forced on every table, so the owner connection that runs migrations, Better Auth
-- and system jobs sees rows only because it bypasses RLS. Say so now rather than fail later
-- with empty results.
do $$
begin
  if not exists (
    select 1 from pg_roles where rolname = current_user and (rolsuper or rolbypassrls)
  ) then
    raise exception 'role % needs BYPASSRLS for Sovra''s migrations and system work',
      current_user using hint = format('alter role %I bypassrls (as a superuser)', current_user);
  end if;
end
$$;

-- sovra_app is the role every tenant query runs as (SET LOCAL ROLE). It cannot log in and
-- owns nothing, so RLS always applies to it. Roles are cluster-wide: a concurrent run in
-- another database may create it first, hence the exception handler.
do $$
begin
  create role sovra_app nologin noinherit;
exception
  when duplicate_object or unique_violation then null;
end
$$;

do $$
begin
  execute format('grant sovra_app to %I', current_user);
exception
  when duplicate_object or invalid_grant_operation then null;
end
$$;

-- Supabase provides auth.uid(); elsewhere a compatible one reads the same claim settings.
do $$
begin
  if not exists (select 1 from pg_namespace where nspname = 'auth') then
    create schema auth;
    create function auth.uid() returns uuid
      language sql stable
      as $fn$
        select nullif(
          coalesce(
            nullif(current_setting('request.jwt.claim.sub', true), ''),
            nullif(current_setting('request.jwt.claims', true), '')::jsonb ->> 'sub'
          ),
          ''
        )::uuid
      $fn$;
  end if;
end
$$;

grant usage on schema auth to sovra_app;
grant execute on function auth.uid() to sovra_app;

create schema if not exists sovra;
revoke all on schema sovra from public;
grant usage on schema sovra to sovra_app;
grant usage on schema public to sovra_app;

-- The tenant the request acts in. The scoped helper sets it next to the user; policies also
-- require a membership row for it, so a wrong claim cannot open a tenant by itself. The
-- plain setting is read first because it is cheaper than parsing the claims JSON, the same
-- shortcut auth.uid() takes with request.jwt.claim.sub.
create function sovra.current_tenant_id() returns uuid
  language sql stable
  as $$
    select nullif(
      coalesce(
        nullif(current_setting('request.jwt.claim.tenant_id', true), ''),
        nullif(current_setting('request.jwt.claims', true), '')::jsonb ->> 'tenant_id'
      ),
      ''
    )::uuid
  $$;

revoke execute on function sovra.current_tenant_id() from public;
grant execute on function sovra.current_tenant_id() to sovra_app;

create function sovra.touch_updated_at() returns trigger
  language plpgsql
  as $$
    begin
      new.updated_at := now();
      return new;
    end
  $$;

-- Enables and forces RLS on a tenant-owned table and creates its policies. A row is
-- visible or writable when its tenant_id equals sovra.member_tenant_id(roles): the active
-- tenant, provided the caller holds one of the roles there. One uncorrelated sub-select
-- gives a single index condition on tenant_id, evaluated once per statement.
create procedure sovra.protect_tenant_table(
  target regclass,
  readers text[] default array['owner', 'admin', 'member', 'viewer'],
  writers text[] default array['owner', 'admin', 'member'],
  commands text[] default array['insert', 'update', 'delete']
)
  language plpgsql
  as $$
    declare
      name text := (select relname from pg_class where oid = target);
      can_read text := format('tenant_id = (select sovra.member_tenant_id(%L::text[]))', readers);
      can_write text := format('tenant_id = (select sovra.member_tenant_id(%L::text[]))', writers);
    begin
      execute format('alter table %s enable row level security', target);
      execute format('alter table %s force row level security', target);
      execute format('grant select on %s to sovra_app', target);
      execute format(
        'create policy %I on %s for select to sovra_app using (%s)',
        name || '_select', target, can_read
      );

      if 'insert' = any (commands) then
        execute format('grant insert on %s to sovra_app', target);
        execute format(
          'create policy %I on %s for insert to sovra_app with check (%s)',
          name || '_insert', target, can_write
        );
      end if;

      if 'update' = any (commands) then
        execute format('grant update on %s to sovra_app', target);
        execute format(
          'create policy %I on %s for update to sovra_app using (%s) with check (%s)',
          name || '_update', target, can_write, can_write
        );
      end if;

      if 'delete' = any (commands) then
        execute format('grant delete on %s to sovra_app', target);
        execute format(
          'create policy %I on %s for delete to sovra_app using (%s)',
          name || '_delete', target, can_write
        );
      end if;
    end
  $$;

revoke execute on procedure sovra.protect_tenant_table(regclass, text[], text[], text[])
  from public;
