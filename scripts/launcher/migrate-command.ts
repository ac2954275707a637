import { join } from "node:path";

import type { Config, Logger } from "@sovra/config";
import { startEmbeddedDatabase } from "@sovra/db/embedded";
import type { MigrateResult } from "@sovra/db/migrate";

import { acquireDataLock, DataDirBusyError, type LockHolder, readLiveHolder } from "./data-lock";
import { connectExternal, describeHolder, describeUrl } from "./database";
import { LauncherError } from "./errors";
import { applyMigrations } from "./migrations";
import { DATA_FILES } from "./paths";

/**
 * Applies migrations to DATABASE_URL or, when it is unset, to the embedded data directory.
 * @throws LauncherError when the directory is busy or a migration fails.
 */
export function migrateConfiguredDatabase(
  config: Readonly<Config>,
  logger: Logger,
): Promise<MigrateResult> {
  return withConfiguredDatabase(config, logger, "migrate", (url) => applyMigrations(url, logger));
}

/**
 * Runs `work` against DATABASE_URL or, when it is unset, the embedded data directory. A
 * running launcher owns that directory: PGlite opened twice on the same files corrupts them,
 * so the work then goes through the launcher's own server instead.
 * @throws LauncherError when the directory is busy.
 */
export async function withConfiguredDatabase<T>(
  config: Readonly<Config>,
  logger: Logger,
  command: "migrate" | "admin",
  work: (url: string) => Promise<T>,
): Promise<T> {
  if (config.database.url !== undefined) {
    const database = await connectExternal(config, logger, new AbortController().signal);
    logger.info({ database: database.description }, "using DATABASE_URL");
    return work(database.url);
  }

  const lockFile = join(config.dataDir, DATA_FILES.lock);
  const holder = await readLiveHolder(lockFile);
  if (holder?.command === "launcher" && holder.databaseUrl !== undefined) {
    logger.info(
      { pid: holder.pid, dataDir: config.dataDir, database: describeUrl(holder.databaseUrl) },
      "a running launcher holds the data directory; working through its embedded server",
    );
    return work(holder.databaseUrl);
  }
  if (holder !== undefined) {
    throw busy(config.dataDir, holder.command, holder.pid);
  }
  return withDataDir(config, lockFile, logger, command, work);
}

async function withDataDir<T>(
  config: Readonly<Config>,
  lockFile: string,
  logger: Logger,
  command: "migrate" | "admin",
  work: (url: string) => Promise<T>,
): Promise<T> {
  const lock = await acquireDataLock(lockFile, command).catch((error: unknown) => {
    if (error instanceof DataDirBusyError) {
      throw busy(config.dataDir, error.holder.command, error.holder.pid);
    }
    throw error;
  });

  try {
    const dataDir = join(config.dataDir, DATA_FILES.pgdata);
    logger.info({ dataDir }, "opening the embedded database");
    // Port 0: this short-lived server must not collide with the launcher's configured port.
    const embedded = await startEmbeddedDatabase({ dataDir, port: 0 });
    try {
      return await work(embedded.url);
    } finally {
      await embedded.stop();
    }
  } finally {
    await lock.release();
  }
}

function busy(dataDir: string, command: LockHolder["command"], pid: number): LauncherError {
  return new LauncherError(
    `The data directory ${dataDir} is in use by ${describeHolder(command)} (pid ${pid}) and ` +
      "is not ready yet. Try again once it has started or finished.",
  );
}
