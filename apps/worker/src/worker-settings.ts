import { type Config, ConfigError } from "@sovra/config";

/** What the worker needs from the configuration, with the database URL made required. */
export interface WorkerSettings {
  databaseUrl: string;
  host: string;
  /** 0 picks a free port; tests use it. */
  httpPort: number;
  poolMax: number;
  connectRetries: number;
  shutdownTimeoutMs: number;
}

/**
 * Picks the worker's settings out of the process config.
 * @throws ConfigError when DATABASE_URL is missing: unlike the web app, the worker cannot
 * report anything useful without it, and the launcher always provides it.
 */
export function workerSettingsFrom(config: Readonly<Config>): WorkerSettings {
  const databaseUrl = config.database.url;
  if (databaseUrl === undefined) {
    throw new ConfigError([
      {
        variable: "DATABASE_URL",
        message:
          "is required by the worker; `npm start` provides it (the embedded database or yours)",
      },
    ]);
  }

  return {
    databaseUrl,
    host: config.worker.host,
    httpPort: config.worker.httpPort,
    poolMax: config.database.poolMax,
    connectRetries: config.database.connectRetries,
    shutdownTimeoutMs: config.worker.shutdownTimeoutMs,
  };
}
