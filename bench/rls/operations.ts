import { APP_ROLE, type Pool, withTenantScope } from "@sovra/db";

import type { Sample } from "./seed";

export interface Timing {
  /** The whole transaction: checkout, begin, set_config, query, commit, release. */
  totalMs: number;
  /** The one statement that reads agents. */
  queryMs: number;
  rows: number;
}

export interface Operation {
  name: string;
  /** Rows each variant must return; a tenant smaller than the page returns all it has. */
  minRows: number;
  maxRows: number;
  /** A unique lookup by id may check tenant_id as a filter on the one row it finds. */
  tenantFilterSuffices: boolean;
  target: number;
  scopedSql: string;
  ownerSql: string;
  scopedValues: (sample: Sample) => unknown[];
  ownerValues: (sample: Sample) => unknown[];
}

const LIST_COLUMNS = "id, name, model, status, created_at";

export const GET_BY_ID: Operation = {
  name: "get-by-id",
  minRows: 1,
  maxRows: 1,
  tenantFilterSuffices: true,
  target: 1.1,
  scopedSql: "select * from agents where id = $1",
  ownerSql: "select * from agents where tenant_id = $1 and id = $2",
  scopedValues: (s) => [s.id],
  ownerValues: (s) => [s.tenantId, s.id],
};

export const LIST_50: Operation = {
  name: "list-50",
  minRows: 1,
  maxRows: 50,
  tenantFilterSuffices: false,
  target: 1.05,
  scopedSql: `select ${LIST_COLUMNS} from agents order by created_at desc limit 50`,
  ownerSql:
    `select ${LIST_COLUMNS} from agents where tenant_id = $1 ` +
    "order by created_at desc limit 50",
  scopedValues: () => [],
  ownerValues: (s) => [s.tenantId],
};

// The owner pays the same statement as the scoped helper's set_config, with the same
// parameters, but into placeholder settings that change neither the role nor any policy.
const OWNER_SETTINGS = `select set_config('sovra_bench.role', $1, true),
  set_config('sovra_bench.claims', $2, true),
  set_config('sovra_bench.sub', $3, true),
  set_config('sovra_bench.tenant_id', $4, true)`;

/** One transaction through withTenantScope: RLS decides which rows the query sees. */
export async function runScoped(pool: Pool, op: Operation, sample: Sample): Promise<Timing> {
  const started = performance.now();
  let queryMs = 0;
  const rows = await withTenantScope(pool, sample, async (tx) => {
    const queryStarted = performance.now();
    const found = await tx.query(op.scopedSql, op.scopedValues(sample));
    queryMs = performance.now() - queryStarted;
    return found.length;
  });
  return { totalMs: performance.now() - started, queryMs, rows };
}

/** One owner transaction with the same round trips and an explicit tenant_id filter. */
export async function runOwner(pool: Pool, op: Operation, sample: Sample): Promise<Timing> {
  const started = performance.now();
  const client = await pool.connect();
  try {
    await client.query("begin");
    await client.query(OWNER_SETTINGS, [
      APP_ROLE,
      ownerClaims(sample),
      sample.userId,
      sample.tenantId,
    ]);
    const queryStarted = performance.now();
    const found = await client.query(op.ownerSql, op.ownerValues(sample));
    const queryMs = performance.now() - queryStarted;
    await client.query("commit");
    client.release();
    return { totalMs: performance.now() - started, queryMs, rows: found.rows.length };
  } catch (error) {
    await client.query("rollback").catch(() => undefined);
    client.release();
    throw error;
  }
}

function ownerClaims(sample: Sample): string {
  return JSON.stringify({ sub: sample.userId, tenant_id: sample.tenantId, role: "authenticated" });
}
