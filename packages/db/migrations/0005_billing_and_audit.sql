-- API keys, subscriptions, usage, feature flags and the audit log.

create table api_keys (
  id uuid primary key default gen_random_uuid(),
  tenant_id uuid not null references tenants (id) on delete cascade,
  name text not null check (length(name) between 1 and 100),
  prefix text not null,
  key_hash text not null unique,
  scopes text[] not null default '{}',
  created_by uuid references users (id) on delete set null,
  last_used_at timestamptz,
  expires_at timestamptz,
  revoked_at timestamptz,
  created_at timestamptz not null default now(),
  constraint api_keys_tenant_id_id_key unique (tenant_id, id)
);

create table subscriptions (
  id uuid primary key default gen_random_uuid(),
  tenant_id uuid not null unique references tenants (id) on delete cascade,
  provider text not null default 'stripe',
  customer_id text,
  subscription_id text unique,
  plan text not null default 'free',
  status text not null default 'active' check (
    status in ('active', 'trialing', 'past_due', 'canceled', 'incomplete', 'unpaid')
  ),
  current_period_end timestamptz,
  cancel_at_period_end boolean not null default false,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);

create table usage_records (
  id uuid primary key default gen_random_uuid(),
  tenant_id uuid not null references tenants (id) on delete cascade,
  kind text not null check (kind ~ '^[a-z][a-z0-9_.]{0,63}$'),
  quantity bigint not null check (quantity >= 0),
  agent_id uuid,
  metadata jsonb not null default '{}'::jsonb,
  occurred_at timestamptz not null default now(),
  foreign key (tenant_id, agent_id) references agents (tenant_id, id) on delete set null (agent_id)
);
create index usage_records_tenant_time_idx on usage_records (tenant_id, occurred_at);

create view tenant_daily_usage with (security_invoker = true) as
  select tenant_id, (occurred_at at time zone 'UTC')::date as day, kind,
         sum(quantity)::bigint as quantity
  from usage_records
  group by tenant_id, day, kind;

create table feature_flags (
  key text primary key check (key ~ '^[a-z][a-z0-9_.-]{0,63}$'),
  description text not null default '',
  enabled boolean not null default false,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);

create table tenant_feature_flags (
  tenant_id uuid not null references tenants (id) on delete cascade,
  flag_key text not null references feature_flags (key) on delete cascade,
  enabled boolean not null,
  updated_at timestamptz not null default now(),
  primary key (tenant_id, flag_key)
);

-- tenant_id is null for platform events (a failed sign-in names no tenant); those rows are
-- invisible to tenant members and read by the admin console through the owner connection.
create table audit_logs (
  id uuid primary key default gen_random_uuid(),
  tenant_id uuid references tenants (id) on delete cascade,
  actor_user_id uuid references users (id) on delete set null,
  actor_type text not null default 'user' check (actor_type in ('user', 'api_key', 'system')),
  action text not null check (action ~ '^[a-z][a-z0-9_.]{0,63}$'),
  target_type text,
  target_id text,
  ip_address text,
  user_agent text,
  metadata jsonb not null default '{}'::jsonb,
  created_at timestamptz not null default now()
);
create index audit_logs_tenant_time_idx on audit_logs (tenant_id, created_at desc);

create trigger subscriptions_touch before update on subscriptions
  for each row execute function sovra.touch_updated_at();
create trigger feature_flags_touch before update on feature_flags
  for each row execute function sovra.touch_updated_at();
create trigger tenant_feature_flags_touch before update on tenant_feature_flags
  for each row execute function sovra.touch_updated_at();

call sovra.protect_tenant_table(
  'api_keys',
  readers => array['owner', 'admin'],
  writers => array['owner', 'admin']
);
-- Subscriptions and per-tenant flags change only through billing webhooks and the admin
-- console, which act as the system.
call sovra.protect_tenant_table('subscriptions', commands => array[]::text[]);
call sovra.protect_tenant_table('tenant_feature_flags', commands => array[]::text[]);
-- Usage and audit rows are append-only for members.
call sovra.protect_tenant_table('usage_records', commands => array['insert']);
call sovra.protect_tenant_table(
  'audit_logs',
  readers => array['owner', 'admin'],
  writers => array['owner', 'admin', 'member', 'viewer'],
  commands => array['insert']
);

alter table feature_flags enable row level security;
alter table feature_flags force row level security;
grant select on feature_flags to sovra_app;
create policy feature_flags_select on feature_flags for select to sovra_app using (true);

grant select on tenant_daily_usage to sovra_app;
