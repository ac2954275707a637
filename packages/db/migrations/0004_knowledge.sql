-- Documents and their chunks. The embedding column has no fixed dimension so several
-- embedding models can coexist; per-model HNSW indexes are expression indexes added with
-- the models that use them. search_vector feeds full-text search.

create table documents (
  id uuid primary key default gen_random_uuid(),
  tenant_id uuid not null references tenants (id) on delete cascade,
  title text not null check (length(title) between 1 and 500),
  source_type text not null check (source_type in ('upload', 'url', 'text')),
  source_url text,
  mime_type text,
  byte_size bigint check (byte_size >= 0),
  content_hash text,
  status text not null default 'queued'
    check (status in ('queued', 'parsing', 'embedding', 'ready', 'failed')),
  error text,
  metadata jsonb not null default '{}'::jsonb,
  created_by uuid references users (id) on delete set null,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  constraint documents_tenant_id_id_key unique (tenant_id, id)
);
create index documents_content_hash_idx on documents (tenant_id, content_hash);
create index documents_tenant_created_idx on documents (tenant_id, created_at desc);

create table chunks (
  id uuid primary key default gen_random_uuid(),
  tenant_id uuid not null references tenants (id) on delete cascade,
  document_id uuid not null,
  position integer not null check (position >= 0),
  content text not null,
  token_count integer not null default 0 check (token_count >= 0),
  embedding vector,
  embedding_model text,
  metadata jsonb not null default '{}'::jsonb,
  search_vector tsvector generated always as (to_tsvector('english', content)) stored,
  created_at timestamptz not null default now(),
  constraint chunks_document_position_key unique (tenant_id, document_id, position),
  foreign key (tenant_id, document_id) references documents (tenant_id, id) on delete cascade
);
create index chunks_search_vector_idx on chunks using gin (search_vector);

create trigger documents_touch before update on documents
  for each row execute function sovra.touch_updated_at();

call sovra.protect_tenant_table('documents');
call sovra.protect_tenant_table('chunks');
