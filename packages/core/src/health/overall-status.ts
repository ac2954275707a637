import type { HealthCheck, WebStatus, WorkerStatus } from "./health-check";

type Checks = Readonly<Record<string, HealthCheck>>;

/** Checks without which the web app cannot serve a single request. */
export const WEB_CRITICAL_CHECKS: readonly string[] = ["database"];

/**
 * The web app's overall status: a critical check that is not ok (or missing) makes it down; a
 * configured optional check that fails makes it degraded; `not_configured` never lowers it.
 */
export function deriveWebStatus(
  checks: Checks,
  critical: readonly string[] = WEB_CRITICAL_CHECKS,
): WebStatus {
  if (critical.some((name) => checks[name]?.status !== "ok")) {
    return "down";
  }

  return hasFailure(checks) ? "degraded" : "ok";
}

/** The worker's overall status: degraded when any configured check fails. */
export function deriveWorkerStatus(checks: Checks): WorkerStatus {
  return hasFailure(checks) ? "degraded" : "ok";
}

/** 503 tells a load balancer to stop sending traffic; degraded web still serves requests. */
export function webHttpStatus(status: WebStatus): 200 | 503 {
  return status === "down" ? 503 : 200;
}

/** The worker is taken out of rotation whenever it is not fully ready. */
export function workerHttpStatus(status: WorkerStatus): 200 | 503 {
  return status === "ok" ? 200 : 503;
}

function hasFailure(checks: Checks): boolean {
  return Object.values(checks).some((check) => check.status === "down");
}
