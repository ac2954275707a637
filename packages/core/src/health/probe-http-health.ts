import { describeProbeError } from "./describe-probe-error";
import { elapsedMs } from "./elapsed";
import type { HealthCheck } from "./health-check";

export interface HttpProbeOptions {
  timeoutMs: number;
}

/**
 * A live GET of another service's health endpoint. The check is ok only when the service
 * answers 2xx with a JSON body whose `status` is `"ok"`; anything else is down with a short
 * reason. Never throws.
 */
export async function probeHttpHealth(
  url: string,
  options: HttpProbeOptions,
): Promise<HealthCheck> {
  const started = performance.now();
  try {
    const response = await fetch(url, {
      headers: { accept: "application/json" },
      redirect: "error",
      signal: AbortSignal.timeout(options.timeoutMs),
    });
    const reported = await reportedStatus(response);
    const latency = elapsedMs(started);

    if (response.ok && reported === "ok") {
      return { status: "ok", latency_ms: latency };
    }
    return { status: "down", latency_ms: latency, error: mismatch(response.status, reported) };
  } catch (error) {
    return { status: "down", error: describeFailure(error, options.timeoutMs) };
  }
}

async function reportedStatus(response: Response): Promise<string | undefined> {
  const body: unknown = await response.json().catch(() => undefined);
  if (body !== null && typeof body === "object" && "status" in body) {
    const { status } = body as { status: unknown };
    return typeof status === "string" ? status : undefined;
  }
  return undefined;
}

function mismatch(httpStatus: number, reported: string | undefined): string {
  const what = reported === undefined ? "no JSON status" : `status ${reported}`;
  return `HTTP ${httpStatus}, ${what}`;
}

function describeFailure(error: unknown, timeoutMs: number): string {
  if (error instanceof Error && error.name === "TimeoutError") {
    return `no answer within ${timeoutMs} ms`;
  }
  return describeProbeError(error);
}
