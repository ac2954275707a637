import { getConfig } from "@sovra/config";
import { AppError } from "@sovra/core";
import { createAuth, createMailer, type SovraAuth } from "@sovra/core/identity";

import { getDatabasePool } from "./database";
import { getLogger } from "./logger";

// Next's dev server re-evaluates modules on every change; one instance per process survives it.
const holder = globalThis as typeof globalThis & { sovraWebAuth?: SovraAuth };

/**
 * The web app's Better Auth instance, created on first use so that a build or a page without
 * sign-in never needs the secret or the database.
 * @throws AppError `not_configured` when the database or BETTER_AUTH_SECRET is missing.
 */
export function getAuth(): SovraAuth {
  if (holder.sovraWebAuth !== undefined) {
    return holder.sovraWebAuth;
  }

  const pool = getDatabasePool();
  if (pool === undefined) {
    throw new AppError("not_configured", "Sign-in needs the database, and none is configured.");
  }

  const config = getConfig();
  const logger = getLogger();
  holder.sovraWebAuth = createAuth({ pool, config, logger, mailer: createMailer(config, logger) });
  return holder.sovraWebAuth;
}
