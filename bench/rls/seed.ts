import type { Pool } from "@sovra/db";

import type { Distribution } from "./options";
import { inTransaction } from "./transaction";

export interface SeedPlan {
  rows: number;
  tenants: number;
  distribution: Distribution;
}

export interface Sample {
  tenantId: string;
  userId: string;
  /** The agent to read; set for get-by-id samples only. */
  id?: string;
}

const SEED_PEOPLE_PER_TENANT = [
  `insert into users (name, email)
   select 'Bench user ' || i, 'bench-user-' || i || '@example.test'
   from generate_series(1, $1::int) as i`,
  `insert into tenants (name, slug)
   select 'Bench tenant ' || i, 'bench-' || i from generate_series(1, $1::int) as i`,
];

// The memberships trigger fills member_access, which the policies read.
const SEED_MEMBERSHIPS = `insert into memberships (tenant_id, user_id, role)
   select t.id, u.id, 'member'
   from tenants t
   join users u on u.email = 'bench-user-' || substr(t.slug, 7) || '@example.test'`;

// Rows are inserted in created_at order across all tenants, as a live table fills up, so one
// tenant's rows are spread over the heap rather than packed together.
const SEED_AGENTS = `
  insert into agents (
    tenant_id, name, provider, model, system_prompt, created_by, created_at, updated_at
  )
  select tenant_id, name, 'openai', 'gpt-4o-mini', 'You are a helpful assistant.', user_id,
         created_at, created_at
  from (
    select m.tenant_id, m.user_id, 'Agent ' || g as name,
           now() - random() * interval '365 days' as created_at
    from unnest($1::int[]) with ordinality as c (n, i)
    join tenants t on t.slug = 'bench-' || c.i
    join memberships m on m.tenant_id = t.id
    cross join lateral generate_series(1, c.n) as g
  ) as s
  order by created_at`;

/** Rows per tenant, largest first: Zipf with s = 1, or an even split. */
export function tenantSizes(plan: SeedPlan): number[] {
  const weights = Array.from({ length: plan.tenants }, (_, i) =>
    plan.distribution === "even" ? 1 : 1 / (i + 1),
  );
  const total = weights.reduce((sum, w) => sum + w, 0);
  const sizes = weights.map((w) => Math.floor((plan.rows * w) / total));
  let missing = plan.rows - sizes.reduce((sum, n) => sum + n, 0);
  for (let i = 0; missing > 0; i = (i + 1) % sizes.length, missing -= 1) {
    sizes[i] = (sizes[i] ?? 0) + 1;
  }
  return sizes;
}

/** Seeds tenants, members and agents as the owner with set-based inserts, then analyzes. */
export async function seed(pool: Pool, plan: SeedPlan, log: (line: string) => void) {
  await inTransaction(pool, async (client) => {
    await client.query("set local work_mem = '256MB'");
    for (const statement of SEED_PEOPLE_PER_TENANT) {
      await client.query(statement, [plan.tenants]);
    }
    await client.query(SEED_MEMBERSHIPS);
    await client.query(SEED_AGENTS, [tenantSizes(plan)]);
  });
  log(`seeded ${plan.tenants} tenants, members and ${plan.rows} agents`);

  // VACUUM as well as ANALYZE sets hint bits and the visibility map, so the measured reads
  // see a settled table instead of paying first-read costs on one variant only.
  await pool.query("vacuum (analyze) agents, tenants, users, memberships, member_access");
  log("vacuum (analyze) done");
}

/** Random agents, each with its tenant and member; popular tenants come up more often. */
export async function pointSamples(pool: Pool, count: number): Promise<Sample[]> {
  const { rows } = await pool.query<Sample>(
    `select a.id, a.tenant_id as "tenantId", m.user_id as "userId"
     from agents a join memberships m on m.tenant_id = a.tenant_id
     order by random() limit $1`,
    [count],
  );
  return rows;
}

/** Every tenant with its member, shuffled, repeated to `count`: each tenant lists equally. */
export async function tenantSamples(pool: Pool, count: number): Promise<Sample[]> {
  const { rows } = await pool.query<Sample>(
    `select tenant_id as "tenantId", user_id as "userId" from memberships order by random()`,
  );
  return Array.from({ length: count }, (_, i) => rows[i % rows.length] as Sample);
}
