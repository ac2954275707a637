import { randomBytes } from "node:crypto";
import { mkdtemp, rm, stat } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";

import { afterAll, afterEach, describe, expect, it } from "vitest";

import { getTestSettings } from "@sovra/config";
import { createPool, MIGRATION_IDS } from "@sovra/db";
import { createTestDatabase, type TestDatabase } from "@sovra/db/testing";

import type { ChildEnv } from "./launcher/child-env";
import { sleep } from "./launcher/sleep";
import { type LogLine, runScript, type ScriptProcess } from "./launcher/testing/launcher-process";
import { freePorts, isListening } from "./launcher/testing/ports";
import { processExists, processGroupExists } from "./launcher/testing/processes";

// The first start may run `next build` (30-90 s on two cores); everything else takes seconds.
const START_TIMEOUT_MS = 240_000;
const SHUTDOWN_TIMEOUT_MS = 15_000;
// The launcher's own bound plus time for tsx and the database to close.
const EXIT_BOUND_MS = SHUTDOWN_TIMEOUT_MS + 15_000;

const { databaseUrl: nativeServer } = getTestSettings();
const mode = nativeServer === undefined ? "embedded" : "native";

interface Setup {
  env: ChildEnv;
  ports: number[];
  webPort: number;
  dataDir: string;
  /** Where the test itself reads and writes: the launcher's database, as owner. */
  ownerUrl: string;
}

const started: ScriptProcess[] = [];
const cleanups: (() => Promise<void>)[] = [];

afterEach(async () => {
  // A failed assertion must not leave a launcher running into the next test.
  for (const launcher of started.splice(0)) {
    killEverything(launcher);
  }
});

afterAll(async () => {
  for (const cleanup of cleanups.splice(0)) {
    await cleanup();
  }
});

async function setUp(): Promise<Setup> {
  const ports = await freePorts(6);
  const [webPort, httpPort, grpcPort, mcpPort, socketioPort, embeddedPort] = ports.map(String);
  const dataDir = await mkdtemp(join(tmpdir(), "sovra-launcher-"));
  cleanups.push(() => rm(dataDir, { recursive: true, force: true }));

  // Never the native server's main database: a throwaway one the launcher migrates itself.
  let database: TestDatabase | undefined;
  if (mode === "native") {
    database = await createTestDatabase({ migrate: false });
    cleanups.push(() => database?.drop() ?? Promise.resolve());
  }

  const env: ChildEnv = {
    SOVRA_DATA_DIR: dataDir,
    PORT: webPort,
    HTTP_PORT: httpPort,
    GRPC_PORT: grpcPort,
    MCP_PORT: mcpPort,
    SOCKETIO_PORT: socketioPort,
    SOVRA_EMBEDDED_DB_PORT: embeddedPort,
    DATABASE_URL: database?.url,
    SHUTDOWN_TIMEOUT_MS: String(SHUTDOWN_TIMEOUT_MS),
    NEXT_TELEMETRY_DISABLED: "1",
  };
  const ownerUrl = database?.url ?? `postgres://postgres@127.0.0.1:${embeddedPort}/postgres`;
  return { env, ports, webPort: Number(webPort), dataDir, ownerUrl };
}

function startLauncher(setup: Setup): ScriptProcess {
  const launcher = runScript("scripts/start.ts", setup.env);
  started.push(launcher);
  return launcher;
}

async function waitForHealthOk(launcher: ScriptProcess, port: number): Promise<unknown> {
  const deadline = Date.now() + START_TIMEOUT_MS;
  let last: unknown = "no answer";
  while (Date.now() < deadline) {
    if (launcher.child.exitCode !== null) {
      throw new Error(`launcher exited ${launcher.child.exitCode}:\n${launcher.output()}`);
    }
    last = await fetchHealth(port);
    if ((last as { status?: string } | undefined)?.status === "ok") {
      return last;
    }
    await sleep(500);
  }
  throw new Error(`/api/health never ok; last ${JSON.stringify(last)}:\n${launcher.output()}`);
}

async function fetchHealth(port: number): Promise<unknown> {
  try {
    const response = await fetch(`http://127.0.0.1:${port}/api/health`);
    return await response.json();
  } catch (error) {
    return String(error);
  }
}

interface Pids {
  launcher: number;
  worker: number;
  web: number;
}

async function childPids(launcher: ScriptProcess): Promise<Pids> {
  const line = await launcher.waitForLog("children started", 5_000);
  return line.pids as Pids;
}

/** SIGTERM as a supervisor would send it; resolves with the exit and how long it took. */
async function stopLauncher(launcher: ScriptProcess) {
  const began = Date.now();
  launcher.child.kill("SIGTERM");
  const exit = await exitWithinBound(launcher);
  return { exit, ms: Date.now() - began };
}

function exitWithinBound(launcher: ScriptProcess) {
  const timeout = sleep(EXIT_BOUND_MS).then(() => "timeout" as const);
  return Promise.race([launcher.exited, timeout]);
}

