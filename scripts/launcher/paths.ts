import { createRequire } from "node:module";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

export const REPO_ROOT = fileURLToPath(new URL("../../", import.meta.url));
export const WEB_DIR = join(REPO_ROOT, "apps", "web");
export const PACKAGES_DIR = join(REPO_ROOT, "packages");
export const WORKER_ENTRY = join(REPO_ROOT, "apps", "worker", "src", "main.ts");

/** The data directory's files, relative to SOVRA_DATA_DIR. */
export const DATA_FILES = {
  pgdata: "pgdata",
  secrets: "secrets.json",
  lock: "pgdata.lock",
} as const;

// Resolved from the app's own package.json, so a workspace-local `next` wins over a hoisted one
// and no `npx` lookup (or download) ever happens.
export function nextCli(): string {
  return createRequire(join(WEB_DIR, "package.json")).resolve("next/dist/bin/next");
}

export function tsxCli(): string {
  return createRequire(join(REPO_ROOT, "package.json")).resolve("tsx/cli");
}
