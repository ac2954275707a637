import type { Logger } from "@sovra/config";

export type ShutdownSignal = "SIGINT" | "SIGTERM";

/** What `process` offers for signals; tests pass an EventEmitter. */
export interface SignalSource {
  on(signal: ShutdownSignal, listener: () => void): unknown;
}

export interface ShutdownOptions {
  logger: Logger;
  /** Releases everything the process holds; must settle for a clean exit. */
  stop: () => Promise<void>;
  /** After this long, the process exits with 1 whatever is still running. */
  timeoutMs: number;
  exit?: (code: number) => void;
  /** Where signals come from; tests pass their own emitter. */
  signals?: SignalSource;
}

/**
 * On SIGINT or SIGTERM, stops the worker and exits 0; if stopping takes longer than
 * `timeoutMs`, or a second signal arrives, exits 1 at once.
 */
export function installShutdown(options: ShutdownOptions): void {
  const exit = options.exit ?? ((code: number) => process.exit(code));
  const signals = options.signals ?? process;
  let stopping = false;

  const onSignal = (signal: ShutdownSignal) => {
    if (stopping) {
      options.logger.warn({ signal }, "second signal during shutdown, exiting now");
      exit(1);
      return;
    }
    stopping = true;
    void shutDown(options, signal, exit);
  };

  signals.on("SIGINT", () => onSignal("SIGINT"));
  signals.on("SIGTERM", () => onSignal("SIGTERM"));
}

async function shutDown(
  options: ShutdownOptions,
  signal: ShutdownSignal,
  exit: (code: number) => void,
): Promise<void> {
  const { logger, timeoutMs } = options;
  logger.info({ signal, timeoutMs }, "shutting down");

  const force = setTimeout(() => {
    logger.error({ timeoutMs }, "shutdown took too long, exiting");
    exit(1);
  }, timeoutMs);

  try {
    await options.stop();
    clearTimeout(force);
    logger.info("stopped");
    exit(0);
  } catch (error) {
    clearTimeout(force);
    logger.error({ err: error }, "shutdown failed");
    exit(1);
  }
}
