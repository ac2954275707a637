import { randomUUID } from "node:crypto";

import type { RequestContext } from "@sovra/core";

const REQUEST_ID = /^[A-Za-z0-9._-]{8,64}$/;

/** The caller's request id when it is well formed, otherwise a fresh one. */
export function requestIdOf(request: Request): string {
  const given = request.headers.get("x-request-id");
  return given !== null && REQUEST_ID.test(given) ? given : randomUUID();
}

/** Address and agent for the audit log; the proxy in front sets x-forwarded-for. */
export function requestContextOf(request: Request): RequestContext {
  const forwarded = request.headers.get("x-forwarded-for")?.split(",")[0]?.trim();
  const userAgent = request.headers.get("user-agent") ?? undefined;
  return {
    ...(forwarded === undefined || forwarded === "" ? {} : { ipAddress: forwarded }),
    ...(userAgent === undefined ? {} : { userAgent: userAgent.slice(0, 512) }),
  };
}
