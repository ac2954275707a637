import { join } from "node:path";

import { type Config, createLogger, type Logger } from "@sovra/config";

import { printBanner } from "./banner";
import type { ChildEnv } from "./child-env";
import { childEnvironment, startWeb, startWorker, webEnvironment } from "./children";
import { connectExternal, type LaunchedDatabase, startEmbedded } from "./database";
import { LauncherError, StartAborted, throwIfAborted } from "./errors";
import { applyMigrations } from "./migrations";
import { DATA_FILES } from "./paths";
import { ignoreBrokenPipes, killOnExit } from "./process-guards";
import { waitUntilReady } from "./readiness";
import { ensureLocalSecrets, type LocalSecrets, missingLocalSecrets } from "./secrets";
import { handleStopSignals } from "./signals";
import { Supervisor } from "./supervisor";
import { launchUrls, readinessTargets } from "./urls";
import { buildWeb, webBuildStaleness } from "./web-build";

export interface LaunchOptions {
  /** `npm run dev`: no build, `next dev` and `tsx watch`. */
  dev: boolean;
}

// Long enough for `next dev` to compile the health route on a cold two-core machine.
const READY_TIMEOUT_MS = 120_000;

/**
 * Starts everything, waits for a stop signal or a child's death, stops everything again.
 * @returns the process exit code: 0 after a requested stop, 1 after any failure.
 */
export async function runLauncher(
  config: Readonly<Config>,
  options: LaunchOptions,
): Promise<number> {
  const logger = createLogger({ name: "launcher", level: config.logLevel });
  const supervisor = new Supervisor(logger, config.worker.shutdownTimeoutMs);
  ignoreBrokenPipes();
  killOnExit(() => supervisor.liveChildren());
  const removeHandlers = handleStopSignals(supervisor, logger);

  let failure: unknown;
  try {
    await launch(config, options, supervisor, logger);
    await supervisor.stopped;
  } catch (error) {
    failure = error;
    supervisor.requestStop({ kind: "failure" });
  }

  await supervisor.unwind();
  removeHandlers();
  const exitCode = exitCodeFor(supervisor, failure, logger);
  logger.info({ exitCode }, "launcher stopped");
  return exitCode;
}

async function launch(
  config: Readonly<Config>,
  options: LaunchOptions,
  supervisor: Supervisor,
  logger: Logger,
): Promise<void> {
  const { signal } = supervisor;
  // The database first: its data-dir lock also keeps two first starts from each writing
  // different secrets.
  const database = await openDatabase(config, supervisor, logger);
  throwIfAborted(signal);
  const secrets = await localSecrets(config, logger);

  await applyMigrations(database.url, logger);
  throwIfAborted(signal);

  const env = childEnvironment(config, database.url, secrets);
  if (!options.dev) {
    await buildWebIfStale(webEnvironment(env, false), supervisor, logger);
  }
  throwIfAborted(signal);

  const worker = startWorker(env, options.dev);
  supervisor.supervise(worker);
  const web = startWeb(config, env, options.dev);
  supervisor.supervise(web);
  const pids = { launcher: process.pid, worker: worker.pid, web: web.pid };
  logger.info({ pids }, "children started");

  await waitUntilReady(readinessTargets(config), { timeoutMs: READY_TIMEOUT_MS, signal });
  const urls = launchUrls(config);
  printBanner(urls, database.description, options.dev);
  logger.info({ urls, database: database.description }, "ready");
}

async function localSecrets(config: Readonly<Config>, logger: Logger): Promise<LocalSecrets> {
  const missing = missingLocalSecrets(config);
  const file = join(config.dataDir, DATA_FILES.secrets);
  const secrets = await ensureLocalSecrets(file, missing);
  if (missing.length > 0) {
    // Names only, under a key the logger does not mask as it would `secrets`.
    logger.info({ variables: missing, file }, "using local secrets for variables that are unset");
  }
  return secrets;
}

async function openDatabase(
  config: Readonly<Config>,
  supervisor: Supervisor,
  logger: Logger,
): Promise<LaunchedDatabase> {
  const database =
    config.database.url === undefined
      ? await startEmbedded(config, logger)
      : await connectExternal(config, logger, supervisor.signal);
  supervisor.defer("the database", () => database.stop());
  logger.info({ database: database.description }, "database ready");
  return database;
}

async function buildWebIfStale(
  env: ChildEnv,
  supervisor: Supervisor,
  logger: Logger,
): Promise<void> {
  const staleness = await webBuildStaleness();
  if (!staleness.stale) {
    logger.info("web build is current; not rebuilding");
    return;
  }
  logger.info({ reason: staleness.reason }, `building the web app: ${staleness.reason}`);
  await buildWeb(env, logger, supervisor);
}

function exitCodeFor(supervisor: Supervisor, failure: unknown, logger: Logger): number {
  if (supervisor.stopReason?.kind === "signal") {
    return supervisor.wasForced ? 1 : 0;
  }
  if (failure instanceof LauncherError) {
    console.error(`\nSovra could not start: ${failure.message}\n`);
  } else if (failure !== undefined && !(failure instanceof StartAborted)) {
    logger.error({ err: failure }, "the launcher failed");
  }
  return 1;
}
