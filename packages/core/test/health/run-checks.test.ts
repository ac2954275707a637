import { describe, expect, it } from "vitest";

import { type HealthCheck, runChecks } from "../../src/health/index";

const never = () => new Promise<HealthCheck>(() => undefined);

describe("runChecks", () => {
  it("keeps each probe's result under its name", async () => {
    const checks = await runChecks(
      {
        a: async () => ({ status: "ok", latency_ms: 2 }),
        b: async () => ({ status: "not_configured" }),
      },
      1_000,
    );

    expect(checks).toEqual({
      a: { status: "ok", latency_ms: 2 },
      b: { status: "not_configured" },
    });
  });

  it("turns a probe that throws into a down check with a credential-free reason", async () => {
    const checks = await runChecks(
      {
        broken: async () => {
          throw new Error("cannot reach redis://admin:hunter2@cache.internal:6379");
        },
      },
      1_000,
    );

    expect(checks.broken?.status).toBe("down");
    expect(checks.broken?.error).toContain("cache.internal:6379");
    expect(checks.broken?.error).not.toContain("hunter2");
    expect(checks.broken?.error).not.toContain("admin");
  });

  it("reports a stuck probe as down after the budget, without waiting for it", async () => {
    const started = performance.now();

    const checks = await runChecks({ stuck: never, fine: async () => ({ status: "ok" }) }, 150);

    expect(performance.now() - started).toBeLessThan(1_000);
    expect(checks.stuck).toEqual({ status: "down", error: "no answer within 150 ms" });
    expect(checks.fine).toEqual({ status: "ok" });
  });

  it("runs the probes at the same time", async () => {
    const slow = () =>
      new Promise<HealthCheck>((resolve) => setTimeout(() => resolve({ status: "ok" }), 200));
    const started = performance.now();

    await runChecks({ a: slow, b: slow, c: slow }, 1_000);

    expect(performance.now() - started).toBeLessThan(500);
  });
});
