import type { ServerResponse } from "node:http";

import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { createPool } from "@sovra/db";
import { migrate } from "@sovra/db/migrate";
import { createTestDatabase, type TestDatabase } from "@sovra/db/testing";

import { checkWebHealth } from "../../src/health/index";
import { closedPort, type Loopback, startLoopback } from "../support/loopback";

function json(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { "content-type": "application/json" }).end(JSON.stringify(body));
}

// One database for the file: an embedded PGlite takes seconds to start. It begins unmigrated
// for the first case and is migrated before the rest.
describe("checkWebHealth with a real database and a loopback worker", () => {
  let database: TestDatabase;
  let worker: Loopback;
  let workerStatus = "ok";

  beforeAll(async () => {
    database = await createTestDatabase({ migrate: false });
    worker = await startLoopback((_req, res) =>
      json(res, workerStatus === "ok" ? 200 : 503, { status: workerStatus, checks: {} }),
    );
  });

  afterAll(async () => {
    await worker?.close();
    await database?.drop();
  });

  function check(overrides: { workerHealthUrl?: string } = {}) {
    return checkWebHealth({
      pool: database.pool,
      workerHealthUrl: overrides.workerHealthUrl ?? `${worker.url}/health`,
      redisUrl: undefined,
    });
  }

  describe("before migrations", () => {
    it("is down and names the migrations to run", async () => {
      const { httpStatus, body } = await check();

      expect(httpStatus).toBe(503);
      expect(body.status).toBe("down");
      expect(body.checks.database).toMatchObject({
        status: "down",
        migrations: { applied: 0 },
        error: "migrations pending: run npm run migrate",
      });
      expect(body.checks.worker?.status).toBe("ok");
    });
  });

  describe("after migrations", () => {
    beforeAll(async () => {
      await migrate(database.pool);
    });

    it("is ok when the database and worker answer, redis being not configured", async () => {
      workerStatus = "ok";

      const { httpStatus, body } = await check();

      expect(httpStatus).toBe(200);
      expect(body.status).toBe("ok");
      expect(body.checks.database).toMatchObject({
        status: "ok",
        latency_ms: expect.any(Number),
        migrations: { pending: [] },
      });
      expect(body.checks.worker).toEqual({ status: "ok", latency_ms: expect.any(Number) });
      expect(body.checks.redis).toEqual({ status: "not_configured" });
    });

    it("is degraded, still 200, when the worker reports degraded", async () => {
      workerStatus = "degraded";

      const { httpStatus, body } = await check();

      expect(httpStatus).toBe(200);
      expect(body.status).toBe("degraded");
      expect(body.checks.worker).toMatchObject({
        status: "down",
        error: "HTTP 503, status degraded",
      });
    });

    it("is degraded when nothing listens at the worker's health URL", async () => {
      const port = await closedPort();

      const { httpStatus, body } = await check({
        workerHealthUrl: `http://127.0.0.1:${port}/health`,
      });

      expect(httpStatus).toBe(200);
      expect(body.status).toBe("degraded");
      expect(body.checks.worker?.status).toBe("down");
    });

    it("is degraded when a configured redis is unreachable", async () => {
      workerStatus = "ok";
      const port = await closedPort();

      const { httpStatus, body } = await checkWebHealth({
        pool: database.pool,
        workerHealthUrl: `${worker.url}/health`,
        redisUrl: `redis://127.0.0.1:${port}`,
      });

      expect(httpStatus).toBe(200);
      expect(body.status).toBe("degraded");
      expect(body.checks.redis?.status).toBe("down");
    });

    it("is down, 503, when no database is configured", async () => {
      workerStatus = "ok";

      const { httpStatus, body } = await checkWebHealth({
        pool: undefined,
        workerHealthUrl: `${worker.url}/health`,
        redisUrl: undefined,
      });

      expect(httpStatus).toBe(503);
      expect(body.status).toBe("down");
      expect(body.checks.database).toEqual({
        status: "down",
        error: "DATABASE_URL is not set; npm start provides the embedded database",
      });
    });

    it("is down, 503, when the database does not answer", async () => {
      const port = await closedPort();
      const pool = createPool({ url: `postgres://postgres:pw-x9@127.0.0.1:${port}/postgres` });

      const { httpStatus, body } = await checkWebHealth({
        pool,
        workerHealthUrl: `${worker.url}/health`,
        redisUrl: undefined,
      });
      await pool.end();

      expect(httpStatus).toBe(503);
      expect(body.status).toBe("down");
      expect(body.checks.database?.status).toBe("down");
      expect(body.checks.database?.error).toContain("ECONNREFUSED");
      expect(body.checks.worker?.status).toBe("ok");
    });
  });
});
