import type { ServerResponse } from "node:http";

import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { probeHttpHealth } from "../../src/health/index";
import { closedPort, type Loopback, startLoopback } from "../support/loopback";

function json(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { "content-type": "application/json" }).end(JSON.stringify(body));
}

const routes: Record<string, (res: ServerResponse) => void> = {
  "/ok": (res) => json(res, 200, { status: "ok", checks: {} }),
  "/degraded": (res) => json(res, 503, { status: "degraded", checks: {} }),
  "/ok-but-500": (res) => json(res, 500, { status: "ok" }),
  "/degraded-but-200": (res) => json(res, 200, { status: "degraded" }),
  "/html": (res) => res.writeHead(200, { "content-type": "text/html" }).end("<h1>hi</h1>"),
  "/slow": (res) => setTimeout(() => json(res, 200, { status: "ok" }), 1_000),
  "/redirect": (res) => res.writeHead(302, { location: "/ok" }).end(),
};

describe("probeHttpHealth against a loopback server", () => {
  let server: Loopback;

  beforeAll(async () => {
    server = await startLoopback((req, res) => {
      const route = routes[req.url ?? ""];
      if (route === undefined) {
        json(res, 404, { error: { code: "not_found", message: "no such path" } });
        return;
      }
      route(res);
    });
  });

  afterAll(() => server.close());

  it("is ok, with a latency, for 2xx and status ok", async () => {
    const check = await probeHttpHealth(`${server.url}/ok`, { timeoutMs: 2_000 });

    expect(check.status).toBe("ok");
    expect(check.latency_ms).toBeGreaterThanOrEqual(0);
    expect(check.error).toBeUndefined();
  });

  const failures: Array<[string, string]> = [
    ["/degraded", "HTTP 503, status degraded"],
    ["/ok-but-500", "HTTP 500, status ok"],
    ["/degraded-but-200", "HTTP 200, status degraded"],
    ["/html", "HTTP 200, no JSON status"],
    ["/missing", "HTTP 404, no JSON status"],
  ];

  it.each(failures)("is down for %s: %s", async (path, error) => {
    const check = await probeHttpHealth(`${server.url}${path}`, { timeoutMs: 2_000 });

    expect(check).toEqual({ status: "down", latency_ms: expect.any(Number), error });
  });

  it("does not follow a redirect to a healthy page", async () => {
    const check = await probeHttpHealth(`${server.url}/redirect`, { timeoutMs: 2_000 });

    expect(check.status).toBe("down");
  });

  it("gives up after the timeout", async () => {
    const started = performance.now();

    const check = await probeHttpHealth(`${server.url}/slow`, { timeoutMs: 200 });

    expect(performance.now() - started).toBeLessThan(900);
    expect(check).toEqual({ status: "down", error: "no answer within 200 ms" });
  });
});

describe("probeHttpHealth without a server", () => {
  it("is down with the connection error when nothing listens", async () => {
    const port = await closedPort();

    const check = await probeHttpHealth(`http://127.0.0.1:${port}/health`, { timeoutMs: 2_000 });

    expect(check.status).toBe("down");
    expect(check.error).toMatch(/^ECONNREFUSED/);
  });

  it("never repeats credentials from the URL in its error", async () => {
    const port = await closedPort();

    const url = `http://probe-user:s3cret-pass@127.0.0.1:${port}/health`;
    const check = await probeHttpHealth(url, { timeoutMs: 2_000 });

    expect(check.status).toBe("down");
    expect(check.error).not.toContain("s3cret-pass");
    expect(check.error).not.toContain("probe-user");
  });
});
