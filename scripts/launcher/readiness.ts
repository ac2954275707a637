import { LauncherError, StartAborted } from "./errors";
import { sleep } from "./sleep";

export interface ReadinessTarget {
  name: string;
  url: string;
}

export interface ReadinessOptions {
  timeoutMs: number;
  signal: AbortSignal;
  intervalMs?: number;
}

const REQUEST_TIMEOUT_MS = 5_000;

/**
 * Polls each URL until it answers 200. A 503 from a health endpoint is an answer but not a
 * ready one (the app reports a dependency down), so it is polled again until the deadline.
 * @throws LauncherError at the deadline, naming each target that is not ready and its last answer.
 * @throws StartAborted when `signal` aborts first.
 */
export async function waitUntilReady(
  targets: readonly ReadinessTarget[],
  options: ReadinessOptions,
): Promise<void> {
  const deadline = Date.now() + options.timeoutMs;
  const lastAnswer = new Map<string, string>();
  let pending = [...targets];

  while (pending.length > 0) {
    const results = await Promise.all(
      pending.map(async (target) => ({ target, answer: await probe(target.url) })),
    );
    for (const { target, answer } of results) {
      lastAnswer.set(target.name, answer);
    }
    pending = results.filter(({ answer }) => answer !== READY).map(({ target }) => target);

    if (options.signal.aborted) {
      throw new StartAborted();
    }
    if (pending.length > 0 && Date.now() >= deadline) {
      throw new LauncherError(timeoutMessage(pending, lastAnswer, options.timeoutMs));
    }
    if (pending.length > 0) {
      await sleep(options.intervalMs ?? 250, options.signal);
    }
  }
}

const READY = "ready";

async function probe(url: string): Promise<string> {
  try {
    const response = await fetch(url, { signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS) });
    const body = await response.text();
    return response.status === 200 ? READY : `HTTP ${response.status} ${body.slice(0, 300)}`;
  } catch (error) {
    const cause = (error as { cause?: { code?: string } }).cause;
    return cause?.code ?? (error instanceof Error ? error.message : String(error));
  }
}

function timeoutMessage(
  pending: readonly ReadinessTarget[],
  lastAnswer: ReadonlyMap<string, string>,
  timeoutMs: number,
): string {
  const lines = pending.map(
    (target) =>
      `  - ${target.name} at ${target.url}: ${lastAnswer.get(target.name) ?? "no answer"}`,
  );
  return `Not ready within ${timeoutMs / 1000} s:\n${lines.join("\n")}`;
}
