import { ConfigError, type Logger } from "@sovra/config";

import { ListenError } from "./http/listen";

/**
 * Ends a start-up that failed. Errors an operator can fix from the message alone (bad config,
 * a port in use) print that message; anything else is a bug and is logged with its stack.
 */
export function exitOnStartError(error: unknown, logger: Logger | undefined): never {
  if (error instanceof ConfigError || error instanceof ListenError) {
    process.stderr.write(`worker: ${error.message}\n`);
  } else if (logger !== undefined) {
    logger.fatal({ err: error }, "worker failed to start");
  } else {
    process.stderr.write(`worker failed to start: ${String(error)}\n`);
  }
  process.exit(1);
}