function killEverything(launcher: ScriptProcess): void {
  const line = launcher.logLines().find((candidate) => candidate.msg === "children started");
  const pids = (line?.pids ?? {}) as Partial<Pids>;
  for (const target of [-(pids.worker ?? 0), -(pids.web ?? 0), pids.launcher ?? 0]) {
    try {
      if (target !== 0) {
        process.kill(target, "SIGKILL");
      }
    } catch {
      // Already gone, which is what a passing test leaves.
    }
  }
  launcher.child.kill("SIGKILL");
}

function messages(lines: LogLine[]): string[] {
  return lines.map((line) => line.msg);
}

describe(`npm start (${mode} database)`, () => {
  it(
    "starts web and worker healthy, and SIGTERM stops everything it started",
    async () => {
      const setup = await setUp();
      const launcher = startLauncher(setup);

      const health = await waitForHealthOk(launcher, setup.webPort);
      const pids = await childPids(launcher);
      await launcher.waitForLog("ready", 10_000);
      expect(health).toMatchObject({ status: "ok", checks: expect.any(Object) });
      expect(launcher.output()).toContain(`Web            http://localhost:${setup.webPort}`);
      expect(launcher.output()).not.toMatch(/postgres:\/\/[^\s]*:[^\s]*@/);
      expect((await stat(join(setup.dataDir, "secrets.json"))).mode & 0o777).toBe(0o600);

      const { exit, ms } = await stopLauncher(launcher);

      expect(exit, launcher.output()).toEqual({ code: 0, signal: null });
      expect(ms).toBeLessThan(EXIT_BOUND_MS);
      expect(messages(launcher.logLines())).toEqual(
        expect.arrayContaining(["worker stopped", "web stopped", "launcher stopped"]),
      );
      expect(launcher.output()).not.toContain("did not stop within SHUTDOWN_TIMEOUT_MS");
      for (const pid of [pids.launcher, pids.worker, pids.web]) {
        expect(processExists(pid), `pid ${pid}`).toBe(false);
      }
      for (const leader of [pids.worker, pids.web]) {
        expect(processGroupExists(leader), `process group ${leader}`).toBe(false);
      }
      for (const port of setup.ports) {
        expect(await isListening(port), `port ${port}`).toBe(false);
      }
      await expect(stat(join(setup.dataDir, "pgdata.lock"))).rejects.toMatchObject({
        code: "ENOENT",
      });
    },
    START_TIMEOUT_MS + 60_000,
  );

  it(
    "keeps data written before a restart, and does not rebuild an unchanged web app",
    async () => {
      const setup = await setUp();
      const flag = `launcher_test_${randomBytes(4).toString("hex")}`;

      const first = startLauncher(setup);
      await waitForHealthOk(first, setup.webPort);
      await withOwnerPool(setup.ownerUrl, (pool) =>
        pool.query("insert into feature_flags (key, description) values ($1, 'restart')", [flag]),
      );
      expect((await stopLauncher(first)).exit).toEqual({ code: 0, signal: null });

      const second = startLauncher(setup);
      await waitForHealthOk(second, setup.webPort);
      const rows = await withOwnerPool(setup.ownerUrl, (pool) =>
        pool.query("select description from feature_flags where key = $1", [flag]),
      );
      expect(rows.rows).toEqual([{ description: "restart" }]);
      expect(messages(second.logLines())).toContain("web build is current; not rebuilding");
      expect(second.output()).not.toContain("[build]");
      const total = MIGRATION_IDS.length;
      expect(messages(second.logLines())).toContain(
        `database schema is current (${total} migrations)`,
      );

      if (mode === "embedded") {
        await expectMigrateGoesThroughLauncher(setup);
      }
      expect((await stopLauncher(second)).exit).toEqual({ code: 0, signal: null });
    },
    2 * START_TIMEOUT_MS,
  );
});

describe(`npm start when a child dies (${mode} database)`, () => {
  it(
    "stops the rest, says which child died, and exits 1",
    async () => {
      const setup = await setUp();
      const launcher = startLauncher(setup);
      await waitForHealthOk(launcher, setup.webPort);
      const pids = await childPids(launcher);

      process.kill(pids.worker, "SIGKILL");

      expect(await exitWithinBound(launcher), launcher.output()).toEqual({ code: 1, signal: null });
      expect(launcher.logLines()).toContainEqual(
        expect.objectContaining({
          msg: "worker exited unexpectedly (signal SIGKILL); stopping the rest",
          child: "worker",
          signal: "SIGKILL",
        }),
      );
      expect(processGroupExists(pids.web)).toBe(false);
      expect(processExists(pids.launcher)).toBe(false);
    },
    START_TIMEOUT_MS + 60_000,
  );
});

async function withOwnerPool<T>(
  url: string,
  work: (pool: ReturnType<typeof createPool>) => Promise<T>,
): Promise<T> {
  const pool = createPool({ url, max: 1 });
  try {
    return await work(pool);
  } finally {
    await pool.end();
  }
}

// `npm run migrate` while the launcher runs must not open the data dir a second time.
async function expectMigrateGoesThroughLauncher(setup: Setup): Promise<void> {
  const migrate = runScript("scripts/migrate.ts", setup.env);
  const exit = await migrate.exited;

  expect(exit, migrate.output()).toEqual({ code: 0, signal: null });
  expect(messages(migrate.logLines())).toContain(
    "a running launcher holds the data directory; working through its embedded server",
  );
}
