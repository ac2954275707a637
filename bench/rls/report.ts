import { percentiles, type Series, summarize } from "./measure";
import type { Operation } from "./operations";
import type { PlanReport } from "./plans";

export interface OperationResult {
  op: Operation;
  series: Series;
  plans: PlanReport[];
}

export interface Verdict {
  op: string;
  ratio: number;
  /** Median of scoped/owner within each pair; less sensitive to drift between pairs. */
  pairedRatio: number;
  target: number;
  pass: boolean;
  tenantIndex: boolean;
  indexNote: string;
}

const HEADER = ["op", "variant", "txn median", "txn p95", "query median", "query p95"];

/** The final table: per operation and variant, in milliseconds, then the ratio row. */
export function resultTable(results: readonly OperationResult[]): string {
  const rows: string[][] = [HEADER];
  for (const { op, series } of results) {
    rows.push(timingRow(op.name, "scoped", series.scoped));
    rows.push(timingRow(op.name, "owner", series.owner));
    rows.push(ratioRow(op.name, series));
  }
  return formatColumns(rows);
}

/** PASS or MISS per target, judged on the ratio of the transaction medians. */
export function verdicts(results: readonly OperationResult[]): Verdict[] {
  return results.map(({ op, series, plans }) => {
    const ratio =
      summarize(series.scoped, "totalMs").median / summarize(series.owner, "totalMs").median;
    const scopedPlan = plans.find((p) => p.variant === "scoped");
    const index = indexVerdict(op, scopedPlan);
    return {
      op: op.name,
      ratio,
      pairedRatio: pairedRatio(series),
      target: op.target,
      pass: ratio <= op.target,
      tenantIndex: index.pass,
      indexNote: index.note,
    };
  });
}

export function verdictLines(list: readonly Verdict[]): string[] {
  return list.flatMap((v) => [
    `${v.pass ? "PASS" : "MISS"}  ${v.op}: scoped/owner ${v.ratio.toFixed(3)} ` +
      `(target <= ${v.target.toFixed(2)}; median of paired ratios ${v.pairedRatio.toFixed(3)})`,
    `${v.tenantIndex ? "PASS" : "MISS"}  ${v.op}: scoped plan has an index path on tenant_id ` +
      `(${v.indexNote})`,
  ]);
}

function indexVerdict(op: Operation, plan: PlanReport | undefined) {
  const inCond = plan?.tenantIndexes ?? [];
  const asFilter = op.tenantFilterSuffices ? (plan?.tenantFilteredIndexes ?? []) : [];
  if (inCond.length > 0) {
    return { pass: true, note: `tenant_id in the index condition of ${inCond.join(", ")}` };
  }
  if (asFilter.length > 0) {
    return { pass: true, note: `unique lookup on ${asFilter.join(", ")}, tenant_id filtered` };
  }
  return { pass: false, note: "no index scan constrained by tenant_id" };
}

/** One paragraph per plan: the EXPLAIN text and what it says about the policy. */
export function planSection(name: string, plan: PlanReport): string {
  const indexes = [
    ...plan.tenantIndexes.map((name) => `${name} (index condition)`),
    ...plan.tenantFilteredIndexes.map((name) => `${name} (filter)`),
  ];
  const filters = plan.rowFilters.length > 0 ? plan.rowFilters.join("; ") : "none";
  return [
    `--- ${name}, ${plan.variant} ---`,
    plan.text,
    `tenant_id on index scans: ${indexes.join(", ") || "none"}; ${initPlanText(plan)}; ` +
      `subplans run per row: ${plan.subPlans}`,
    `per-row filters: ${filters}`,
    `planning ${plan.planningMs.toFixed(3)} ms, execution ${plan.executionMs.toFixed(3)} ms`,
  ].join("\n");
}

function initPlanText(plan: PlanReport): string {
  if (plan.initPlans === 0) {
    return "initplans: none";
  }
  const loops = plan.initPlanLoops === 1 ? "each ran once" : `up to ${plan.initPlanLoops} loops`;
  return `initplans: ${plan.initPlans}, ${loops}`;
}

function pairedRatio(series: Series): number {
  const ratios = series.scoped.map((s, i) => s.totalMs / (series.owner[i]?.totalMs ?? Number.NaN));
  return percentiles(ratios).median;
}

function timingRow(name: string, variant: string, timings: Series["scoped"]): string[] {
  const total = summarize(timings, "totalMs");
  const query = summarize(timings, "queryMs");
  return [name, variant, ms(total.median), ms(total.p95), ms(query.median), ms(query.p95)];
}

function ratioRow(name: string, series: Series): string[] {
  const ratio = (field: "totalMs" | "queryMs", key: "median" | "p95") =>
    (summarize(series.scoped, field)[key] / summarize(series.owner, field)[key]).toFixed(3);
  return [
    name,
    "ratio",
    ratio("totalMs", "median"),
    ratio("totalMs", "p95"),
    ratio("queryMs", "median"),
    ratio("queryMs", "p95"),
  ];
}

function formatColumns(rows: readonly string[][]): string {
  const widths = HEADER.map((_, c) => Math.max(...rows.map((r) => (r[c] ?? "").length)));
  const pad = (cell: string, c: number) =>
    c < 2 ? cell.padEnd(widths[c] ?? 0) : cell.padStart(widths[c] ?? 0);
  return rows.map((r) => r.map(pad).join("  ")).join("\n");
}

function ms(value: number): string {
  return value.toFixed(3);
}
