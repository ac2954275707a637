import { checkDatabase, type Pool } from "@sovra/db";

import type { HealthCheck, HealthResponse, WebStatus } from "./health-check";
import { deriveWebStatus, webHttpStatus } from "./overall-status";
import { probeHttpHealth } from "./probe-http-health";
import { probeRedis } from "./probe-redis";
import { runChecks } from "./run-checks";

export interface WebHealthDependencies {
  /** Undefined when no database URL is configured. */
  pool: Pool | undefined;
  workerHealthUrl: string;
  redisUrl: string | undefined;
  /** Budget for each probe; they run at the same time. */
  timeoutMs?: number;
}

const DEFAULT_TIMEOUT_MS = 3_000;

const NO_DATABASE: HealthCheck = {
  status: "down",
  error: "DATABASE_URL is not set; npm start provides the embedded database",
};

/**
 * Live checks of everything the web app depends on, in the shape of `GET /api/health`:
 * the database (round trip and migrations), the worker's health endpoint and Redis.
 */
export async function checkWebHealth(
  dependencies: WebHealthDependencies,
): Promise<HealthResponse<WebStatus>> {
  const timeoutMs = dependencies.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const { pool } = dependencies;

  const checks = await runChecks(
    {
      database: async () => (pool === undefined ? NO_DATABASE : checkDatabase(pool)),
      worker: () => probeHttpHealth(dependencies.workerHealthUrl, { timeoutMs }),
      redis: () => probeRedis(dependencies.redisUrl, { timeoutMs }),
    },
    timeoutMs,
  );

  const status = deriveWebStatus(checks);
  return { httpStatus: webHttpStatus(status), body: { status, checks } };
}
