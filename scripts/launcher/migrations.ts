import type { Logger } from "@sovra/config";
import { createPool, MigrationError } from "@sovra/db";
import { migrate, type MigrateResult } from "@sovra/db/migrate";

import { LauncherError } from "./errors";

/**
 * Applies pending migrations over one owner connection and logs what changed.
 * @throws LauncherError naming the migration that failed; the runner rolled it back.
 */
export async function applyMigrations(url: string, logger: Logger): Promise<MigrateResult> {
  const pool = createPool({ url, max: 1, applicationName: "sovra-migrate", logger });
  try {
    const result = await migrate(pool);
    logResult(result, logger);
    return result;
  } catch (error) {
    if (error instanceof MigrationError) {
      throw new LauncherError(`${error.message}\nThe schema is as it was before that migration.`, {
        cause: error,
      });
    }
    throw error;
  } finally {
    await pool.end();
  }
}

function logResult(result: MigrateResult, logger: Logger): void {
  const total = result.applied.length + result.alreadyApplied.length;
  if (result.applied.length === 0) {
    logger.info({ applied: [], total }, `database schema is current (${total} migrations)`);
    return;
  }
  logger.info(
    { applied: result.applied, total },
    `applied ${result.applied.length} migration(s): ${result.applied.join(", ")}`,
  );
}
