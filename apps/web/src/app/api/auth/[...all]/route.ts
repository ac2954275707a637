import { toNextJsHandler } from "better-auth/next-js";

import { toErrorResponse } from "@sovra/core";

import { getAuth } from "../../../../server/auth";
import { getLogger } from "../../../../server/logger";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

/** GET and POST /api/auth/*: Better Auth's endpoints (sign-up, sign-in, verify, reset, ...). */
export const { GET, POST } = toNextJsHandler(handleAuthRequest);

async function handleAuthRequest(request: Request): Promise<Response> {
  let auth;
  try {
    auth = getAuth();
  } catch (error) {
    // Better Auth answers its own errors; only a missing secret or database reaches here.
    const { status, body, unexpected } = toErrorResponse(error);
    if (unexpected) {
      getLogger().error({ err: error }, "auth could not start");
    }
    return Response.json(body, { status });
  }
  return auth.handler(request);
}
