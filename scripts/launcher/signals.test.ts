import { describe, expect, it } from "vitest";

import { sleep } from "./sleep";
import { runScript, type ScriptProcess } from "./testing/launcher-process";
import { processGroupExists } from "./testing/processes";

async function startFixture(): Promise<{ fixture: ScriptProcess; childPid: number }> {
  const fixture = runScript("scripts/launcher/testing/signal-fixture.ts", {});
  const ready = await fixture.waitForLog("fixture ready", 20_000);
  return { fixture, childPid: ready.pid as number };
}

describe("stop signals", () => {
  it("stops cleanly on one signal, ignoring the echo npm and tsx add right after it", async () => {
    const { fixture, childPid } = await startFixture();
    const began = Date.now();

    fixture.child.kill("SIGINT");
    await sleep(50);
    fixture.child.kill("SIGINT");

    expect(await fixture.exited, fixture.output()).toEqual({ code: 0, signal: null });
    expect(Date.now() - began).toBeGreaterThanOrEqual(3_000);
    expect(fixture.output()).not.toContain("forced stop");
    expect(processGroupExists(childPid)).toBe(false);
  }, 30_000);

  it("forces the stop on a second signal: kills the children, exits 1 at once", async () => {
    const { fixture, childPid } = await startFixture();

    fixture.child.kill("SIGINT");
    await sleep(800);
    const began = Date.now();
    fixture.child.kill("SIGINT");

    const exit = await fixture.exited;
    expect(exit, `${JSON.stringify(exit)}\n${fixture.output()}`).toEqual({ code: 1, signal: null });
    expect(Date.now() - began).toBeLessThan(2_500);
    expect(fixture.output()).toContain("forced stop");
    expect(processGroupExists(childPid)).toBe(false);
  }, 30_000);
});
