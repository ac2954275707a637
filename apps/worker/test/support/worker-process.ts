import { type ChildProcess, spawn } from "node:child_process";
import { createRequire } from "node:module";
import { fileURLToPath } from "node:url";

const WORKER_DIR = fileURLToPath(new URL("../..", import.meta.url));
const TSX_CLI = createRequire(import.meta.url).resolve("tsx/cli");

export interface WorkerProcess {
  child: ChildProcess;
  /** SIGKILLs tsx and the Node process it runs; SIGKILL to tsx alone would orphan the latter. */
  killAll(): void;
  stdout(): string;
  stderr(): string;
  /** Resolves with the first JSON log line that matches, or rejects after `timeoutMs`. */
  waitForLog(msg: string, timeoutMs?: number): Promise<Record<string, unknown>>;
  exited: Promise<number | null>;
}

/**
 * Runs the worker as `npm start` does (`tsx src/main.ts` in apps/worker), with exactly the
 * given environment, so nothing leaks in from the shell running the tests.
 */
export function spawnWorker(env: Record<string, string>): WorkerProcess {
  const child = spawn(process.execPath, [TSX_CLI, "src/main.ts"], {
    cwd: WORKER_DIR,
    env,
    stdio: ["ignore", "pipe", "pipe"],
    // Its own process group, so that cleaning up reaches the grandchild too.
    detached: true,
  });
  let stdout = "";
  let stderr = "";
  child.stdout?.on("data", (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr?.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.once("exit", resolve));

  return {
    child,
    killAll: () => killGroup(child),
    stdout: () => stdout,
    stderr: () => stderr,
    exited,
    waitForLog: (msg, timeoutMs = 20_000) => waitForLog(() => stdout, msg, timeoutMs),
  };
}

async function waitForLog(
  read: () => string,
  msg: string,
  timeoutMs: number,
): Promise<Record<string, unknown>> {
  const deadline = performance.now() + timeoutMs;
  while (performance.now() < deadline) {
    const line = read()
      .split("\n")
      .filter((text) => text.startsWith("{"))
      .map((text) => JSON.parse(text) as Record<string, unknown>)
      .find((entry) => entry.msg === msg);
    if (line !== undefined) {
      return line;
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`no "${msg}" log line within ${timeoutMs} ms; output:\n${read()}`);
}

/** Resolves with the exit code, or rejects if the process is still running after `ms`. */
export async function exitWithin(worker: WorkerProcess, ms: number): Promise<number | null> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      worker.killAll();
      reject(new Error(`worker still running ${ms} ms after the signal`));
    }, ms);
  });
  try {
    return await Promise.race([worker.exited, late]);
  } finally {
    clearTimeout(timer);
  }
}

function killGroup(child: ChildProcess): void {
  if (child.pid === undefined) {
    return;
  }
  try {
    process.kill(-child.pid, "SIGKILL");
  } catch {
    // The group is already gone.
  }
}
