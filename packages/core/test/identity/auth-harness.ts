import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";

import { createLogger, loadConfig } from "@sovra/config";
import { createTestDatabase, type TestDatabase } from "@sovra/db/testing";

import { createOutboxMailer, readOutbox } from "../../src/email";
import { createAuth, type SovraAuth } from "../../src/identity";

export const PUBLIC_URL = "http://localhost:3000";

export interface AuthHarness {
  db: TestDatabase;
  auth: SovraAuth;
  dataDir: string;
  /** A POST to `/api/auth{path}` with a JSON body, as a browser on the app's origin sends it. */
  post(path: string, body: unknown, cookie?: string): Promise<Response>;
  get(url: string, cookie?: string): Promise<Response>;
  /** The first link in the newest outbox message to `to` whose subject contains `subject`. */
  linkFor(to: string, subject: string): Promise<string>;
  close(): Promise<void>;
}

export const TEST_ENV = {
  NODE_ENV: "test",
  APP_URL: PUBLIC_URL,
  BETTER_AUTH_SECRET: "test-secret-for-better-auth-0123456789abcdef",
};

/**
 * Better Auth on a fresh migrated database, with the development outbox in a temp dir;
 * `env` adds to or overrides the test environment.
 */
export async function startAuthHarness(env: Record<string, string> = {}): Promise<AuthHarness> {
  const db = await createTestDatabase();
  const dataDir = await mkdtemp(join(tmpdir(), "sovra-auth-"));
  const config = loadConfig({ ...TEST_ENV, SOVRA_DATA_DIR: dataDir, ...env });
  const logger = createLogger({ name: "auth-test", level: "silent" });
  const auth = createAuth({
    pool: db.pool,
    config,
    logger,
    mailer: createOutboxMailer({ dataDir, logger }),
  });

  const send = (url: string, init: RequestInit, cookie: string | undefined) => {
    const headers = new Headers(init.headers);
    headers.set("origin", PUBLIC_URL);
    if (cookie !== undefined) {
      headers.set("cookie", cookie);
    }
    return auth.handler(new Request(url, { ...init, headers }));
  };

  return {
    db,
    auth,
    dataDir,
    post: (path, body, cookie) =>
      send(
        `${PUBLIC_URL}/api/auth${path}`,
        {
          method: "POST",
          headers: { "content-type": "application/json" },
          body: JSON.stringify(body),
        },
        cookie,
      ),
    get: (url, cookie) => send(url, { method: "GET" }, cookie),
    async linkFor(to, subject) {
      const message = (await readOutbox(dataDir)).find(
        (entry) => entry.to === to && entry.subject.includes(subject),
      );
      const link = message?.text.match(/https?:\/\/\S+/u)?.[0];
      if (link === undefined) {
        throw new Error(`No "${subject}" message with a link for ${to} in the outbox`);
      }
      return link;
    },
    async close() {
      await db.drop();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}

/** The `name=value` pairs of a response's Set-Cookie headers, ready for a Cookie header. */
export function cookiesOf(response: Response): string {
  return response.headers
    .getSetCookie()
    .map((line) => line.split(";")[0])
    .join("; ");
}
