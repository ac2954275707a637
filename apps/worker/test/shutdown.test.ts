import { EventEmitter } from "node:events";

import { describe, expect, it } from "vitest";

import { installShutdown, type ShutdownOptions } from "../src/index";
import { collectingLogger } from "./support/collecting-logger";

function harness(stop: ShutdownOptions["stop"], timeoutMs = 2_000) {
  const signals = new EventEmitter();
  const exits: number[] = [];
  let exited: (code: number) => void = () => undefined;
  const firstExit = new Promise<number>((resolve) => (exited = resolve));

  installShutdown({
    logger: collectingLogger().logger,
    stop,
    timeoutMs,
    signals,
    exit: (code) => {
      exits.push(code);
      exited(code);
    },
  });
  return { signals, exits, firstExit };
}

describe("installShutdown", () => {
  it.each(["SIGINT", "SIGTERM"])("stops and exits 0 on %s", async (signal) => {
    let stopped = false;
    const { signals, firstExit } = harness(async () => {
      stopped = true;
    });

    signals.emit(signal);

    expect(await firstExit).toBe(0);
    expect(stopped).toBe(true);
  });

  it("exits 1 when stopping outlasts the timeout", async () => {
    const { signals, firstExit } = harness(() => new Promise(() => undefined), 100);
    const started = performance.now();

    signals.emit("SIGTERM");

    expect(await firstExit).toBe(1);
    expect(performance.now() - started).toBeGreaterThanOrEqual(95);
  });

  it("exits 1 when stopping fails", async () => {
    const { signals, firstExit } = harness(async () => {
      throw new Error("pool would not close");
    });

    signals.emit("SIGTERM");

    expect(await firstExit).toBe(1);
  });

  it("exits 1 at once on a second signal", async () => {
    const { signals, exits } = harness(() => new Promise(() => undefined), 60_000);

    signals.emit("SIGTERM");
    signals.emit("SIGINT");

    expect(exits).toEqual([1]);
  });
});
