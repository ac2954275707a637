import { mkdtemp, rm } from "node:fs/promises";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";

import { afterAll, beforeAll, describe, expect, it } from "vitest";

import type { ChildEnv } from "./child-env";
import { runScript } from "./testing/launcher-process";
import { freePorts } from "./testing/ports";

let dataDir: string;
let heldPort = 0;
let closedPort = 0;
const holder = createServer();

beforeAll(async () => {
  dataDir = await mkdtemp(join(tmpdir(), "sovra-start-failure-"));
  [heldPort = 0, closedPort = 0] = await freePorts(2);
  await new Promise<void>((resolve) => holder.listen(heldPort, "127.0.0.1", resolve));
});

afterAll(async () => {
  await new Promise((resolve) => holder.close(resolve));
  await rm(dataDir, { recursive: true, force: true });
});

// Each failure is the operator's to fix: one plain message naming what to change, exit 1,
// and no stack trace hiding it.
const cases: { name: string; env: () => ChildEnv; message: () => RegExp }[] = [
  {
    name: "a malformed variable",
    env: () => ({ PORT: "not-a-port", SOVRA_DATA_DIR: dataDir }),
    message: () => /Invalid configuration:\n {2}- PORT must be a port number/,
  },
  {
    name: "the embedded database port in use",
    env: () => ({ SOVRA_DATA_DIR: dataDir, SOVRA_EMBEDDED_DB_PORT: String(heldPort) }),
    message: () =>
      new RegExp(`Port ${heldPort} for the embedded database is in use.*SOVRA_EMBEDDED_DB_PORT`),
  },
  {
    name: "a DATABASE_URL that never answers",
    env: () => ({
      SOVRA_DATA_DIR: dataDir,
      DATABASE_URL: `postgres://sovra:hunter2-password@127.0.0.1:${closedPort}/sovra`,
      DATABASE_CONNECT_RETRIES: "1",
    }),
    message: () =>
      new RegExp(`Cannot reach Postgres at 127.0.0.1:${closedPort}/sovra \\(DATABASE_URL\\)`),
  },
];

describe("npm start refuses to start", () => {
  it.each(cases)(
    "on $name, with a plain message and exit 1",
    async ({ env, message }) => {
      const launcher = runScript("scripts/start.ts", { DATABASE_URL: undefined, ...env() });

      const exit = await launcher.exited;

      expect(exit, launcher.output()).toEqual({ code: 1, signal: null });
      expect(launcher.output()).toMatch(message());
      expect(launcher.output()).not.toMatch(/\n\s+at .+:\d+:\d+/);
      expect(launcher.output()).not.toContain("hunter2-password");
    },
    30_000,
  );
});
