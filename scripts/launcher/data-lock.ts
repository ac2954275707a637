import { link, mkdir, readFile, rename, rm, writeFile } from "node:fs/promises";
import { dirname } from "node:path";

export interface LockHolder {
  pid: number;
  command: "launcher" | "migrate" | "admin";
  startedAt: string;
  /** The embedded server the holder runs, once it is listening. Carries no password. */
  databaseUrl?: string;
}

export interface DataLock {
  update(fields: Partial<LockHolder>): Promise<void>;
  release(): Promise<void>;
}

/** Another live process holds the lock; PGlite must never open one data dir twice. */
export class DataDirBusyError extends Error {
  readonly holder: LockHolder;

  constructor(file: string, holder: LockHolder) {
    super(`${file} is held by ${holder.command} (pid ${holder.pid})`);
    this.name = "DataDirBusyError";
    this.holder = holder;
  }
}

/**
 * Takes the lock file with an exclusive create, replacing one left by a process that is gone.
 * @throws DataDirBusyError when a live process holds it.
 */
export async function acquireDataLock(
  file: string,
  command: LockHolder["command"],
): Promise<DataLock> {
  await mkdir(dirname(file), { recursive: true });
  let holder: LockHolder = { pid: process.pid, command, startedAt: new Date().toISOString() };

  if (!(await createExclusive(file, holder))) {
    const current = await readLiveHolder(file);
    if (current !== undefined) {
      throw new DataDirBusyError(file, current);
    }
    if (!(await createExclusive(file, holder))) {
      throw new DataDirBusyError(file, (await readHolder(file)) ?? holder);
    }
  }

  return {
    async update(fields) {
      holder = { ...holder, ...fields };
      await rename(await writeDraft(file, holder), file);
    },
    async release() {
      await rm(file, { force: true });
    },
  };
}

// Written whole to a private file first and then linked into place: link() fails when the
// lock exists, so taking it is atomic and a reader never sees half a file.
async function createExclusive(file: string, holder: LockHolder): Promise<boolean> {
  const draft = await writeDraft(file, holder);
  try {
    await link(draft, file);
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "EEXIST") {
      return false;
    }
    throw error;
  } finally {
    await rm(draft, { force: true });
  }
}

async function writeDraft(file: string, holder: LockHolder): Promise<string> {
  const draft = `${file}.${process.pid}.tmp`;
  await writeFile(draft, JSON.stringify(holder), { mode: 0o600 });
  return draft;
}

/**
 * The holder of the lock when that process is still alive. A lock left by a process that is
 * gone (killed with SIGKILL, a power cut) is removed, so it cannot block the next start. Two
 * processes clearing the same stale lock at the same instant could both go on; that needs two
 * starts within microseconds of each other after a crash, and is not guarded against.
 */
export async function readLiveHolder(file: string): Promise<LockHolder | undefined> {
  const holder = await readHolder(file);
  if (holder !== undefined && isAlive(holder.pid)) {
    return holder;
  }
  await rm(file, { force: true });
  return undefined;
}

async function readHolder(file: string): Promise<LockHolder | undefined> {
  try {
    const parsed = JSON.parse(await readFile(file, "utf8")) as Partial<LockHolder>;
    return typeof parsed.pid === "number" ? (parsed as LockHolder) : undefined;
  } catch {
    return undefined;
  }
}

// Signal 0 checks for existence only. EPERM means the process exists under another user.
function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}
