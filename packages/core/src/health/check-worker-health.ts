import { checkDatabase, type Pool } from "@sovra/db";

import type { HealthResponse, WorkerStatus } from "./health-check";
import { deriveWorkerStatus, workerHttpStatus } from "./overall-status";
import { runChecks } from "./run-checks";

export interface WorkerHealthDependencies {
  pool: Pool;
  timeoutMs?: number;
}

const DEFAULT_TIMEOUT_MS = 3_000;

/** Live checks of what the worker needs to do work, in the shape of the worker's `/health`. */
export async function checkWorkerHealth(
  dependencies: WorkerHealthDependencies,
): Promise<HealthResponse<WorkerStatus>> {
  const checks = await runChecks(
    { database: () => checkDatabase(dependencies.pool) },
    dependencies.timeoutMs ?? DEFAULT_TIMEOUT_MS,
  );

  const status = deriveWorkerStatus(checks);
  return { httpStatus: workerHttpStatus(status), body: { status, checks } };
}
