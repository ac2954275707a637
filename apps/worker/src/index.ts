export { createHealthServer, type HealthServerOptions } from "./health/health-server";
export { ListenError } from "./http/listen";
export {
  installShutdown,
  type ShutdownOptions,
  type ShutdownSignal,
  type SignalSource,
} from "./lifecycle/shutdown";
export { type RunningWorker, startWorker, type StartOptions } from "./start-worker";
export { workerSettingsFrom, type WorkerSettings } from "./worker-settings";
