import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";

import { createLogger, loadConfig } from "@sovra/config";
import { createAuth, createOutboxMailer } from "@sovra/core/identity";
import { createTestDatabase, type TestDatabase } from "@sovra/db/testing";

import type { ApiDependencies } from "../../src/server/api/api-dependencies";

const ORIGIN = "http://localhost:3000";
const PASSWORD = "Sovra-test-passphrase-42";

export interface ApiHarness {
  db: TestDatabase;
  dependencies: ApiDependencies;
  /** Signs up and signs in a verified user; returns their id and session cookie. */
  signIn(label: string): Promise<{ userId: string; cookie: string }>;
  request(path: string, init?: { method?: string; body?: unknown; cookie?: string }): Request;
  close(): Promise<void>;
}

/** The API's real dependencies on a fresh database: Better Auth, the pool, a quiet logger. */
export async function startApiHarness(): Promise<ApiHarness> {
  const db = await createTestDatabase();
  const dataDir = await mkdtemp(join(tmpdir(), "sovra-api-"));
  const config = loadConfig({
    NODE_ENV: "test",
    APP_URL: ORIGIN,
    BETTER_AUTH_SECRET: "api-test-secret-0123456789abcdefghijklmnop",
    SOVRA_DATA_DIR: dataDir,
  });
  const logger = createLogger({ name: "api-test", level: "silent" });
  const auth = createAuth({
    pool: db.pool,
    config,
    logger,
    mailer: createOutboxMailer({ dataDir, logger }),
  });
  const dependencies: ApiDependencies = {
    pool: () => db.pool,
    auth: () => auth,
    logger: () => logger,
  };

  const authPost = (path: string, body: unknown) =>
    auth.handler(
      new Request(`${ORIGIN}/api/auth${path}`, {
        method: "POST",
        headers: { "content-type": "application/json", origin: ORIGIN },
        body: JSON.stringify(body),
      }),
    );

  return {
    db,
    dependencies,
    async signIn(label) {
      const email = `${label}@example.test`;
      await authPost("/sign-up/email", { email, password: PASSWORD, name: label });
      // Verification itself is tested with the outbox in packages/core.
      await db.pool.query("update users set email_verified = true where email = $1", [email]);
      const response = await authPost("/sign-in/email", { email, password: PASSWORD });
      if (response.status !== 200) {
        throw new Error(`sign-in of ${label} failed with ${response.status}`);
      }
      const cookie = response.headers
        .getSetCookie()
        .map((line) => line.split(";")[0])
        .join("; ");
      const user = await db.pool.query<{ id: string }>("select id from users where email = $1", [
        email,
      ]);
      return { userId: user.rows[0]!.id, cookie };
    },
    request(path, init = {}) {
      const headers = new Headers({ origin: ORIGIN });
      if (init.cookie !== undefined) {
        headers.set("cookie", init.cookie);
      }
      if (init.body !== undefined) {
        headers.set("content-type", "application/json");
      }
      const body =
        init.body === undefined
          ? undefined
          : typeof init.body === "string"
            ? init.body
            : JSON.stringify(init.body);
      return new Request(`${ORIGIN}${path}`, { method: init.method ?? "GET", headers, body });
    },
    async close() {
      await db.drop();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}
