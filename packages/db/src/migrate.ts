import { createHash } from "node:crypto";
import { readdir, readFile } from "node:fs/promises";
import { fileURLToPath } from "node:url";

import type { Logger } from "@sovra/config";

import { MigrationError } from "./errors";
import { MIGRATION_IDS } from "./migration-manifest";
import type { Pool, PoolClient } from "./pool";

const DEFAULT_DIRECTORY = fileURLToPath(new URL("../migrations/", import.meta.url));

// Any fixed 64-bit number works; it only has to differ from other advisory locks in use.
const MIGRATION_LOCK_KEY = 7_303_847_236_011;

export interface Migration {
  id: string;
  sql: string;
  checksum: string;
}

export interface MigrateOptions {
  logger?: Logger;
  directory?: string;
  /** The expected migration ids in order; tests pass their own with their own directory. */
  manifest?: readonly string[];
}

export interface MigrateResult {
  applied: string[];
  alreadyApplied: string[];
}

/**
 * Applies pending migrations, each in its own transaction under an advisory lock, so two
 * runners started together apply each migration once and a failed migration leaves the
 * schema as it was.
 * @throws MigrationError naming the migration that failed, changed or is unknown.
 */
export async function migrate(pool: Pool, options: MigrateOptions = {}): Promise<MigrateResult> {
  const migrations = await loadMigrations(
    options.directory ?? DEFAULT_DIRECTORY,
    options.manifest ?? MIGRATION_IDS,
  );
  const result: MigrateResult = { applied: [], alreadyApplied: [] };

  await inTransaction(pool, "bookkeeping", async (client) => {
    await client.query("create schema if not exists sovra");
    await client.query(
      `create table if not exists sovra.schema_migrations (
         id text primary key,
         checksum text not null,
         applied_at timestamptz not null default now()
       )`,
    );
  });

  for (const migration of migrations) {
    const applied = await applyOne(pool, migration);
    (applied ? result.applied : result.alreadyApplied).push(migration.id);
    if (applied) {
      options.logger?.info({ migration: migration.id }, "migration applied");
    }
  }
  return result;
}

async function applyOne(pool: Pool, migration: Migration): Promise<boolean> {
  return inTransaction(pool, migration.id, async (client) => {
    const recorded = await client.query<{ checksum: string }>(
      "select checksum from sovra.schema_migrations where id = $1",
      [migration.id],
    );
    const existing = recorded.rows[0];
    if (existing !== undefined) {
      if (existing.checksum !== migration.checksum) {
        throw new MigrationError(
          migration.id,
          "its file changed after it was applied; add a new migration instead",
        );
      }
      return false;
    }

    await client.query(migration.sql);
    await client.query("insert into sovra.schema_migrations (id, checksum) values ($1, $2)", [
      migration.id,
      migration.checksum,
    ]);
    return true;
  });
}

async function inTransaction<T>(
  pool: Pool,
  migrationId: string,
  work: (client: PoolClient) => Promise<T>,
): Promise<T> {
  const client = await pool.connect();
  try {
    await client.query("begin");
    await client.query("select pg_advisory_xact_lock($1)", [MIGRATION_LOCK_KEY]);
    const value = await work(client);
    await client.query("commit");
    return value;
  } catch (error) {
    await client.query("rollback").catch(() => undefined);
    if (error instanceof MigrationError) {
      throw error;
    }
    const message = error instanceof Error ? error.message : String(error);
    throw new MigrationError(migrationId, message, { cause: error });
  } finally {
    client.release();
  }
}

/**
 * Reads the migration files and checks them against the manifest.
 * @throws MigrationError when a file is missing from the manifest or the manifest names a
 * missing file.
 */
export async function loadMigrations(
  directory: string,
  expected: readonly string[] = MIGRATION_IDS,
): Promise<Migration[]> {
  const files = (await readdir(directory)).filter((file) => file.endsWith(".sql")).sort();
  const ids = files.map((file) => file.slice(0, -".sql".length));

  const unlisted = ids.find((id) => !expected.includes(id));
  if (unlisted !== undefined) {
    throw new MigrationError(unlisted, "the file is not listed in migration-manifest.ts");
  }
  const missing = expected.find((id) => !ids.includes(id));
  if (missing !== undefined) {
    throw new MigrationError(missing, "listed in migration-manifest.ts but has no file");
  }

  return Promise.all(
    expected.map(async (id) => {
      const sql = await readFile(`${directory}/${id}.sql`, "utf8");
      const checksum = createHash("sha256").update(sql).digest("hex");
      return { id, sql, checksum };
    }),
  );
}
