import { MIGRATION_IDS } from "./migration-manifest";
import type { Pool } from "./pool";

export interface MigrationStatus {
  applied: number;
  pending: string[];
  /** Applied migrations this build does not know: the database is ahead of the code. */
  unknown: string[];
}

const UNDEFINED_TABLE = "42P01";
const INVALID_SCHEMA = "3F000";

/** Compares the applied migrations with the manifest, without reading migration files. */
export async function getMigrationStatus(pool: Pool): Promise<MigrationStatus> {
  let appliedIds: string[];
  try {
    const result = await pool.query<{ id: string }>("select id from sovra.schema_migrations");
    appliedIds = result.rows.map((row) => row.id);
  } catch (error) {
    const code = (error as { code?: string }).code;
    if (code !== UNDEFINED_TABLE && code !== INVALID_SCHEMA) {
      throw error;
    }
    appliedIds = [];
  }

  const known: readonly string[] = MIGRATION_IDS;
  return {
    applied: appliedIds.length,
    pending: known.filter((id) => !appliedIds.includes(id)),
    unknown: appliedIds.filter((id) => !known.includes(id)),
  };
}
