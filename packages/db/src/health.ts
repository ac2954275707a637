import { getMigrationStatus } from "./migration-status";
import type { Pool } from "./pool";

export interface DatabaseHealth {
  status: "ok" | "down";
  latency_ms?: number;
  migrations?: { applied: number; pending: string[] };
  error?: string;
}

/**
 * A live probe: one round trip, timed, and whether every known migration is applied.
 * Never throws; an unreachable database is reported as down with a short reason.
 */
export async function checkDatabase(
  pool: Pool,
  now: () => number = performance.now.bind(performance),
): Promise<DatabaseHealth> {
  const started = now();
  try {
    await pool.query("select 1");
    const latency = Math.round((now() - started) * 10) / 10;
    const migrations = await getMigrationStatus(pool);
    const current = migrations.pending.length === 0;
    return {
      status: current ? "ok" : "down",
      latency_ms: latency,
      migrations: { applied: migrations.applied, pending: migrations.pending },
      ...(current ? {} : { error: "migrations pending: run npm run migrate" }),
    };
  } catch (error) {
    return { status: "down", error: describeConnectionError(error) };
  }
}

/** A reason safe to show an operator: the error code or message, never a connection string. */
export function describeConnectionError(error: unknown): string {
  if (error !== null && typeof error === "object") {
    const { code, message } = error as { code?: unknown; message?: unknown };
    if (typeof code === "string" && code.length > 0) {
      return typeof message === "string" ? `${code}: ${message}` : code;
    }
    if (typeof message === "string" && message.length > 0) {
      return message;
    }
  }
  return "unreachable";
}
