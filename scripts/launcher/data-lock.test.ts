import { spawnSync } from "node:child_process";
import { mkdtemp, readFile, rm, stat, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";

import { afterEach, beforeEach, describe, expect, it } from "vitest";

import { acquireDataLock, DataDirBusyError, readLiveHolder } from "./data-lock";

let root: string;
let file: string;

beforeEach(async () => {
  root = await mkdtemp(join(tmpdir(), "sovra-lock-"));
  file = join(root, "data", "pgdata.lock");
});

afterEach(async () => {
  await rm(root, { recursive: true, force: true });
});

// The pid of a process that has exited: what a launcher killed with SIGKILL leaves behind.
function deadPid(): number {
  const child = spawnSync(process.execPath, ["-e", "process.stdout.write(String(process.pid))"]);
  return Number(child.stdout.toString());
}

describe("acquireDataLock", () => {
  it("records the holder and refuses a second holder while it is alive", async () => {
    const lock = await acquireDataLock(file, "launcher");
    await lock.update({ databaseUrl: "postgres://postgres@127.0.0.1:5999/postgres" });

    const refused = acquireDataLock(file, "migrate");

    await expect(refused).rejects.toBeInstanceOf(DataDirBusyError);
    await expect(refused).rejects.toMatchObject({ holder: { pid: process.pid } });
    expect(await readLiveHolder(file)).toMatchObject({
      pid: process.pid,
      command: "launcher",
      databaseUrl: "postgres://postgres@127.0.0.1:5999/postgres",
    });
  });

  it("is free again after release", async () => {
    const lock = await acquireDataLock(file, "migrate");
    await lock.release();

    expect(await readLiveHolder(file)).toBeUndefined();
    const again = await acquireDataLock(file, "launcher");
    await again.release();
  });

  it("replaces a lock left by a process that is gone", async () => {
    const stale = { pid: deadPid(), command: "launcher", startedAt: "2026-01-01T00:00:00Z" };
    await acquireDataLock(file, "launcher").then((lock) => lock.release());
    await writeFile(file, JSON.stringify(stale));

    const lock = await acquireDataLock(file, "migrate");

    expect(JSON.parse(await readFile(file, "utf8"))).toMatchObject({ pid: process.pid });
    await lock.release();
    await expect(stat(file)).rejects.toMatchObject({ code: "ENOENT" });
  });
});
