/**
 * The migrations in the order they apply. The runner refuses a migrations folder that holds
 * a file missing here, so the list cannot drift from the SQL; the web health check compares
 * it with what the database has applied without reading files.
 */
export const MIGRATION_IDS = [
  "0001_foundation",
  "0002_identity",
  "0003_agents_and_workspaces",
  "0004_knowledge",
  "0005_billing_and_audit",
] as const;
