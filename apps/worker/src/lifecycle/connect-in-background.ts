import type { Logger } from "@sovra/config";
import { type Pool, waitForDatabase } from "@sovra/db";

export interface BackgroundConnectOptions {
  pool: Pool;
  logger: Logger;
  retries: number;
  /** Aborting stops the retries at once, for shutdown. */
  signal: AbortSignal;
  initialDelayMs?: number;
}

/**
 * Waits for the database without holding up start-up: the health server is already
 * answering, and reports degraded until the database does. Each failed attempt is one warning
 * line; giving up is one error line. Resolves whether or not the database came up.
 */
export async function connectInBackground(options: BackgroundConnectOptions): Promise<boolean> {
  const { logger, signal } = options;
  try {
    await waitForDatabase(options.pool, {
      retries: options.retries,
      logger,
      signal,
      initialDelayMs: options.initialDelayMs,
      sleep: (ms) => abortableSleep(ms, signal),
    });
    logger.info("database connected");
    return true;
  } catch (error) {
    if (!signal.aborted) {
      // The message carries the last reason; a stack trace would not help an operator here.
      const reason = error instanceof Error ? error.message : String(error);
      logger.error({ reason }, "giving up waiting for the database; /health stays degraded");
    }
    return false;
  }
}

function abortableSleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(done, ms);
    signal.addEventListener("abort", done, { once: true });

    function done() {
      clearTimeout(timer);
      signal.removeEventListener("abort", done);
      resolve();
    }
  });
}
