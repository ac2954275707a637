import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";

import type { Logger } from "@sovra/config";
import { checkWorkerHealth } from "@sovra/core/health";
import type { Pool } from "@sovra/db";

import { sendError } from "../http/http-errors";
import { sendJson } from "../http/send-json";

export interface HealthServerOptions {
  pool: Pool;
  logger: Logger;
  /** Budget for each dependency probe behind `GET /health`. */
  probeTimeoutMs?: number;
}

type Route = (res: ServerResponse) => Promise<void> | void;

const READ_METHODS = new Set(["GET", "HEAD"]);

/**
 * The worker's health endpoint, not yet listening. `GET /health` is readiness: live probes
 * of the worker's dependencies, 503 while any fails. `GET /health/live` is liveness: it
 * answers as long as the process serves requests.
 */
export function createHealthServer(options: HealthServerOptions): Server {
  const routes = new Map<string, Route>([
    [
      "/health",
      async (res) => {
        const { httpStatus, body } = await checkWorkerHealth({
          pool: options.pool,
          timeoutMs: options.probeTimeoutMs,
        });
        sendJson(res, httpStatus, body);
      },
    ],
    ["/health/live", (res) => sendJson(res, 200, { status: "ok" })],
  ]);

  return createServer((req, res) => {
    void handle(routes, req, res).catch((error: unknown) => {
      options.logger.error({ err: error, path: req.url }, "health request failed");
      if (!res.headersSent) {
        sendError(res, "internal", "Something went wrong on our side.");
      }
    });
  });
}

async function handle(
  routes: ReadonlyMap<string, Route>,
  req: IncomingMessage,
  res: ServerResponse,
): Promise<void> {
  const path = new URL(req.url ?? "/", "http://worker").pathname;
  const route = routes.get(path);
  if (route === undefined) {
    sendError(res, "not_found", `no route for ${path}`);
    return;
  }
  if (!READ_METHODS.has(req.method ?? "")) {
    sendError(res, "method_not_allowed", `${req.method} is not allowed on ${path}`, {
      allow: "GET, HEAD",
    });
    return;
  }

  await route(res);
}
