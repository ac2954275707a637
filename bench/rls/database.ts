import { randomBytes } from "node:crypto";

import { createPool, type Pool } from "@sovra/db";

import { UsageError } from "./options";

export interface BenchDatabase {
  name: string;
  serverVersion: string;
  /** Owner pool with one connection, so both variants run on the same backend. */
  pool: Pool;
  /** Ends the pool and drops the database; safe to call more than once. */
  drop(): Promise<void>;
}

interface ServerFacts {
  hasVector: boolean;
  bypassesRls: boolean;
  version: string;
}

/**
 * Creates a throw-away database on the server after checking it can host the benchmark.
 * @throws UsageError when the server lacks pgvector or the role cannot bypass RLS.
 */
export async function createBenchDatabase(serverUrl: string): Promise<BenchDatabase> {
  const name = `sovra_bench_${randomBytes(6).toString("hex")}`;
  const facts = await withAdmin(serverUrl, async (admin) => {
    const found = await readServerFacts(admin);
    assertUsable(found);
    await admin.query(`create database ${name}`);
    return found;
  });

  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  const pool = createPool({ url: url.toString(), max: 1, applicationName: "sovra-bench" });
  // Dropping the database on Ctrl-C terminates a checked-out client, which then emits
  // "error"; its pending query rejects anyway, so the event only needs a listener.
  pool.on("connect", (client) => client.on("error", () => undefined));
  let dropping: Promise<void> | undefined;
  const drop = () => (dropping ??= dropDatabase(serverUrl, name, pool));
  return { name, serverVersion: facts.version, pool, drop };
}

async function readServerFacts(admin: Pool): Promise<ServerFacts> {
  const { rows } = await admin.query<ServerFacts>(
    `select current_setting('server_version') as version,
            exists (select 1 from pg_available_extensions where name = 'vector') as "hasVector",
            (select rolsuper or rolbypassrls from pg_roles where rolname = current_user)
              as "bypassesRls"`,
  );
  const facts = rows[0];
  if (facts === undefined) {
    throw new Error("the server returned no row for its own settings");
  }
  return facts;
}

function assertUsable(facts: ServerFacts): void {
  if (!facts.hasVector) {
    throw new UsageError("pgvector is not installed on this server; the migrations need it.");
  }
  if (!facts.bypassesRls) {
    throw new UsageError(
      "The owner variant needs a role that bypasses RLS (superuser or BYPASSRLS): the " +
        "tenant tables force RLS and have policies only for sovra_app.",
    );
  }
}

async function dropDatabase(serverUrl: string, name: string, pool: Pool): Promise<void> {
  // An interrupted run may still hold a checked-out client; do not wait for it forever.
  await Promise.race([pool.end().catch(() => undefined), sleep(2_000)]);
  await withAdmin(serverUrl, async (admin) => {
    await admin.query(`drop database if exists ${name} with (force)`);
  });
}

async function withAdmin<T>(serverUrl: string, work: (admin: Pool) => Promise<T>): Promise<T> {
  const admin = createPool({ url: serverUrl, max: 1, applicationName: "sovra-bench-admin" });
  try {
    return await work(admin);
  } finally {
    await admin.end();
  }
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms).unref());
}
