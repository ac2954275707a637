import { getConfig } from "@sovra/config";
import { checkWebHealth } from "@sovra/core/health";

import { getDatabasePool } from "../../../server/database";

export const runtime = "nodejs";
// Every request probes live: never prerendered, never cached.
export const dynamic = "force-dynamic";

/** GET /api/health: live checks of the database, the worker and Redis. */
export async function GET(): Promise<Response> {
  const config = getConfig();

  const { httpStatus, body } = await checkWebHealth({
    pool: getDatabasePool(),
    workerHealthUrl: config.worker.healthUrl,
    redisUrl: config.redis.url,
  });

  return Response.json(body, { status: httpStatus, headers: { "cache-control": "no-store" } });
}
