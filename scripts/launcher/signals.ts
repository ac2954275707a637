import type { Logger } from "@sovra/config";

import { settlesWithin } from "./sleep";
import type { Supervisor } from "./supervisor";

const STOP_SIGNALS = ["SIGINT", "SIGTERM", "SIGHUP"] as const;

// `npm start` in a terminal delivers one Ctrl-C twice: the terminal signals the whole
// foreground group, and npm and tsx forward theirs too, a few milliseconds later. Repeats inside
// this window are that echo, not a person pressing Ctrl-C again.
const ECHO_WINDOW_MS = 500;
// A forced stop still lets the embedded database close if it can do so quickly: an unclean
// close costs a WAL replay at the next start.
const FORCE_GRACE_MS = 3_000;

/**
 * The first stop signal starts a clean stop; a second one, later than the echo window, kills
 * every child group at once and exits 1 as soon as the rest is down, or after a short grace.
 * @returns a function that removes the handlers.
 */
export function handleStopSignals(
  supervisor: Supervisor,
  logger: Logger,
  exit: (code: number) => void = (code) => process.exit(code),
): () => void {
  let firstAt: number | undefined;

  const handler = (signal: NodeJS.Signals) => {
    if (firstAt === undefined) {
      firstAt = Date.now();
      logger.info({ signal }, "stopping; send the signal again to force");
      supervisor.requestStop({ kind: "signal", signal });
      return;
    }
    if (Date.now() - firstAt < ECHO_WINDOW_MS) {
      return;
    }
    logger.warn({ signal }, "forced stop: killing every child process group");
    supervisor.forceKill();
    void settlesWithin(supervisor.unwind(), FORCE_GRACE_MS).then(() => exit(1));
  };

  for (const signal of STOP_SIGNALS) {
    process.on(signal, handler);
  }
  return () => {
    for (const signal of STOP_SIGNALS) {
      process.off(signal, handler);
    }
  };
}
