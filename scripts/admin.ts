import { createLogger } from "@sovra/config";
import { AppError } from "@sovra/core";
import { listPlatformAdmins, setPlatformAdmin } from "@sovra/core/identity";
import { createPool } from "@sovra/db";

import { LauncherError } from "./launcher/errors";
import { loadConfigOrExplain } from "./launcher/load-config";
import { withConfiguredDatabase } from "./launcher/migrate-command";

const USAGE = `Usage: npm run admin -- grant <email> | revoke <email> | list

Grants or revokes the platform-admin flag of an existing user, or lists the admins.`;

type Command = { action: "grant" | "revoke"; email: string } | { action: "list" };

// `npm run admin`: platform-admin flags, on DATABASE_URL or the embedded data directory.
const command = parseCommand(process.argv.slice(2));
const config = command === undefined ? undefined : loadConfigOrExplain();
let exitCode = command === undefined ? 2 : 1;

if (command !== undefined && config !== undefined) {
  const logger = createLogger({ name: "admin", level: "warn" });
  try {
    await withConfiguredDatabase(config, logger, "admin", (url) => run(command, url));
    exitCode = 0;
  } catch (error) {
    if (!(error instanceof LauncherError || error instanceof AppError)) {
      throw error;
    }
    console.error(error.message);
  }
}
process.exit(exitCode);

function parseCommand(args: string[]): Command | undefined {
  const [action, email, ...rest] = args;
  if ((action === "grant" || action === "revoke") && email !== undefined && rest.length === 0) {
    return { action, email };
  }
  if (action === "list" && email === undefined) {
    return { action };
  }
  console.error(USAGE);
  return undefined;
}

async function run(command: Command, url: string): Promise<void> {
  const pool = createPool({ url, max: 1, applicationName: "sovra-admin" });
  try {
    if (command.action === "list") {
      const admins = await listPlatformAdmins(pool);
      console.log(
        admins.length === 0 ? "No platform admins." : admins.map((a) => a.email).join("\n"),
      );
      return;
    }
    const admin = command.action === "grant";
    const user = await setPlatformAdmin(pool, { email: command.email, admin });
    console.log(`${user.email} is ${admin ? "now" : "no longer"} a platform admin.`);
  } finally {
    await pool.end();
  }
}
