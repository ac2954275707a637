import { describe, expect, it } from "vitest";

import {
  deriveWebStatus,
  deriveWorkerStatus,
  type HealthCheck,
  webHttpStatus,
  workerHttpStatus,
} from "../../src/health/index";

const ok: HealthCheck = { status: "ok", latency_ms: 1 };
const down: HealthCheck = { status: "down", error: "ECONNREFUSED" };
const off: HealthCheck = { status: "not_configured" };

describe("deriveWebStatus", () => {
  const cases: Array<[string, Record<string, HealthCheck>, "ok" | "degraded" | "down", number]> = [
    ["everything ok", { database: ok, worker: ok, redis: ok }, "ok", 200],
    ["optional redis not configured", { database: ok, worker: ok, redis: off }, "ok", 200],
    ["worker down", { database: ok, worker: down, redis: ok }, "degraded", 200],
    ["configured redis down", { database: ok, worker: ok, redis: down }, "degraded", 200],
    ["worker down, redis off", { database: ok, worker: down, redis: off }, "degraded", 200],
    ["database down", { database: down, worker: ok, redis: ok }, "down", 503],
    ["database down and worker down", { database: down, worker: down, redis: off }, "down", 503],
    ["database not configured", { database: off, worker: ok, redis: ok }, "down", 503],
    ["database check missing", { worker: ok, redis: ok }, "down", 503],
  ];

  it.each(cases)("%s", (_name, checks, status, httpStatus) => {
    const derived = deriveWebStatus(checks);

    expect(derived).toBe(status);
    expect(webHttpStatus(derived)).toBe(httpStatus);
  });
});

describe("deriveWorkerStatus", () => {
  const cases: Array<[string, Record<string, HealthCheck>, "ok" | "degraded", number]> = [
    ["database ok", { database: ok }, "ok", 200],
    ["database down", { database: down }, "degraded", 503],
    ["an unconfigured optional check", { database: ok, redis: off }, "ok", 200],
    ["a configured optional check down", { database: ok, redis: down }, "degraded", 503],
  ];

  it.each(cases)("%s", (_name, checks, status, httpStatus) => {
    const derived = deriveWorkerStatus(checks);

    expect(derived).toBe(status);
    expect(workerHttpStatus(derived)).toBe(httpStatus);
  });
});
