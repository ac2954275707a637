import { randomBytes, randomUUID } from "node:crypto";

import { getTestSettings } from "@sovra/config";

import { startEmbeddedDatabase } from "./embedded";
import { migrate } from "./migrate";
import { createPool, type Pool } from "./pool";

export interface TestDatabase {
  mode: "embedded" | "native";
  /** Owner URL of the throw-away database. */
  url: string;
  /** An owner pool on it; tests reach tenant data through the scoped helpers. */
  pool: Pool;
  drop(): Promise<void>;
}

export interface TestDatabaseOptions {
  migrate?: boolean;
  poolMax?: number;
}

/**
 * A fresh, isolated database for one test file: a new database on the server named by
 * DATABASE_URL when it is set, otherwise an in-memory PGlite served over its socket.
 */
export async function createTestDatabase(options: TestDatabaseOptions = {}): Promise<TestDatabase> {
  const { databaseUrl } = getTestSettings();
  const database =
    databaseUrl === undefined
      ? await embeddedTestDatabase()
      : await nativeTestDatabase(databaseUrl);

  const pool = createPool({ url: database.url, max: options.poolMax ?? 4 });
  if (options.migrate !== false) {
    await migrate(pool);
  }
  return {
    mode: database.mode,
    url: database.url,
    pool,
    async drop() {
      await pool.end();
      await database.drop();
    },
  };
}

interface RawDatabase {
  mode: "embedded" | "native";
  url: string;
  drop(): Promise<void>;
}

async function embeddedTestDatabase(): Promise<RawDatabase> {
  const embedded = await startEmbeddedDatabase({ port: 0 });
  return { mode: "embedded", url: embedded.url, drop: () => embedded.stop() };
}

async function nativeTestDatabase(serverUrl: string): Promise<RawDatabase> {
  const name = `sovra_test_${randomBytes(6).toString("hex")}`;
  const admin = createPool({ url: serverUrl, max: 1 });
  try {
    await admin.query(`create database ${name}`);
  } finally {
    await admin.end();
  }

  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return {
    mode: "native",
    url: url.toString(),
    async drop() {
      const cleanup = createPool({ url: serverUrl, max: 1 });
      try {
        await cleanup.query(`drop database if exists ${name} with (force)`);
      } finally {
        await cleanup.end();
      }
    },
  };
}

/** Inserts a user as Better Auth would, on the owner connection; returns its id. */
export async function insertTestUser(pool: Pool, label: string): Promise<string> {
  const id = randomUUID();
  await pool.query("insert into users (id, name, email) values ($1, $2, $3)", [
    id,
    label,
    `${label}-${id.slice(0, 8)}@example.test`,
  ]);
  return id;
}

/** Adds a membership on the owner connection, as tenant creation and invitations do. */
export async function addTestMember(
  pool: Pool,
  tenantId: string,
  userId: string,
  role: "owner" | "admin" | "member" | "viewer",
): Promise<void> {
  await pool.query("insert into memberships (tenant_id, user_id, role) values ($1, $2, $3)", [
    tenantId,
    userId,
    role,
  ]);
}
