import { createLogger, type Logger } from "@sovra/config";

export interface CollectingLogger {
  logger: Logger;
  /** Every line written so far, parsed. */
  lines: Array<Record<string, unknown>>;
}

/** A real pino logger whose lines are kept in memory for assertions. */
export function collectingLogger(): CollectingLogger {
  const lines: Array<Record<string, unknown>> = [];
  const logger = createLogger({
    name: "worker",
    level: "debug",
    destination: { write: (line: string) => lines.push(JSON.parse(line)) },
  });
  return { logger, lines };
}
