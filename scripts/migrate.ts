import { createLogger } from "@sovra/config";

import { LauncherError } from "./launcher/errors";
import { loadConfigOrExplain } from "./launcher/load-config";
import { migrateConfiguredDatabase } from "./launcher/migrate-command";

// `npm run migrate`: applies pending migrations to DATABASE_URL, or to the embedded data dir.
const config = loadConfigOrExplain();
let exitCode = 1;
if (config !== undefined) {
  const logger = createLogger({ name: "migrate", level: config.logLevel });
  try {
    await migrateConfiguredDatabase(config, logger);
    exitCode = 0;
  } catch (error) {
    if (!(error instanceof LauncherError)) {
      throw error;
    }
    console.error(error.message);
  }
}
process.exit(exitCode);
