import type { Logger } from "@sovra/config";
import type { SovraAuth } from "@sovra/core/identity";
import type { Pool } from "@sovra/db";

/**
 * What API handlers need from the process, resolved lazily so that a build never opens a
 * database or reads a secret. Tests pass their own.
 */
export interface ApiDependencies {
  pool(): Pool;
  auth(): SovraAuth;
  logger(): Logger;
}
