import { join } from "node:path";

import type { Config, Logger } from "@sovra/config";
import { createPool, DatabaseUnavailableError, waitForDatabase } from "@sovra/db";
import { type EmbeddedDatabase, startEmbeddedDatabase } from "@sovra/db/embedded";

import { acquireDataLock, DataDirBusyError, type DataLock, type LockHolder } from "./data-lock";
import { LauncherError } from "./errors";
import { DATA_FILES } from "./paths";
import { sleep } from "./sleep";

export interface LaunchedDatabase {
  /** Owner URL handed to migrations and children. */
  url: string;
  /** For people: where the data is, never a credential. */
  description: string;
  stop(): Promise<void>;
}

/**
 * Starts the embedded PGlite server on the data directory, holding its lock file for as long
 * as it runs, so `npm run migrate` and a second launcher can tell the directory is in use.
 * @throws LauncherError when the directory is in use or the port is taken.
 */
export async function startEmbedded(
  config: Readonly<Config>,
  logger: Logger,
): Promise<LaunchedDatabase> {
  const lock = await lockDataDir(config.dataDir);
  const dataDir = join(config.dataDir, DATA_FILES.pgdata);
  const port = config.database.embeddedPort;
  logger.info({ dataDir, port }, "starting the embedded database");

  let embedded: EmbeddedDatabase;
  try {
    embedded = await startEmbeddedDatabase({ dataDir, port });
  } catch (error) {
    await lock.release();
    throw describeStartFailure(error, port);
  }
  await lock.update({ databaseUrl: embedded.url });

  return {
    url: embedded.url,
    description: `embedded PGlite on 127.0.0.1:${embedded.port}, data in ${dataDir}`,
    async stop() {
      try {
        await embedded.stop();
      } finally {
        await lock.release();
      }
    },
  };
}

async function lockDataDir(dataDir: string): Promise<DataLock> {
  try {
    return await acquireDataLock(join(dataDir, DATA_FILES.lock), "launcher");
  } catch (error) {
    if (error instanceof DataDirBusyError) {
      const { command, pid } = error.holder;
      throw new LauncherError(
        `The data directory ${dataDir} is in use by ${describeHolder(command)} (pid ${pid}). ` +
          "Stop it first, or set SOVRA_DATA_DIR to another directory.",
      );
    }
    throw error;
  }
}

const HOLDERS: Record<LockHolder["command"], string> = {
  launcher: "a running Sovra launcher (npm start)",
  migrate: "npm run migrate",
  admin: "npm run admin",
};

export function describeHolder(command: LockHolder["command"]): string {
  return HOLDERS[command];
}

function describeStartFailure(error: unknown, port: number): Error {
  if ((error as NodeJS.ErrnoException).code === "EADDRINUSE") {
    return new LauncherError(
      `Port ${port} for the embedded database is in use. Stop what listens on it, or set ` +
        "SOVRA_EMBEDDED_DB_PORT to a free port.",
      { cause: error },
    );
  }
  return error instanceof Error ? error : new Error(String(error));
}

/**
 * Waits for the database named by DATABASE_URL with the configured retries and backoff.
 * @throws LauncherError when it never answers.
 */
export async function connectExternal(
  config: Readonly<Config>,
  logger: Logger,
  signal: AbortSignal,
): Promise<LaunchedDatabase> {
  const url = config.database.url ?? "";
  const description = `Postgres at ${describeUrl(url)}`;
  const pool = createPool({ url, max: 1, applicationName: "sovra-launcher", logger });
  try {
    await waitForDatabase(pool, {
      retries: config.database.connectRetries,
      logger,
      signal,
      sleep: (ms) => sleep(ms, signal),
    });
  } catch (error) {
    if (error instanceof DatabaseUnavailableError) {
      throw new LauncherError(
        `Cannot reach ${description} (DATABASE_URL): ${error.message}. ` +
          "Check that the server is running and the URL is right.",
        { cause: error },
      );
    }
    throw error;
  } finally {
    await pool.end();
  }
  return { url, description, stop: async () => undefined };
}

/** host:port/database, without user or password. */
export function describeUrl(url: string): string {
  const parsed = new URL(url);
  return `${parsed.hostname}:${parsed.port || "5432"}${parsed.pathname}`;
}
