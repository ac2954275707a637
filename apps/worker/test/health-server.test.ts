import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { createTestDatabase, type TestDatabase } from "@sovra/db/testing";

import { type RunningWorker, startWorker, type WorkerSettings } from "../src/index";
import { collectingLogger } from "./support/collecting-logger";
import { freePort } from "./support/free-port";

function settingsFor(databaseUrl: string): WorkerSettings {
  return {
    databaseUrl,
    host: "127.0.0.1",
    httpPort: 0,
    poolMax: 2,
    connectRetries: 1,
    shutdownTimeoutMs: 5_000,
  };
}

async function get(url: string, init: RequestInit = {}) {
  const response = await fetch(url, init);
  const text = await response.text();
  return { response, body: text === "" ? undefined : JSON.parse(text) };
}

describe("worker health server with a real database", () => {
  let database: TestDatabase;
  let worker: RunningWorker;

  beforeAll(async () => {
    database = await createTestDatabase();
    worker = await startWorker(settingsFor(database.url), collectingLogger().logger);
  });

  afterAll(async () => {
    await worker?.stop();
    await database?.drop();
  });

  it("connects in the background", async () => {
    expect(await worker.databaseReady).toBe(true);
  });

  it("answers /health ok with the database latency and current migrations", async () => {
    const { response, body } = await get(`${worker.origin}/health`);

    expect(response.status).toBe(200);
    expect(response.headers.get("cache-control")).toBe("no-store");
    expect(body).toEqual({
      status: "ok",
      checks: {
        database: {
          status: "ok",
          latency_ms: expect.any(Number),
          migrations: { applied: expect.any(Number), pending: [] },
        },
      },
    });
  });

  it("answers /health/live", async () => {
    const { response, body } = await get(`${worker.origin}/health/live`);

    expect(response.status).toBe(200);
    expect(body).toEqual({ status: "ok" });
  });

  it("answers HEAD /health with headers only", async () => {
    const { response, body } = await get(`${worker.origin}/health`, { method: "HEAD" });

    expect(response.status).toBe(200);
    expect(body).toBeUndefined();
  });

  it("answers an unknown path with a JSON 404", async () => {
    const { response, body } = await get(`${worker.origin}/nope?x=1`);

    expect(response.status).toBe(404);
    expect(body).toEqual({ error: { code: "not_found", message: "no route for /nope" } });
  });

  it.each(["POST", "PUT", "DELETE"])("answers %s /health with 405 and Allow", async (method) => {
    const { response, body } = await get(`${worker.origin}/health`, { method });

    expect(response.status).toBe(405);
    expect(response.headers.get("allow")).toBe("GET, HEAD");
    expect(body).toEqual({
      error: { code: "method_not_allowed", message: `${method} is not allowed on /health` },
    });
  });
});

describe("worker health server with the database down", () => {
  const { logger, lines } = collectingLogger();
  let worker: RunningWorker;

  beforeAll(async () => {
    const port = await freePort();
    const url = `postgres://postgres:db-pass-77@127.0.0.1:${port}/postgres`;
    worker = await startWorker(settingsFor(url), logger, { connectInitialDelayMs: 20 });
  });

  afterAll(() => worker?.stop());

  it("is running and reports degraded with the database check down", async () => {
    const { response, body } = await get(`${worker.origin}/health`);

    expect(response.status).toBe(503);
    expect(body).toEqual({
      status: "degraded",
      checks: { database: { status: "down", error: expect.stringMatching(/^ECONNREFUSED/) } },
    });
  });

  it("still answers /health/live", async () => {
    const { response, body } = await get(`${worker.origin}/health/live`);

    expect(response.status).toBe(200);
    expect(body).toEqual({ status: "ok" });
  });

  it("logs a warning per retry and one error on giving up, no stacks or secrets", async () => {
    expect(await worker.databaseReady).toBe(false);

    const retries = lines.filter((line) => line.msg === "database unreachable, retrying");
    const gaveUp = lines.filter((line) => line.level === 50);
    expect(retries).toHaveLength(1);
    expect(retries[0]).toMatchObject({ level: 40, attempt: 1, reason: /ECONNREFUSED/ });
    expect(gaveUp).toHaveLength(1);
    expect(gaveUp[0]?.reason).toMatch(/unreachable after 2 attempts: ECONNREFUSED/);

    const text = JSON.stringify(lines);
    expect(text).not.toContain("stack");
    expect(text).not.toContain("db-pass-77");
  });
});

describe("stopping the worker", () => {
  it("closes idle keep-alive connections instead of waiting for them", async () => {
    const port = await freePort();
    const worker = await startWorker(
      settingsFor(`postgres://postgres@127.0.0.1:${port}/postgres`),
      collectingLogger().logger,
      { connectInitialDelayMs: 60_000 },
    );
    // fetch keeps the connection alive after this answer.
    await get(`${worker.origin}/health/live`);
    const started = performance.now();

    await worker.stop();

    expect(performance.now() - started).toBeLessThan(1_000);
    await expect(fetch(`${worker.origin}/health/live`)).rejects.toThrow();
  });
});
