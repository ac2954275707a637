import { PassThrough } from "node:stream";

import { describe, expect, it } from "vitest";

import { inheritedEnv } from "./child-env";
import { groupExists, startChild } from "./child-process";

// A child that starts a grandchild, as `next start` and `tsx watch` do, and reports its pid once
// its SIGTERM handler is in place.
function script(onTerm: string): string {
  return [
    `process.on('SIGTERM', () => { ${onTerm} });`,
    "const { spawn } = require('node:child_process');",
    "const grandchild = spawn(process.execPath, ['-e', 'setInterval(() => {}, 1000)']);",
    "console.log('grandchild ' + grandchild.pid);",
    "setInterval(() => {}, 1000);",
  ].join("\n");
}

function start(onTerm: string) {
  const stdout = new PassThrough();
  let text = "";
  stdout.on("data", (chunk: Buffer) => (text += chunk.toString()));
  const child = startChild(
    {
      name: "probe",
      command: process.execPath,
      args: ["-e", script(onTerm)],
      cwd: ".",
      env: inheritedEnv(),
    },
    { stdout, stderr: new PassThrough() },
  );
  const grandchild = new Promise<number>((resolve) => {
    stdout.on("data", () => {
      const match = /\[probe\] grandchild (\d+)/.exec(text);
      if (match?.[1] !== undefined) {
        resolve(Number(match[1]));
      }
    });
  });
  return { child, grandchild, output: () => text };
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

describe("startChild", () => {
  it("stops the whole process group with SIGTERM and prefixes output lines", async () => {
    const { child, grandchild, output } = start("process.exit(0)");
    const grandchildPid = await grandchild;

    const result = await child.stop(5_000);

    expect(result).toEqual({ forced: false });
    expect(await child.exited).toEqual({ code: 0, signal: null });
    expect(groupExists(child.pid)).toBe(false);
    expect(alive(grandchildPid)).toBe(false);
    expect(output()).toMatch(/^\[probe\] grandchild \d+\n$/);
  });

  it("kills the group after the timeout when the child ignores SIGTERM", async () => {
    const { child, grandchild } = start("/* ignored */");
    const grandchildPid = await grandchild;
    const started = Date.now();

    const result = await child.stop(500);

    expect(result).toEqual({ forced: true });
    expect(Date.now() - started).toBeGreaterThanOrEqual(500);
    expect(await child.exited).toEqual({ code: null, signal: "SIGKILL" });
    expect(groupExists(child.pid)).toBe(false);
    expect(alive(grandchildPid)).toBe(false);
  });
});
