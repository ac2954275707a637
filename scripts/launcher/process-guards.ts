/**
 * Keeps a closed stdout (`npm start | head`, a terminal that went away) from crashing the
 * launcher: an unhandled EPIPE would end it at once and leave its children running.
 */
export function ignoreBrokenPipes(): void {
  for (const stream of [process.stdout, process.stderr]) {
    stream.on("error", (error: NodeJS.ErrnoException) => {
      if (error.code !== "EPIPE") {
        throw error;
      }
    });
  }
}

/**
 * A last resort for when the launcher ends without unwinding (an uncaught exception, a forced
 * exit): SIGKILL whatever child groups are still there. `process.kill` is synchronous, which
 * is all an exit handler may use. After a clean stop there is nothing left to kill.
 */
export function killOnExit(remaining: () => Iterable<{ kill(): void }>): void {
  process.once("exit", () => {
    for (const child of remaining()) {
      child.kill();
    }
  });
}
