export { checkWebHealth, type WebHealthDependencies } from "./check-web-health";
export { checkWorkerHealth, type WorkerHealthDependencies } from "./check-worker-health";
export { describeProbeError } from "./describe-probe-error";
export type {
  CheckStatus,
  HealthCheck,
  HealthReport,
  HealthResponse,
  WebStatus,
  WorkerStatus,
} from "./health-check";
export {
  deriveWebStatus,
  deriveWorkerStatus,
  WEB_CRITICAL_CHECKS,
  webHttpStatus,
  workerHttpStatus,
} from "./overall-status";
export { type HttpProbeOptions, probeHttpHealth } from "./probe-http-health";
export { probeRedis, REDIS_PROBE_CLIENT_NAME, type RedisProbeOptions } from "./probe-redis";
export { type Probe, runChecks } from "./run-checks";
export { DeadlineExceededError, withDeadline } from "./with-deadline";
