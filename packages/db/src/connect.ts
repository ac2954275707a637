import type { Logger } from "@sovra/config";

import { DatabaseUnavailableError } from "./errors";
import { describeConnectionError } from "./health";
import type { Pool } from "./pool";

export interface ConnectOptions {
  retries: number;
  logger?: Logger;
  /** Milliseconds before the first retry; doubles each time up to `maxDelayMs`. */
  initialDelayMs?: number;
  maxDelayMs?: number;
  sleep?: (ms: number) => Promise<void>;
  signal?: AbortSignal;
}

/**
 * Waits until the database answers, retrying with exponential backoff.
 * @throws DatabaseUnavailableError after the last retry, with the last reason.
 */
export async function waitForDatabase(pool: Pool, options: ConnectOptions): Promise<void> {
  const sleep = options.sleep ?? ((ms: number) => new Promise((r) => setTimeout(r, ms)));
  let delay = options.initialDelayMs ?? 500;

  for (let attempt = 0; ; attempt += 1) {
    try {
      await pool.query("select 1");
      return;
    } catch (error) {
      const reason = describeConnectionError(error);
      if (attempt >= options.retries || options.signal?.aborted === true) {
        throw new DatabaseUnavailableError(
          `database unreachable after ${attempt + 1} attempts: ${reason}`,
          { cause: error },
        );
      }
      options.logger?.warn(
        { attempt: attempt + 1, retryInMs: delay, reason },
        "database unreachable, retrying",
      );
      await sleep(delay);
      delay = Math.min(delay * 2, options.maxDelayMs ?? 10_000);
    }
  }
}
