import { PassThrough } from "node:stream";

import { createLogger } from "@sovra/config";

import { inheritedEnv } from "../child-env";
import { startChild } from "../child-process";
import { handleStopSignals } from "../signals";
import { Supervisor } from "../supervisor";

// A launcher in miniature for signals.test.ts: one child that ignores SIGTERM, so a clean stop
// has to wait for the shutdown timeout and a forced one visibly does not.
const SHUTDOWN_TIMEOUT_MS = 3_000;

const logger = createLogger({ name: "fixture" });
const supervisor = new Supervisor(logger, SHUTDOWN_TIMEOUT_MS);
handleStopSignals(supervisor, logger);

const stubborn =
  "process.on('SIGTERM', () => {}); console.log('armed'); setInterval(() => {}, 1000);";
const stdout = new PassThrough();
stdout.pipe(process.stdout);
const armed = new Promise((resolve) => stdout.on("data", resolve));
const child = startChild(
  {
    name: "stubborn",
    command: process.execPath,
    args: ["-e", stubborn],
    cwd: ".",
    env: inheritedEnv(),
  },
  { stdout, stderr: process.stderr },
);
// Ready only once the child ignores SIGTERM: a signal before that would simply end it.
await armed;
supervisor.supervise(child);
logger.info({ pid: child.pid }, "fixture ready");

await supervisor.stopped;
await supervisor.unwind();
process.exit(supervisor.wasForced ? 1 : 0);
