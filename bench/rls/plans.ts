import { type Pool, withTenantScope } from "@sovra/db";

import type { Operation } from "./operations";
import type { Sample } from "./seed";

interface PlanNode {
  "Node Type": string;
  "Parent Relationship"?: string;
  "Index Name"?: string;
  "Index Cond"?: string;
  Filter?: string;
  "Actual Loops"?: number;
  Plans?: PlanNode[];
}

interface ExplainJson {
  Plan: PlanNode;
  "Planning Time": number;
  "Execution Time": number;
}

export interface PlanReport {
  variant: "scoped" | "owner";
  text: string;
  /** Index nodes whose Index Cond constrains tenant_id. */
  tenantIndexes: string[];
  /** Index nodes that check tenant_id as a filter on the rows they return. */
  tenantFilteredIndexes: string[];
  /** InitPlans (once per statement unless rescanned), the most loops any of them ran, and
   * SubPlans, which would run per row. */
  initPlans: number;
  initPlanLoops: number;
  subPlans: number;
  /** Filters the scan applies to each row it reads, such as a policy's role check. */
  rowFilters: string[];
  planningMs: number;
  executionMs: number;
}

const EXPLAIN_TEXT = "explain (analyze, buffers) ";
const EXPLAIN_JSON = "explain (analyze, buffers, format json) ";

/** EXPLAIN ANALYZE of the scoped statement, run inside a scoped transaction. */
export async function explainScoped(pool: Pool, op: Operation, sample: Sample) {
  const values = op.scopedValues(sample);
  return withTenantScope(pool, sample, async (tx) => {
    const text = await tx.query<{ "QUERY PLAN": string }>(EXPLAIN_TEXT + op.scopedSql, values);
    const json = await tx.query<{ "QUERY PLAN": ExplainJson[] }>(
      EXPLAIN_JSON + op.scopedSql,
      values,
    );
    return report("scoped", text, json);
  });
}

/** EXPLAIN ANALYZE of the owner statement, for comparison. */
export async function explainOwner(pool: Pool, op: Operation, sample: Sample) {
  const values = op.ownerValues(sample);
  const text = await pool.query<{ "QUERY PLAN": string }>(EXPLAIN_TEXT + op.ownerSql, values);
  const json = await pool.query<{ "QUERY PLAN": ExplainJson[] }>(
    EXPLAIN_JSON + op.ownerSql,
    values,
  );
  return report("owner", text.rows, json.rows);
}

/**
 * Runs both statements for one sample and compares the rows.
 * @throws Error when the scoped helper and the owner filter see different rows.
 */
export async function assertSameRows(pool: Pool, op: Operation, sample: Sample) {
  const scoped = await withTenantScope(pool, sample, (tx) =>
    tx.query(op.scopedSql, op.scopedValues(sample)),
  );
  const owner = await pool.query(op.ownerSql, op.ownerValues(sample));
  if (JSON.stringify(scoped) !== JSON.stringify(owner.rows)) {
    throw new Error(`${op.name}: the scoped helper and the owner filter return different rows`);
  }
}

function report(
  variant: PlanReport["variant"],
  text: readonly { "QUERY PLAN": string }[],
  json: readonly { "QUERY PLAN": ExplainJson[] }[],
): PlanReport {
  const explained = json[0]?.["QUERY PLAN"][0];
  if (explained === undefined) {
    throw new Error("EXPLAIN (format json) returned no plan");
  }
  const nodes = flatten(explained.Plan);
  const initPlans = nodes.filter((n) => n["Parent Relationship"] === "InitPlan");
  return {
    variant,
    text: text.map((row) => row["QUERY PLAN"]).join("\n"),
    tenantIndexes: indexesWhere(nodes, "Index Cond"),
    tenantFilteredIndexes: indexesWhere(nodes, "Filter"),
    initPlans: initPlans.length,
    initPlanLoops: Math.max(0, ...initPlans.map((n) => n["Actual Loops"] ?? 0)),
    subPlans: nodes.filter((n) => n["Parent Relationship"] === "SubPlan").length,
    rowFilters: nodes.flatMap((n) => (n.Filter === undefined ? [] : [n.Filter])),
    planningMs: explained["Planning Time"],
    executionMs: explained["Execution Time"],
  };
}

function indexesWhere(nodes: readonly PlanNode[], field: "Index Cond" | "Filter"): string[] {
  return nodes.flatMap((n) => {
    const name = n["Index Name"];
    return name !== undefined && /tenant_id/.test(n[field] ?? "") ? [name] : [];
  });
}

function flatten(node: PlanNode): PlanNode[] {
  return [node, ...(node.Plans ?? []).flatMap(flatten)];
}
