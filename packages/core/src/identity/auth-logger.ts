import type { Logger as BetterAuthLogger } from "better-auth";
import { isAPIError } from "better-auth/api";

import type { Logger } from "@sovra/config";

/** Routes Better Auth's own log lines into the process logger instead of the console. */
export function betterAuthLogger(logger: Logger): BetterAuthLogger {
  const child = logger.child({ component: "better-auth" });
  return {
    level: "warn",
    log(level, message, ...args) {
      child[level]({ details: args }, message);
    },
  };
}

/**
 * Better Auth's `onAPIError.onError`. Without it, Better Auth prints every refused request
 * (a wrong password, a weak one) to the console at error level; here a refusal is a debug
 * line and only a fault is logged as an error, with its cause.
 */
export function logAuthError(logger: Logger): (error: unknown) => void {
  const child = logger.child({ component: "better-auth" });
  return (error) => {
    if (isAPIError(error) && error.statusCode < 500) {
      child.debug({ status: error.statusCode, message: error.message }, "auth request refused");
      return;
    }
    child.error({ err: error }, "auth request failed");
  };
}
