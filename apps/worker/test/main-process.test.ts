import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";

import { createTestDatabase, type TestDatabase } from "@sovra/db/testing";

import { freePort } from "./support/free-port";
import { exitWithin, spawnWorker, type WorkerProcess } from "./support/worker-process";

// A stack trace line, as Node prints one: "    at fn (file:line:col)".
const STACK_LINE = /^\s+at .+/m;

describe("the worker process (tsx src/main.ts)", () => {
  let database: TestDatabase;
  const running: WorkerProcess[] = [];

  function start(env: Record<string, string>): WorkerProcess {
    const worker = spawnWorker({ NODE_ENV: "test", ...env });
    running.push(worker);
    return worker;
  }

  beforeAll(async () => {
    database = await createTestDatabase();
  });

  afterEach(() => {
    for (const worker of running.splice(0)) {
      worker.killAll();
    }
  });

  afterAll(() => database?.drop());

  it("serves /health ok, then exits 0 promptly on SIGTERM", async () => {
    const port = await freePort();
    const started = performance.now();
    const worker = start({ DATABASE_URL: database.url, HTTP_PORT: String(port) });

    const ready = await worker.waitForLog("worker ready");
    await worker.waitForLog("database connected");
    const readyMs = Math.round(performance.now() - started);
    const health = await fetch(`http://127.0.0.1:${port}/health`);

    expect(ready).toMatchObject({
      health: `http://127.0.0.1:${port}/health`,
      live: `http://127.0.0.1:${port}/health/live`,
    });
    expect(health.status).toBe(200);
    expect(await health.json()).toMatchObject({ status: "ok" });

    const signalled = performance.now();
    worker.child.kill("SIGTERM");

    expect(await exitWithin(worker, 5_000)).toBe(0);
    expect(worker.stdout()).toContain('"msg":"stopped"');
    const stopMs = Math.round(performance.now() - signalled);
    // eslint-disable-next-line no-console -- a start-up time worth watching, not an assertion.
    console.info(`worker ready after ${readyMs} ms, exited ${stopMs} ms after SIGTERM`);
  });

  it("runs degraded while the database is down and still exits 0 on SIGINT", async () => {
    const [port, deadPort] = [await freePort(), await freePort()];
    const worker = start({
      DATABASE_URL: `postgres://postgres:pg-secret-1@127.0.0.1:${deadPort}/postgres`,
      HTTP_PORT: String(port),
      DATABASE_CONNECT_RETRIES: "50",
    });

    const warning = await worker.waitForLog("database unreachable, retrying");
    const health = await fetch(`http://127.0.0.1:${port}/health`);
    const live = await fetch(`http://127.0.0.1:${port}/health/live`);

    expect(warning).toMatchObject({ level: 40, reason: expect.stringMatching(/ECONNREFUSED/) });
    expect(health.status).toBe(503);
    expect(await health.json()).toMatchObject({ status: "degraded" });
    expect(live.status).toBe(200);

    worker.child.kill("SIGINT");

    expect(await exitWithin(worker, 5_000)).toBe(0);
    expect(worker.stdout()).not.toMatch(STACK_LINE);
    expect(worker.stdout() + worker.stderr()).not.toContain("pg-secret-1");
  });

  const refusals: Array<[string, Record<string, string>, RegExp]> = [
    ["a malformed variable", { DATABASE_URL: "postgres://x/y", HTTP_PORT: "http" }, /HTTP_PORT/],
    ["no DATABASE_URL", {}, /DATABASE_URL is required by the worker; `npm start` provides it/],
  ];

  it.each(refusals)("exits 1 with a clear message for %s", async (_name, env, message) => {
    const worker = start(env);

    expect(await exitWithin(worker, 15_000)).toBe(1);
    expect(worker.stderr()).toMatch(/^worker: Invalid configuration:/);
    expect(worker.stderr()).toMatch(message);
    expect(worker.stderr()).not.toMatch(STACK_LINE);
  });

  it("exits 1 naming the address when the port is taken", async () => {
    const port = await freePort();
    const first = start({ DATABASE_URL: database.url, HTTP_PORT: String(port) });
    await first.waitForLog("worker ready");

    const second = start({ DATABASE_URL: database.url, HTTP_PORT: String(port) });

    expect(await exitWithin(second, 15_000)).toBe(1);
    expect(second.stderr()).toContain(
      `worker: cannot listen on 127.0.0.1:${port}: the port is already in use`,
    );
    expect(second.stderr()).not.toMatch(STACK_LINE);
  });
});
