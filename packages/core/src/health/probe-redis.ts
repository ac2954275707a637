import { createClient } from "@redis/client";

import { describeProbeError } from "./describe-probe-error";
import { elapsedMs } from "./elapsed";
import type { HealthCheck } from "./health-check";
import { withDeadline } from "./with-deadline";

export interface RedisProbeOptions {
  /** Budget for connecting and the PING together. */
  timeoutMs?: number;
}

const DEFAULT_TIMEOUT_MS = 2_000;

/** Shown by `CLIENT LIST`, so an operator can tell probe connections from real traffic. */
export const REDIS_PROBE_CLIENT_NAME = "sovra-health-probe";

/**
 * A live PING on a fresh connection, closed afterwards. `not_configured` when no URL is given,
 * because Redis is optional. Never throws, never retries: a health probe reports, it does not
 * wait for recovery.
 */
export async function probeRedis(
  url: string | undefined,
  options: RedisProbeOptions = {},
): Promise<HealthCheck> {
  if (url === undefined) {
    return { status: "not_configured" };
  }

  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const client = createClient({
    url,
    name: REDIS_PROBE_CLIENT_NAME,
    socket: { connectTimeout: timeoutMs, reconnectStrategy: false },
    disableOfflineQueue: true,
  });
  // Without a listener, a socket error event would crash the process.
  client.on("error", () => undefined);

  try {
    const latency = await withDeadline(pingOnce(client), timeoutMs);
    return { status: "ok", latency_ms: latency };
  } catch (error) {
    return { status: "down", error: describeProbeError(error) };
  } finally {
    close(client);
  }
}

// The few client methods the probe uses; the full generic client type adds nothing here.
interface Client {
  isOpen: boolean;
  connect(): Promise<unknown>;
  ping(): Promise<unknown>;
  close(): Promise<void>;
  destroy(): void;
}

/** Connects, pings and quits; the latency covers the connection and the PING, not the QUIT. */
async function pingOnce(client: Client): Promise<number> {
  const started = performance.now();
  await client.connect();
  const reply = await client.ping();
  const latency = elapsedMs(started);

  if (reply !== "PONG") {
    throw new Error(`unexpected PING reply ${String(reply).slice(0, 20)}`);
  }
  await client.close();
  return latency;
}

// After a failure or a missed deadline the graceful close may never finish: drop the socket.
function close(client: Client): void {
  if (client.isOpen) {
    client.destroy();
  }
}
