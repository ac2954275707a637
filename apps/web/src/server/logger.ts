import { createLogger, getConfig, type Logger } from "@sovra/config";

// Next's dev server re-evaluates modules on every change; one logger per process survives that.
const holder = globalThis as typeof globalThis & { sovraWebLogger?: Logger };

/** The web process's logger, created on first use. */
export function getLogger(): Logger {
  holder.sovraWebLogger ??= createLogger({ name: "web", level: getConfig().logLevel });
  return holder.sovraWebLogger;
}
