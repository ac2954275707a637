import pg from "pg";

import type { Logger } from "@sovra/config";

export type Pool = pg.Pool;
export type PoolClient = pg.PoolClient;

export interface PoolSettings {
  url: string;
  max?: number;
  applicationName?: string;
  logger?: Logger;
}

/**
 * Opens a pool of owner connections. Tenant data is reached only through `withTenantScope`,
 * which drops to the sovra_app role inside each transaction.
 */
export function createPool(settings: PoolSettings): Pool {
  const pool = new pg.Pool({
    connectionString: settings.url,
    max: settings.max ?? 10,
    application_name: settings.applicationName ?? "sovra",
    connectionTimeoutMillis: 10_000,
    idleTimeoutMillis: 30_000,
  });
  // An idle client that loses its connection emits here; without a listener Node would crash.
  pool.on("error", (error) => {
    settings.logger?.warn({ err: error }, "idle database connection failed");
  });
  return pool;
}
