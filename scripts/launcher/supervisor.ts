import type { Logger } from "@sovra/config";

import type { ChildExit, ManagedChild } from "./child-process";

export type StopReason =
  | { kind: "signal"; signal: NodeJS.Signals }
  | { kind: "child-exit"; child: string; exit: ChildExit }
  | { kind: "failure" };

interface Cleanup {
  name: string;
  run: () => Promise<void>;
}

/**
 * Owns what the launcher started: the long-running children, and cleanups for everything else
 * (the embedded database). A stop signal or a child dying aborts `signal`, which cuts start-up
 * short; `unwind` then stops the children, and runs the cleanups in reverse order.
 */
export class Supervisor {
  private readonly controller = new AbortController();
  private readonly cleanups: Cleanup[] = [];
  private readonly children = new Set<ManagedChild>();
  private readonly supervised = new Set<ManagedChild>();
  private reason: StopReason | undefined;
  private forced = false;
  private unwinding: Promise<void> | undefined;
  private resolveStopped: (reason: StopReason) => void = () => undefined;
  readonly stopped = new Promise<StopReason>((resolve) => {
    this.resolveStopped = resolve;
  });

  constructor(
    private readonly logger: Logger,
    private readonly shutdownTimeoutMs: number,
  ) {}

  get signal(): AbortSignal {
    return this.controller.signal;
  }

  get stopReason(): StopReason | undefined {
    return this.reason;
  }

  requestStop(reason: StopReason): void {
    if (this.reason !== undefined) {
      return;
    }
    this.reason = reason;
    this.controller.abort();
    this.resolveStopped(reason);
  }

  defer(name: string, run: () => Promise<void>): void {
    this.cleanups.push({ name, run });
  }

  /** A child that must keep running: its exit before a stop stops everything. */
  supervise(child: ManagedChild): void {
    this.track(child);
    this.supervised.add(child);
    void child.exited.then((exit) => {
      if (this.reason !== undefined) {
        return;
      }
      this.logger.error(
        { child: child.name, pid: child.pid, exitCode: exit.code, signal: exit.signal },
        `${child.name} exited unexpectedly (${describeExit(exit)}); stopping the rest`,
      );
      this.requestStop({ kind: "child-exit", child: child.name, exit });
    });
  }

  /** A child to kill on a forced stop; `untrack` once it is done. */
  track(child: ManagedChild): () => void {
    this.children.add(child);
    return () => this.children.delete(child);
  }

  /** Stops supervised children and runs the cleanups; repeated calls share one run. */
  unwind(): Promise<void> {
    this.unwinding ??= this.runUnwind();
    return this.unwinding;
  }

  /** Children started and not yet known to be done, for a forced or last-resort kill. */
  liveChildren(): Iterable<ManagedChild> {
    return this.children;
  }

  /** Whether the stop was forced: then it was not clean, whatever its reason. */
  get wasForced(): boolean {
    return this.forced;
  }

  /** The second Ctrl-C: SIGKILL to every child's process group, without waiting. */
  forceKill(): void {
    this.forced = true;
    for (const child of this.children) {
      child.kill();
    }
  }

  private async runUnwind(): Promise<void> {
    await Promise.all([...this.supervised].map((child) => this.stopChild(child)));
    for (const cleanup of this.cleanups.reverse()) {
      try {
        await cleanup.run();
      } catch (error) {
        this.logger.error({ err: error, step: cleanup.name }, `could not stop ${cleanup.name}`);
      }
    }
  }

  private async stopChild(child: ManagedChild): Promise<void> {
    const { forced } = await child.stop(this.shutdownTimeoutMs);
    this.children.delete(child);
    if (forced) {
      this.logger.warn(
        { child: child.name, pid: child.pid, timeoutMs: this.shutdownTimeoutMs },
        `${child.name} did not stop within SHUTDOWN_TIMEOUT_MS; killed its process group`,
      );
      return;
    }
    const exit = await child.exited;
    this.logger.info(
      { child: child.name, pid: child.pid, exitCode: exit.code, signal: exit.signal },
      `${child.name} stopped`,
    );
  }
}

export function describeExit(exit: ChildExit): string {
  return exit.signal === null ? `exit code ${exit.code}` : `signal ${exit.signal}`;
}
