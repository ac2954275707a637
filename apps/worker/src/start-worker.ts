import type { Logger } from "@sovra/config";
import { createPool } from "@sovra/db";

import { createHealthServer } from "./health/health-server";
import { closeServer, listen, originOf } from "./http/listen";
import { connectInBackground } from "./lifecycle/connect-in-background";
import type { WorkerSettings } from "./worker-settings";

export interface RunningWorker {
  /** Origin of the health server, such as http://127.0.0.1:8080. */
  origin: string;
  /** Resolves once the database answered, or false once start-up gave up waiting for it. */
  databaseReady: Promise<boolean>;
  /** Stops accepting, drains requests in flight and closes the database pool. */
  stop(): Promise<void>;
}

export interface StartOptions {
  /** Milliseconds before the first database retry; doubles each time. */
  connectInitialDelayMs?: number;
}

/**
 * Starts the worker: the health server first, so it answers while the database is still
 * coming up, then the database connection in the background.
 * @throws ListenError when the health port cannot be bound.
 */
export async function startWorker(
  settings: WorkerSettings,
  logger: Logger,
  options: StartOptions = {},
): Promise<RunningWorker> {
  const pool = createPool({
    url: settings.databaseUrl,
    max: settings.poolMax,
    applicationName: "sovra-worker",
    logger,
  });
  const server = createHealthServer({ pool, logger });
  const port = await listen(server, settings.host, settings.httpPort).catch(async (error) => {
    await pool.end();
    throw error;
  });

  const origin = originOf(settings.host, port);
  logger.info({ health: `${origin}/health`, live: `${origin}/health/live` }, "worker ready");

  const connecting = new AbortController();
  const databaseReady = connectInBackground({
    pool,
    logger,
    retries: settings.connectRetries,
    signal: connecting.signal,
    initialDelayMs: options.connectInitialDelayMs,
  });

  return {
    origin,
    databaseReady,
    async stop() {
      connecting.abort();
      await closeServer(server);
      await databaseReady;
      await pool.end();
    },
  };
}
