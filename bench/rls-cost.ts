import { availableParallelism, loadavg } from "node:os";

import type { Pool } from "@sovra/db";
import { migrate } from "@sovra/db/migrate";

import { type BenchDatabase, createBenchDatabase } from "./rls/database";
import { measure } from "./rls/measure";
import { GET_BY_ID, LIST_50, type Operation } from "./rls/operations";
import { type BenchOptions, parseOptions, USAGE, UsageError } from "./rls/options";
import { assertSameRows, explainOwner, explainScoped } from "./rls/plans";
import {
  type OperationResult,
  planSection,
  resultTable,
  verdictLines,
  verdicts,
} from "./rls/report";
import { pointSamples, type Sample, seed, tenantSamples, tenantSizes } from "./rls/seed";

const started = performance.now();
let database: BenchDatabase | undefined;
let interrupted = false;

function log(line: string): void {
  const seconds = ((performance.now() - started) / 1000).toFixed(1).padStart(6);
  console.log(`[${seconds}s] ${line}`);
}

async function main(argv: readonly string[]): Promise<void> {
  const options = parseOptions(argv);
  if (options === undefined) {
    console.log(USAGE);
    return;
  }

  database = await createBenchDatabase(options.serverUrl);
  log(`created database ${database.name} on PostgreSQL ${database.serverVersion}`);
  logLoad();
  await prepare(database.pool, options);

  const { pool } = database;
  const points = await pointSamples(pool, total(options));
  const tenants = await tenantSamples(pool, total(options));
  const results = [
    await benchmark(pool, GET_BY_ID, points, options),
    await benchmark(pool, LIST_50, tenants, options),
  ];
  logLoad();
  printResults(results);
}

// Other work on the machine inflates both variants and the noise; the figures need it.
function logLoad(): void {
  const load = loadavg().map((n) => n.toFixed(2));
  log(`load average ${load.join(" ")} (1, 5, 15 min) on ${availableParallelism()} cores`);
}

async function prepare(pool: Pool, options: BenchOptions): Promise<void> {
  await migrate(pool);
  log("migrations applied");

  const sizes = tenantSizes(options);
  log(
    `seeding ${options.rows} agents over ${options.tenants} tenants, ${options.distribution} ` +
      `(largest ${sizes[0]}, smallest ${sizes[sizes.length - 1]} rows per tenant)`,
  );
  await seed(pool, options, log);
}

async function benchmark(
  pool: Pool,
  op: Operation,
  samples: Sample[],
  options: BenchOptions,
): Promise<OperationResult> {
  const first = samples[0];
  if (first === undefined) {
    throw new Error(`${op.name}: no samples; is the agents table empty?`);
  }
  await assertSameRows(pool, op, first);

  const series = await measure(pool, op, samples, { ...options, log });
  const plans = [await explainScoped(pool, op, first), await explainOwner(pool, op, first)];
  return { op, series, plans };
}

function printResults(results: readonly OperationResult[]): void {
  console.log("\nPlans (EXPLAIN ANALYZE, BUFFERS; the scoped one inside withTenantScope)\n");
  for (const { op, plans } of results) {
    for (const plan of plans) {
      console.log(planSection(op.name, plan), "\n");
    }
  }

  console.log("Timings in ms: txn = checkout, begin, set_config, query, commit, release\n");
  console.log(resultTable(results), "\n");
  for (const line of verdictLines(verdicts(results))) {
    console.log(line);
  }
}

function describe(error: unknown): string {
  if (error instanceof UsageError) {
    return error.message;
  }
  return error instanceof Error ? (error.stack ?? error.message) : String(error);
}

function total(options: BenchOptions): number {
  return options.warmup + options.iterations;
}

async function cleanUp(): Promise<void> {
  if (database !== undefined) {
    await database.drop();
    log(`dropped database ${database.name}`);
  }
}

function onSignal(signal: NodeJS.Signals): void {
  if (interrupted) {
    return;
  }
  interrupted = true;
  log(`${signal}: stopping and dropping the benchmark database`);
  cleanUp().then(
    () => process.exit(130),
    (error: unknown) => {
      console.error("could not drop the benchmark database:", error);
      process.exit(1);
    },
  );
}

process.on("SIGINT", onSignal);
process.on("SIGTERM", onSignal);

main(process.argv.slice(2))
  .then(cleanUp)
  .then(
    () => process.exit(interrupted ? 130 : 0),
    async (error: unknown) => {
      if (interrupted) {
        return;
      }
      console.error(describe(error));
      await cleanUp().catch((dropError: unknown) => console.error(dropError));
      process.exit(error instanceof UsageError ? 2 : 1);
    },
  );
