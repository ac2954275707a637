-- Users, sessions and tenants. Better Auth and its organization plugin manage users,
-- sessions, accounts, verifications, tenants, memberships and invitations through the
-- owner connection, with these table names and UUID ids.

create table users (
  id uuid primary key default gen_random_uuid(),
  name text not null,
  email text not null,
  email_verified boolean not null default false,
  image text,
  two_factor_enabled boolean not null default false,
  is_platform_admin boolean not null default false,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  constraint users_email_key unique (email),
  constraint users_email_lowercase check (email = lower(email))
);

create table profiles (
  user_id uuid primary key references users (id) on delete cascade,
  job_title text,
  timezone text,
  locale text,
  updated_at timestamptz not null default now()
);

create table sessions (
  id uuid primary key default gen_random_uuid(),
  user_id uuid not null references users (id) on delete cascade,
  token text not null unique,
  expires_at timestamptz not null,
  ip_address text,
  user_agent text,
  active_tenant_id uuid,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
create index sessions_user_id_idx on sessions (user_id);

create table accounts (
  id uuid primary key default gen_random_uuid(),
  user_id uuid not null references users (id) on delete cascade,
  account_id text not null,
  provider_id text not null,
  access_token text,
  refresh_token text,
  id_token text,
  access_token_expires_at timestamptz,
  refresh_token_expires_at timestamptz,
  scope text,
  password text,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  constraint accounts_provider_account_key unique (provider_id, account_id)
);
create index accounts_user_id_idx on accounts (user_id);

create table verifications (
  id uuid primary key default gen_random_uuid(),
  identifier text not null,
  value text not null,
  expires_at timestamptz not null,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
create index verifications_identifier_idx on verifications (identifier);

create table two_factors (
  id uuid primary key default gen_random_uuid(),
  user_id uuid not null unique references users (id) on delete cascade,
  secret text not null,
  backup_codes text not null
);

create table tenants (
  id uuid primary key default gen_random_uuid(),
  name text not null check (length(name) between 1 and 100),
  slug text not null,
  logo text,
  metadata text,
  plan text not null default 'free' check (plan in ('free', 'pro', 'enterprise')),
  settings jsonb not null default '{}'::jsonb,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  constraint tenants_slug_key unique (slug),
  constraint tenants_slug_format check (slug ~ '^[a-z0-9](?:[a-z0-9-]{0,46}[a-z0-9])?$')
);

create table memberships (
  id uuid primary key default gen_random_uuid(),
  tenant_id uuid not null references tenants (id) on delete cascade,
  user_id uuid not null references users (id) on delete cascade,
  role text not null check (role in ('owner', 'admin', 'member', 'viewer')),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  constraint memberships_tenant_user_key unique (tenant_id, user_id),
  constraint memberships_tenant_id_id_key unique (tenant_id, id)
);
create index memberships_user_id_idx on memberships (user_id);

-- A copy of (user, tenant, role) that policies can read without reading memberships, whose
-- own policy would otherwise have to query itself. Only the trigger below writes it.
create table member_access (
  user_id uuid not null,
  tenant_id uuid not null,
  role text not null,
  primary key (user_id, tenant_id),
  foreign key (tenant_id, user_id) references memberships (tenant_id, user_id)
    on delete cascade on update cascade
);
create index member_access_tenant_id_idx on member_access (tenant_id);

create function sovra.sync_member_access() returns trigger
  language plpgsql
  security definer
  set search_path = pg_catalog, public
  as $$
    begin
      insert into public.member_access (user_id, tenant_id, role)
      values (new.user_id, new.tenant_id, new.role)
      on conflict (user_id, tenant_id) do update set role = excluded.role;
      return null;
    end
  $$;
revoke execute on function sovra.sync_member_access() from public;

create trigger memberships_sync_access
  after insert or update of role, user_id, tenant_id on memberships
  for each row execute function sovra.sync_member_access();

-- The active tenant when the caller holds one of `roles` in it, otherwise null. PL/pgSQL
-- keeps the plan of its lookup for the session, where a SQL function with a FROM clause
-- would be planned again in every statement (measured in bench/rls-cost.ts).
create function sovra.member_tenant_id(roles text[]) returns uuid
  language plpgsql stable
  as $$
    declare
      tenant uuid := sovra.current_tenant_id();
    begin
      if tenant is null then
        return null;
      end if;
      perform from public.member_access a
      where a.user_id = auth.uid() and a.tenant_id = tenant and a.role = any (roles);
      return case when found then tenant end;
    end
  $$;
revoke execute on function sovra.member_tenant_id(text[]) from public;
grant execute on function sovra.member_tenant_id(text[]) to sovra_app;

create table invitations (
  id uuid primary key default gen_random_uuid(),
  tenant_id uuid not null references tenants (id) on delete cascade,
  email text not null check (email = lower(email)),
  role text not null check (role in ('admin', 'member', 'viewer')),
  status text not null default 'pending'
    check (status in ('pending', 'accepted', 'rejected', 'canceled')),
  expires_at timestamptz not null,
  inviter_id uuid references users (id) on delete set null,
  created_at timestamptz not null default now(),
  constraint invitations_tenant_id_id_key unique (tenant_id, id)
);
create index invitations_email_idx on invitations (email);

create trigger users_touch before update on users
  for each row execute function sovra.touch_updated_at();
create trigger profiles_touch before update on profiles
  for each row execute function sovra.touch_updated_at();
create trigger tenants_touch before update on tenants
  for each row execute function sovra.touch_updated_at();
create trigger memberships_touch before update on memberships
  for each row execute function sovra.touch_updated_at();

-- Auth tables: RLS forced with no policy and no grant, so only the owner connection that
-- Better Auth uses can touch them.
alter table sessions enable row level security;
alter table sessions force row level security;
alter table accounts enable row level security;
alter table accounts force row level security;
alter table verifications enable row level security;
alter table verifications force row level security;
alter table two_factors enable row level security;
alter table two_factors force row level security;

alter table member_access enable row level security;
alter table member_access force row level security;
grant select on member_access to sovra_app;
create policy member_access_select on member_access for select to sovra_app
  using (user_id = (select auth.uid()));

-- Users see themselves and the members of the active tenant; they edit only their own name
-- and image. Creating and deleting users is Better Auth's work.
alter table users enable row level security;
alter table users force row level security;
grant select on users to sovra_app;
grant update (name, image) on users to sovra_app;
create policy users_select on users for select to sovra_app
  using (
    id = (select auth.uid())
    or exists (
      select 1 from memberships m
      where m.user_id = users.id and m.tenant_id = (select sovra.current_tenant_id())
    )
  );
create policy users_update on users for update to sovra_app
  using (id = (select auth.uid()))
  with check (id = (select auth.uid()));

alter table profiles enable row level security;
alter table profiles force row level security;
grant select, insert, update on profiles to sovra_app;
create policy profiles_select on profiles for select to sovra_app
  using (
    user_id = (select auth.uid())
    or exists (
      select 1 from memberships m
      where m.user_id = profiles.user_id and m.tenant_id = (select sovra.current_tenant_id())
    )
  );
create policy profiles_insert on profiles for insert to sovra_app
  with check (user_id = (select auth.uid()));
create policy profiles_update on profiles for update to sovra_app
  using (user_id = (select auth.uid()))
  with check (user_id = (select auth.uid()));

-- A user lists every tenant they belong to (the tenant switcher); owners and admins edit the
-- active one; only an owner deletes it. Creating a tenant with its first owner is a system
-- operation, so there is no insert policy.
alter table tenants enable row level security;
alter table tenants force row level security;
grant select, delete on tenants to sovra_app;
grant update (name, logo, settings) on tenants to sovra_app;
create policy tenants_select on tenants for select to sovra_app
  using (id in (select a.tenant_id from member_access a where a.user_id = (select auth.uid())));
create policy tenants_update on tenants for update to sovra_app
  using (id = (select sovra.member_tenant_id(array['owner', 'admin'])))
  with check (id = (select sovra.member_tenant_id(array['owner', 'admin'])));
create policy tenants_delete on tenants for delete to sovra_app
  using (id = (select sovra.member_tenant_id(array['owner'])));

-- Members of the active tenant see each other; a user always sees their own memberships
-- and may leave. Owners and admins manage the rest; finer rules (admins cannot make owners,
-- the last owner stays) are enforced in packages/core.
alter table memberships enable row level security;
alter table memberships force row level security;
grant select, insert, delete on memberships to sovra_app;
grant update (role) on memberships to sovra_app;
create policy memberships_select on memberships for select to sovra_app
  using (
    user_id = (select auth.uid())
    or tenant_id = (select sovra.member_tenant_id(array['owner', 'admin', 'member', 'viewer']))
  );
create policy memberships_insert on memberships for insert to sovra_app
  with check (tenant_id = (select sovra.member_tenant_id(array['owner', 'admin'])));
create policy memberships_update on memberships for update to sovra_app
  using (tenant_id = (select sovra.member_tenant_id(array['owner', 'admin'])))
  with check (tenant_id = (select sovra.member_tenant_id(array['owner', 'admin'])));
create policy memberships_delete on memberships for delete to sovra_app
  using (
    tenant_id = (select sovra.member_tenant_id(array['owner', 'admin']))
    or (
      user_id = (select auth.uid())
      and tenant_id = (select sovra.current_tenant_id())
    )
  );

call sovra.protect_tenant_table(
  'invitations',
  readers => array['owner', 'admin'],
  writers => array['owner', 'admin']
);
