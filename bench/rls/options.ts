import { parseArgs } from "node:util";

import { getTestSettings } from "@sovra/config";

export type Distribution = "zipf" | "even";

export interface BenchOptions {
  /** Server URL; the benchmark creates and drops its own database on that server. */
  serverUrl: string;
  rows: number;
  tenants: number;
  iterations: number;
  warmup: number;
  distribution: Distribution;
}

export const USAGE = `Usage: npm run bench:rls -- [options]

Measures what RLS costs: get-by-id and list-50 on agents, through withTenantScope and as the
owner with an explicit tenant_id filter, in one run on native Postgres.

  --database-url URL   Postgres server (default: DATABASE_URL); a throw-away database is
                       created on it and dropped at the end
  --rows N             rows in agents (default 1000000)
  --tenants N          tenants, one member user each (default 200)
  --iterations N       measured pairs per operation (default 4000)
  --warmup N           unmeasured pairs per operation first (default 400)
  --even               spread rows evenly instead of the default Zipf (s = 1) skew
  --help               this text`;

/** Thrown for a bad command line or a missing server; the message is for the operator. */
export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "UsageError";
  }
}

/** Reads the command line; `undefined` means help was asked for. */
export function parseOptions(argv: readonly string[]): BenchOptions | undefined {
  const values = readFlags(argv);
  if (values.help) {
    return undefined;
  }

  return {
    serverUrl: resolveServerUrl(values["database-url"]),
    rows: positiveInt("rows", values.rows, 1_000_000),
    tenants: positiveInt("tenants", values.tenants, 200),
    iterations: positiveInt("iterations", values.iterations, 4_000),
    warmup: positiveInt("warmup", values.warmup, 400),
    distribution: values.even ? "even" : "zipf",
  };
}

function readFlags(argv: readonly string[]) {
  try {
    return parseFlags(argv);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new UsageError(`${reason}\n\n${USAGE}`);
  }
}

function parseFlags(argv: readonly string[]) {
  const { values } = parseArgs({
    args: [...argv],
    options: {
      "database-url": { type: "string" },
      rows: { type: "string" },
      tenants: { type: "string" },
      iterations: { type: "string" },
      warmup: { type: "string" },
      even: { type: "boolean", default: false },
      help: { type: "boolean", default: false },
    },
    strict: true,
  });
  return values;
}

function resolveServerUrl(flag: string | undefined): string {
  const url = flag ?? getTestSettings().databaseUrl;
  if (url === undefined || url.trim() === "") {
    throw new UsageError(
      "The RLS benchmark runs on native Postgres only and needs a server: pass " +
        "--database-url postgres://user@host:5432/postgres or set DATABASE_URL. " +
        "It creates a throw-away database there and drops it at the end.",
    );
  }
  return url.trim();
}

function positiveInt(name: string, raw: string | undefined, fallback: number): number {
  if (raw === undefined) {
    return fallback;
  }
  const value = Number(raw);
  if (!Number.isSafeInteger(value) || value <= 0) {
    throw new UsageError(`--${name} must be a positive integer, got "${raw}"`);
  }
  return value;
}
