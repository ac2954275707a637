import { spawn } from "node:child_process";
import type { Writable } from "node:stream";

import type { ChildEnv } from "./child-env";
import { prefixLines } from "./prefix-lines";
import { settlesWithin, sleep } from "./sleep";

export interface ChildSpec {
  name: string;
  command: string;
  args: readonly string[];
  cwd: string;
  env: ChildEnv;
}

export interface ChildExit {
  code: number | null;
  signal: NodeJS.Signals | null;
}

export interface ChildOutput {
  stdout: Writable;
  stderr: Writable;
}

export interface ManagedChild {
  name: string;
  /** Also the id of its process group: the child leads a group of its own. */
  pid: number;
  /** Settles when the child itself exits; its own children may outlive it. */
  exited: Promise<ChildExit>;
  /** SIGTERM to the group, then SIGKILL after `timeoutMs`; resolves once the group is gone. */
  stop(timeoutMs: number): Promise<{ forced: boolean }>;
  /** SIGKILL to the group, without waiting. */
  kill(): void;
}

const GROUP_POLL_MS = 50;
const AFTER_KILL_WAIT_MS = 5_000;

/**
 * Starts a child as the leader of a new process group with prefixed output. The group lets a
 * stop reach everything the child started (Next.js and tsx watch run processes of their own),
 * and keeps a terminal's Ctrl-C from reaching the child before the launcher decides the order.
 */
export function startChild(
  spec: ChildSpec,
  output: ChildOutput = { stdout: process.stdout, stderr: process.stderr },
): ManagedChild {
  const child = spawn(spec.command, spec.args, {
    cwd: spec.cwd,
    env: spec.env,
    detached: true,
    stdio: ["ignore", "pipe", "pipe"],
  });
  const pid = child.pid;
  if (pid === undefined) {
    throw new Error(`could not start ${spec.name}: ${spec.command} did not spawn`);
  }

  void prefixLines(child.stdout, output.stdout, spec.name);
  void prefixLines(child.stderr, output.stderr, spec.name);
  const exited = new Promise<ChildExit>((resolve) => {
    child.once("exit", (code, signal) => resolve({ code, signal }));
    child.once("error", () => resolve({ code: null, signal: null }));
  });

  return {
    name: spec.name,
    pid,
    exited,
    stop: (timeoutMs) => stopGroup(pid, exited, timeoutMs),
    kill: () => signalGroup(pid, "SIGKILL"),
  };
}

async function stopGroup(
  pid: number,
  exited: Promise<ChildExit>,
  timeoutMs: number,
): Promise<{ forced: boolean }> {
  signalGroup(pid, "SIGTERM");
  if (await groupGone(pid, exited, timeoutMs)) {
    return { forced: false };
  }

  signalGroup(pid, "SIGKILL");
  await groupGone(pid, exited, AFTER_KILL_WAIT_MS);
  return { forced: true };
}

export function signalGroup(pid: number, signal: NodeJS.Signals): void {
  try {
    process.kill(-pid, signal);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "ESRCH") {
      throw error;
    }
  }
}

// The leader's exit is awaited too: until Node reaps it, the group still has a member.
async function groupGone(
  pid: number,
  exited: Promise<ChildExit>,
  timeoutMs: number,
): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  if (!(await settlesWithin(exited, timeoutMs))) {
    return false;
  }

  while (groupExists(pid)) {
    if (Date.now() >= deadline) {
      return false;
    }
    await sleep(GROUP_POLL_MS);
  }
  return true;
}

export function groupExists(pid: number): boolean {
  try {
    process.kill(-pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}
