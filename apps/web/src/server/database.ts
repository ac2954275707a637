import { getConfig } from "@sovra/config";
import { createPool, type Pool } from "@sovra/db";

import { getLogger } from "./logger";

// Only the health check queries yet; raise this with the first feature that does real work.
const POOL_MAX = 2;

// Next's dev server re-evaluates modules on every change; without this, each reload would
// open another pool and leave the old one holding connections.
const holder = globalThis as typeof globalThis & { sovraWebPool?: Pool };

/**
 * The web app's database pool, opened on first use so that a build or a page that needs no
 * database never connects. Undefined when DATABASE_URL is not set.
 */
export function getDatabasePool(): Pool | undefined {
  const { url } = getConfig().database;
  if (url === undefined) {
    return undefined;
  }

  holder.sovraWebPool ??= createPool({
    url,
    max: POOL_MAX,
    applicationName: "sovra-web",
    logger: getLogger(),
  });
  return holder.sovraWebPool;
}
