import { createServer, type Server } from "node:net";

import { createClient } from "@redis/client";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { getTestSettings } from "@sovra/config";

import { probeRedis, REDIS_PROBE_CLIENT_NAME } from "../../src/health/index";
import { closedPort } from "../support/loopback";

const { redisUrl, requireAll } = getTestSettings();
const unavailable = await whyRedisIsUnavailable(redisUrl);

if (unavailable !== undefined && requireAll) {
  throw new Error(`Redis is required (SOVRA_TEST_REQUIRE_ALL) but ${unavailable}`);
}
if (unavailable !== undefined) {
  // eslint-disable-next-line no-console -- the skip reason must reach whoever runs the tests.
  console.warn(`skipped: probeRedis against a live Redis, because ${unavailable}`);
}

async function whyRedisIsUnavailable(url: string): Promise<string | undefined> {
  const probe = await probeRedis(url, { timeoutMs: 2_000 });
  return probe.status === "ok"
    ? undefined
    : `no Redis answers at REDIS_URL or the local default (${probe.error})`;
}

describe.skipIf(unavailable !== undefined)("probeRedis against a live Redis", () => {
  const url = redisUrl;
  const observer = createClient({ url });

  beforeAll(async () => {
    await observer.connect();
  });

  afterAll(async () => {
    await observer.close();
  });

  it("is ok with a latency", async () => {
    const check = await probeRedis(url);

    expect(check.status).toBe("ok");
    expect(check.latency_ms).toBeGreaterThan(0);
    expect(check.error).toBeUndefined();
  });

  it("leaves no connection open behind it", async () => {
    for (let round = 0; round < 10; round += 1) {
      expect((await probeRedis(url)).status).toBe("ok");
    }

    await expect.poll(probeConnections, { timeout: 2_000 }).toBe(0);
  });

  async function probeConnections(): Promise<number> {
    const list = await observer.clientList();
    return list.filter((client) => client.name === REDIS_PROBE_CLIENT_NAME).length;
  }
});

describe("probeRedis without a live Redis", () => {
  let silent: Server | undefined;

  afterAll(() => {
    silent?.close();
  });

  it("is not_configured when no URL is set", async () => {
    expect(await probeRedis(undefined)).toEqual({ status: "not_configured" });
  });

  it("is down, without the password, when nothing listens", async () => {
    const port = await closedPort();

    const check = await probeRedis(`redis://default:r3dis-secret@127.0.0.1:${port}`);

    expect(check.status).toBe("down");
    expect(check.error).toContain("ECONNREFUSED");
    expect(check.error).not.toContain("r3dis-secret");
  });

  it("gives up after the timeout when the server accepts but never answers", async () => {
    silent = createServer(() => undefined);
    await new Promise<void>((resolve) => silent?.listen(0, "127.0.0.1", resolve));
    const { port } = silent.address() as { port: number };
    const started = performance.now();

    const check = await probeRedis(`redis://127.0.0.1:${port}`, { timeoutMs: 300 });

    expect(performance.now() - started).toBeLessThan(1_500);
    expect(check).toEqual({ status: "down", error: "no answer within 300 ms" });
  });
});
