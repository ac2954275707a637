import { createLogger, getConfig, type Logger } from "@sovra/config";

import { exitOnStartError } from "./exit-on-start-error";
import { installShutdown } from "./lifecycle/shutdown";
import { startWorker } from "./start-worker";
import { workerSettingsFrom } from "./worker-settings";

let logger: Logger | undefined;

try {
  const config = getConfig();
  const settings = workerSettingsFrom(config);
  logger = createLogger({ name: "worker", level: config.logLevel });

  const worker = await startWorker(settings, logger);

  installShutdown({ logger, stop: worker.stop, timeoutMs: settings.shutdownTimeoutMs });
} catch (error) {
  exitOnStartError(error, logger);
}
