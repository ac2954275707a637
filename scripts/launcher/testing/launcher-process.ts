import { type ChildProcess, spawn } from "node:child_process";

import { type ChildEnv, inheritedEnv } from "../child-env";
import { REPO_ROOT } from "../paths";
import { sleep } from "../sleep";

export interface LogLine {
  msg: string;
  [field: string]: unknown;
}

export interface ProcessExit {
  code: number | null;
  signal: NodeJS.Signals | null;
}

export interface ScriptProcess {
  child: ChildProcess;
  exited: Promise<ProcessExit>;
  /** Everything written to stdout and stderr so far. */
  output(): string;
  /** The launcher's own structured lines; children's lines carry a prefix and are skipped. */
  logLines(): LogLine[];
  /** Resolves with the first structured line with this message; rejects if the script exits. */
  waitForLog(msg: string, timeoutMs: number): Promise<LogLine>;
}

/**
 * Runs a script as `npm start` would (`node --import tsx scripts/...`), in a shell-like
 * environment: the test runner's NODE_ENV and VITEST variables are dropped so the script sees
 * what a person's terminal would give it, plus `env`; an undefined value removes a variable.
 */
export function runScript(script: string, env: ChildEnv, args: string[] = []): ScriptProcess {
  // No tsx CLI in between: its signal relay sometimes exited 143 on SIGTERM while the
  // launcher was still stopping, the same race `npm start` would see.
  const child = spawn(process.execPath, ["--import", "tsx", script, ...args], {
    cwd: REPO_ROOT,
    env: scriptEnv(env),
    stdio: ["ignore", "pipe", "pipe"],
  });
  let text = "";
  child.stdout.on("data", (chunk: Buffer) => (text += chunk.toString()));
  child.stderr.on("data", (chunk: Buffer) => (text += chunk.toString()));
  const exited = new Promise<ProcessExit>((resolve) => {
    child.once("close", (code, signal) => resolve({ code, signal }));
  });

  const logLines = () => parseLogLines(text);
  return {
    child,
    exited,
    output: () => text,
    logLines,
    waitForLog: (msg, timeoutMs) => waitForLog(logLines, exited, msg, timeoutMs, () => text),
  };
}

function scriptEnv(env: ChildEnv): ChildEnv {
  const inherited = inheritedEnv();
  for (const name of Object.keys(inherited)) {
    if (name === "NODE_ENV" || name.startsWith("VITEST")) {
      delete inherited[name];
    }
  }
  return { ...inherited, ...env };
}

function parseLogLines(text: string): LogLine[] {
  return text
    .split("\n")
    .filter((line) => line.startsWith("{"))
    .flatMap((line) => {
      try {
        return [JSON.parse(line) as LogLine];
      } catch {
        return [];
      }
    });
}

async function waitForLog(
  logLines: () => LogLine[],
  exited: Promise<ProcessExit>,
  msg: string,
  timeoutMs: number,
  output: () => string,
): Promise<LogLine> {
  let exit: ProcessExit | undefined;
  void exited.then((value) => (exit = value));
  const deadline = Date.now() + timeoutMs;

  while (Date.now() < deadline) {
    const line = logLines().find((candidate) => candidate.msg === msg);
    if (line !== undefined) {
      return line;
    }
    if (exit !== undefined) {
      throw new Error(`exited (${JSON.stringify(exit)}) before "${msg}":\n${output()}`);
    }
    await sleep(200);
  }
  throw new Error(`no "${msg}" within ${timeoutMs} ms:\n${output()}`);
}
