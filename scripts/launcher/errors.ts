/**
 * A start-up failure the operator can fix (a busy port, an unreachable database, a failed
 * migration or build). It is shown as its message alone: a stack trace would only hide it.
 */
export class LauncherError extends Error {
  constructor(message: string, options?: { cause: unknown }) {
    super(message, options);
    this.name = "LauncherError";
  }
}

/** Start-up was cut short by a stop signal or a child that died; not a failure to report. */
export class StartAborted extends Error {
  constructor() {
    super("start-up aborted");
    this.name = "StartAborted";
  }
}

export function throwIfAborted(signal: AbortSignal): void {
  if (signal.aborted) {
    throw new StartAborted();
  }
}
