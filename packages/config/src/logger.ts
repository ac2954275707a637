import pino, { type Logger, type LoggerOptions } from "pino";

import { redact, redactString } from "./redact";

export type { Logger } from "pino";

export interface LoggerSettings {
  name: string;
  level?: LoggerOptions["level"];
  /** Where lines go; standard output when omitted. Tests pass a collecting stream. */
  destination?: pino.DestinationStream;
}

/**
 * Creates the process logger. Every log object passes through `redact`, so secrets,
 * tokens, cookies and passwords never reach the output, however deeply nested.
 */
export function createLogger(settings: LoggerSettings): Logger {
  const options: LoggerOptions = {
    name: settings.name,
    level: settings.level ?? "info",
    base: { service: settings.name },
    timestamp: pino.stdTimeFunctions.isoTime,
    formatters: {
      log: (object) => redact(object) as Record<string, unknown>,
    },
    hooks: {
      logMethod(args, method) {
        const masked = args.map((arg) => (typeof arg === "string" ? redactString(arg) : arg));
        method.apply(this, masked as Parameters<typeof method>);
      },
    },
  };
  // Synchronous writes: with pino's default asynchronous stdout, an exit after the reader of
  // stdout has gone can block in the final flush and leave the process hanging.
  const destination = settings.destination ?? pino.destination({ dest: 1, sync: true });
  return pino(options, destination);
}
