import { randomBytes } from "node:crypto";
import { chmod, mkdir, readFile, rename, stat, writeFile } from "node:fs/promises";
import { dirname } from "node:path";

import { type Config, MIN_SECRET_LENGTH } from "@sovra/config";

import { LauncherError } from "./errors";

export const LOCAL_SECRET_NAMES = [
  "INTERNAL_API_SECRET",
  "SOCKET_TOKEN_SECRET",
  "BETTER_AUTH_SECRET",
] as const;

export type LocalSecretName = (typeof LOCAL_SECRET_NAMES)[number];
export type LocalSecrets = Partial<Record<LocalSecretName, string>>;

const SECRET_BYTES = 48;
const OWNER_ONLY = 0o600;

/**
 * Returns a value for each missing secret: the one stored in `file` when there is one, else a
 * new random one, stored for the next start. Local use only: production supplies its secrets.
 * @throws LauncherError when the file exists but is not a JSON object.
 */
export async function ensureLocalSecrets(
  file: string,
  missing: readonly LocalSecretName[],
): Promise<LocalSecrets> {
  if (missing.length === 0) {
    return {};
  }

  const stored = await readSecretsFile(file);
  const chosen: LocalSecrets = {};
  let changed = false;
  for (const name of missing) {
    const kept = stored[name];
    if (typeof kept === "string" && kept.length >= MIN_SECRET_LENGTH) {
      chosen[name] = kept;
      continue;
    }
    chosen[name] = randomBytes(SECRET_BYTES).toString("base64url");
    stored[name] = chosen[name];
    changed = true;
  }

  if (changed) {
    await writeSecretsFile(file, stored);
  }
  return chosen;
}

async function readSecretsFile(file: string): Promise<Record<string, unknown>> {
  let text: string;
  try {
    text = await readFile(file, "utf8");
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") {
      return {};
    }
    throw error;
  }

  await tightenMode(file);
  const parsed: unknown = parseJson(text);
  if (parsed === null || typeof parsed !== "object" || Array.isArray(parsed)) {
    throw new LauncherError(
      `${file} is not a JSON object. Fix it, or delete it to generate new local secrets ` +
        "(existing sessions then end).",
    );
  }
  return parsed as Record<string, unknown>;
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

// A copy made with cp or restored from a backup may have lost its mode; these are credentials.
async function tightenMode(file: string): Promise<void> {
  const { mode } = await stat(file);
  if ((mode & 0o077) !== 0) {
    await chmod(file, OWNER_ONLY);
  }
}

// Written to a temporary file and renamed, so a crash mid-write never leaves half a file that
// would make the next start invent new secrets and sign everyone out.
async function writeSecretsFile(file: string, secrets: Record<string, unknown>): Promise<void> {
  await mkdir(dirname(file), { recursive: true, mode: 0o700 });
  const temporary = `${file}.${process.pid}.tmp`;
  await writeFile(temporary, `${JSON.stringify(secrets, null, 2)}\n`, { mode: OWNER_ONLY });
  await rename(temporary, file);
}

/** The secrets a local start has to supply itself; none in production, which fails closed. */
export function missingLocalSecrets(config: Readonly<Config>): LocalSecretName[] {
  if (config.isProduction) {
    return [];
  }
  const configured: Record<LocalSecretName, string | undefined> = {
    INTERNAL_API_SECRET: config.secrets.internalApi,
    SOCKET_TOKEN_SECRET: config.secrets.socketToken,
    BETTER_AUTH_SECRET: config.secrets.auth,
  };
  return LOCAL_SECRET_NAMES.filter((name) => configured[name] === undefined);
}
