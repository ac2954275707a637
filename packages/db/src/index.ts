export { type ConnectOptions, waitForDatabase } from "./connect";
export {
  DatabaseError,
  DatabaseUnavailableError,
  InvalidScopeError,
  MigrationError,
  sqlStateOf,
} from "./errors";
export { checkDatabase, type DatabaseHealth, describeConnectionError } from "./health";
export { MIGRATION_IDS } from "./migration-manifest";
export { getMigrationStatus, type MigrationStatus } from "./migration-status";
export { createPool, type Pool, type PoolClient, type PoolSettings } from "./pool";
export {
  APP_ROLE,
  type ScopedTransaction,
  type TenantScope,
  type UserScope,
  withSystemTransaction,
  withTenantScope,
  withUserScope,
} from "./scope";
