/** The state of one dependency, as seen by a live probe. */
export type CheckStatus = "ok" | "down" | "not_configured";

export interface HealthCheck {
  status: CheckStatus;
  /** Round-trip time of the probe, in milliseconds, when one was made. */
  latency_ms?: number;
  /** A short reason for an operator; never a connection string or a credential. */
  error?: string;
}

/** `down` only when the database, which every request needs, is unreachable. */
export type WebStatus = "ok" | "degraded" | "down";

/** The worker has no optional checks yet: any failing check makes it degraded. */
export type WorkerStatus = "ok" | "degraded";

/** The body of `GET /api/health` and of the worker's `GET /health`. */
export interface HealthReport<Status extends string, Check extends HealthCheck = HealthCheck> {
  status: Status;
  checks: Record<string, Check>;
}

/** A report with the HTTP status an endpoint answers it with. */
export interface HealthResponse<Status extends string> {
  httpStatus: 200 | 503;
  body: HealthReport<Status>;
}
