import { AppError } from "@sovra/core";

import { getAuth } from "../auth";
import { getDatabasePool } from "../database";
import { getLogger } from "../logger";
import type { ApiDependencies } from "./api-dependencies";

/** The web process's own pool, auth and logger, for the route files to bind. */
export const processDependencies: ApiDependencies = {
  pool() {
    const pool = getDatabasePool();
    if (pool === undefined) {
      throw new AppError(
        "not_configured",
        "The API needs DATABASE_URL; start Sovra with npm start.",
      );
    }
    return pool;
  },
  auth: getAuth,
  logger: getLogger,
};
