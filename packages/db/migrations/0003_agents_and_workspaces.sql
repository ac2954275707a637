-- Agents, multi-agent workspaces, conversations, runs and tool executions. Child rows point
-- at their parent through (tenant_id, id), so a row can never reference another tenant's.

create table agents (
  id uuid primary key default gen_random_uuid(),
  tenant_id uuid not null references tenants (id) on delete cascade,
  name text not null check (length(name) between 1 and 100),
  description text,
  system_prompt text not null default '',
  provider text not null,
  model text not null,
  temperature numeric(3, 2) not null default 0.7 check (temperature between 0 and 2),
  max_tokens integer check (max_tokens > 0),
  tools text[] not null default '{}',
  memory_strategy text not null default 'conversation'
    check (memory_strategy in ('conversation', 'summary', 'vector', 'hybrid')),
  status text not null default 'active' check (status in ('active', 'paused', 'archived')),
  settings jsonb not null default '{}'::jsonb,
  created_by uuid references users (id) on delete set null,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  constraint agents_tenant_id_id_key unique (tenant_id, id)
);
create index agents_tenant_created_idx on agents (tenant_id, created_at desc);

create table workspaces (
  id uuid primary key default gen_random_uuid(),
  tenant_id uuid not null references tenants (id) on delete cascade,
  name text not null check (length(name) between 1 and 100),
  description text,
  status text not null default 'active' check (status in ('active', 'archived')),
  settings jsonb not null default '{}'::jsonb,
  created_by uuid references users (id) on delete set null,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  constraint workspaces_tenant_id_id_key unique (tenant_id, id)
);
create index workspaces_tenant_created_idx on workspaces (tenant_id, created_at desc);

create table workspace_agents (
  tenant_id uuid not null references tenants (id) on delete cascade,
  workspace_id uuid not null,
  agent_id uuid not null,
  role text,
  position integer not null default 0,
  created_at timestamptz not null default now(),
  primary key (tenant_id, workspace_id, agent_id),
  foreign key (tenant_id, workspace_id) references workspaces (tenant_id, id) on delete cascade,
  foreign key (tenant_id, agent_id) references agents (tenant_id, id) on delete cascade
);
create index workspace_agents_agent_idx on workspace_agents (tenant_id, agent_id);

create table conversations (
  id uuid primary key default gen_random_uuid(),
  tenant_id uuid not null references tenants (id) on delete cascade,
  agent_id uuid,
  workspace_id uuid,
  user_id uuid references users (id) on delete set null,
  title text,
  summary text,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  constraint conversations_tenant_id_id_key unique (tenant_id, id),
  foreign key (tenant_id, agent_id) references agents (tenant_id, id) on delete cascade,
  foreign key (tenant_id, workspace_id) references workspaces (tenant_id, id) on delete cascade
);
create index conversations_agent_idx on conversations (tenant_id, agent_id, updated_at desc);
create index conversations_workspace_idx on conversations (tenant_id, workspace_id);

create table messages (
  id uuid primary key default gen_random_uuid(),
  tenant_id uuid not null references tenants (id) on delete cascade,
  conversation_id uuid not null,
  role text not null check (role in ('system', 'user', 'assistant', 'tool')),
  content text not null default '',
  parts jsonb not null default '[]'::jsonb,
  agent_id uuid,
  user_id uuid references users (id) on delete set null,
  model text,
  input_tokens integer not null default 0 check (input_tokens >= 0),
  output_tokens integer not null default 0 check (output_tokens >= 0),
  latency_ms integer check (latency_ms >= 0),
  metadata jsonb not null default '{}'::jsonb,
  created_at timestamptz not null default now(),
  constraint messages_tenant_id_id_key unique (tenant_id, id),
  foreign key (tenant_id, conversation_id)
    references conversations (tenant_id, id) on delete cascade,
  foreign key (tenant_id, agent_id) references agents (tenant_id, id) on delete set null (agent_id)
);
create index messages_conversation_idx on messages (tenant_id, conversation_id, created_at);

create table workspace_memories (
  id uuid primary key default gen_random_uuid(),
  tenant_id uuid not null references tenants (id) on delete cascade,
  workspace_id uuid not null,
  key text not null check (length(key) between 1 and 200),
  value jsonb not null,
  author_agent_id uuid,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  constraint workspace_memories_key unique (tenant_id, workspace_id, key),
  foreign key (tenant_id, workspace_id) references workspaces (tenant_id, id) on delete cascade,
  foreign key (tenant_id, author_agent_id)
    references agents (tenant_id, id) on delete set null (author_agent_id)
);

create table runs (
  id uuid primary key default gen_random_uuid(),
  tenant_id uuid not null references tenants (id) on delete cascade,
  kind text not null check (kind in ('agent', 'workspace')),
  agent_id uuid,
  workspace_id uuid,
  conversation_id uuid,
  status text not null default 'queued' check (
    status in ('queued', 'running', 'waiting_approval', 'succeeded', 'failed', 'canceled')
  ),
  input jsonb not null default '{}'::jsonb,
  output jsonb,
  error text,
  attempts integer not null default 0 check (attempts >= 0),
  created_by uuid references users (id) on delete set null,
  started_at timestamptz,
  finished_at timestamptz,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  constraint runs_tenant_id_id_key unique (tenant_id, id),
  foreign key (tenant_id, agent_id) references agents (tenant_id, id) on delete cascade,
  foreign key (tenant_id, workspace_id) references workspaces (tenant_id, id) on delete cascade,
  foreign key (tenant_id, conversation_id)
    references conversations (tenant_id, id) on delete cascade
);
create index runs_status_idx on runs (tenant_id, status, created_at desc);

create table tool_executions (
  id uuid primary key default gen_random_uuid(),
  tenant_id uuid not null references tenants (id) on delete cascade,
  run_id uuid,
  agent_id uuid,
  conversation_id uuid,
  tool_name text not null,
  input jsonb not null default '{}'::jsonb,
  output jsonb,
  error text,
  status text not null default 'running' check (
    status in ('pending_approval', 'running', 'succeeded', 'failed', 'rejected', 'timed_out')
  ),
  duration_ms integer check (duration_ms >= 0),
  created_at timestamptz not null default now(),
  finished_at timestamptz,
  constraint tool_executions_tenant_id_id_key unique (tenant_id, id),
  foreign key (tenant_id, run_id) references runs (tenant_id, id) on delete cascade,
  foreign key (tenant_id, agent_id) references agents (tenant_id, id) on delete set null (agent_id),
  foreign key (tenant_id, conversation_id)
    references conversations (tenant_id, id) on delete cascade
);
create index tool_executions_created_idx on tool_executions (tenant_id, created_at desc);

create trigger agents_touch before update on agents
  for each row execute function sovra.touch_updated_at();
create trigger workspaces_touch before update on workspaces
  for each row execute function sovra.touch_updated_at();
create trigger conversations_touch before update on conversations
  for each row execute function sovra.touch_updated_at();
create trigger workspace_memories_touch before update on workspace_memories
  for each row execute function sovra.touch_updated_at();
create trigger runs_touch before update on runs
  for each row execute function sovra.touch_updated_at();

call sovra.protect_tenant_table('agents');
call sovra.protect_tenant_table('workspaces');
call sovra.protect_tenant_table('workspace_agents');
call sovra.protect_tenant_table('conversations');
call sovra.protect_tenant_table('messages');
call sovra.protect_tenant_table('workspace_memories');
call sovra.protect_tenant_table('runs');
call sovra.protect_tenant_table('tool_executions');
