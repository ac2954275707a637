import { AppError, toErrorResponse } from "@sovra/core";

import type { ApiDependencies } from "./api-dependencies";
import { requestContextOf, requestIdOf } from "./request-context";

export interface ApiCall {
  request: Request;
  requestId: string;
  /** The signed-in user; every /api/v1 route requires one. */
  userId: string;
  context: ReturnType<typeof requestContextOf>;
}

/** A handler's result: a body for 200, or a full Response when it needs another status. */
export type ApiResult = Response | Record<string, unknown>;

const NO_STORE = { "cache-control": "private, no-store" };

/**
 * Runs one API call: authenticates the session, runs `work`, and turns any thrown error
 * into the JSON error contract, logging it once at the level its status deserves.
 */
export async function handleApi(
  dependencies: ApiDependencies,
  request: Request,
  work: (call: ApiCall) => Promise<ApiResult>,
): Promise<Response> {
  const requestId = requestIdOf(request);
  const headers = { ...NO_STORE, "x-request-id": requestId };
  try {
    const userId = await requireUserId(dependencies, request);
    const result = await work({ request, requestId, userId, context: requestContextOf(request) });
    return result instanceof Response ? withHeaders(result, headers) : json(200, result, headers);
  } catch (error) {
    const response = toErrorResponse(error);
    logFailure(dependencies, { requestId, error, status: response.status });
    const extra: Record<string, string> = {};
    if (error instanceof AppError && error.retryAfter !== undefined) {
      extra["retry-after"] = String(error.retryAfter);
    }
    return json(response.status, response.body, { ...headers, ...extra });
  }
}

export function created(body: Record<string, unknown>): Response {
  return Response.json(body, { status: 201 });
}

export function noContent(): Response {
  return new Response(null, { status: 204 });
}

async function requireUserId(dependencies: ApiDependencies, request: Request): Promise<string> {
  const session = await dependencies.auth().api.getSession({ headers: request.headers });
  if (session === null) {
    throw new AppError("unauthenticated", "Sign in to use the API.");
  }
  return session.user.id;
}

function json(status: number, body: unknown, headers: Record<string, string>): Response {
  return Response.json(body, { status, headers });
}

function withHeaders(response: Response, headers: Record<string, string>): Response {
  for (const [name, value] of Object.entries(headers)) {
    response.headers.set(name, value);
  }
  return response;
}

function logFailure(
  dependencies: ApiDependencies,
  failure: { requestId: string; error: unknown; status: number },
): void {
  const logger = dependencies.logger().child({ requestId: failure.requestId });
  if (failure.status >= 500) {
    logger.error({ err: failure.error, status: failure.status }, "api request failed");
  } else {
    logger.warn({ status: failure.status, code: codeOf(failure.error) }, "api request refused");
  }
}

function codeOf(error: unknown): string | undefined {
  return error instanceof AppError ? error.code : undefined;
}
