import { readdir } from "node:fs/promises";
import { join } from "node:path";

import type { Logger } from "@sovra/config";

import type { ChildEnv } from "./child-env";
import { startChild } from "./child-process";
import { LauncherError, StartAborted } from "./errors";
import { nextCli, PACKAGES_DIR, REPO_ROOT, WEB_DIR } from "./paths";
import { checkStaleness, type Staleness } from "./staleness";
import type { Supervisor } from "./supervisor";

const BUILD_MARKER = join(WEB_DIR, ".next", "BUILD_ID");
const STOP_BUILD_TIMEOUT_MS = 5_000;

/** Whether apps/web needs `next build`: no build yet, or a source of it changed since. */
export async function webBuildStaleness(): Promise<Staleness> {
  const packages = await readdir(PACKAGES_DIR, { withFileTypes: true });
  const packageSources = packages
    .filter((entry) => entry.isDirectory())
    .map((entry) => join(PACKAGES_DIR, entry.name, "src"));

  return checkStaleness({
    marker: BUILD_MARKER,
    sources: [WEB_DIR, ...packageSources],
    root: REPO_ROOT,
  });
}

/**
 * Runs `next build` in apps/web with its output prefixed `[build]`.
 * @throws LauncherError when the build fails; StartAborted when `signal` stops it.
 */
export async function buildWeb(
  env: ChildEnv,
  logger: Logger,
  supervisor: Pick<Supervisor, "signal" | "track">,
): Promise<void> {
  const { signal } = supervisor;
  const started = Date.now();
  const build = startChild({
    name: "build",
    command: process.execPath,
    args: [nextCli(), "build"],
    cwd: WEB_DIR,
    env,
  });
  const untrack = supervisor.track(build);
  const stopOnAbort = () => void build.stop(STOP_BUILD_TIMEOUT_MS);
  signal.addEventListener("abort", stopOnAbort, { once: true });

  const exit = await build.exited;
  signal.removeEventListener("abort", stopOnAbort);
  if (signal.aborted) {
    await build.stop(STOP_BUILD_TIMEOUT_MS);
  }
  untrack();

  if (signal.aborted) {
    throw new StartAborted();
  }
  if (exit.code !== 0) {
    throw new LauncherError(
      `The web build failed (next build exited ${exit.code ?? exit.signal}); its output is above.`,
    );
  }
  logger.info({ durationMs: Date.now() - started }, "web app built");
}
