import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { createTestDatabase, type TestDatabase } from "@sovra/db/testing";

import { runScript } from "./launcher/testing/launcher-process";

let db: TestDatabase;

beforeAll(async () => {
  db = await createTestDatabase();
  await db.pool.query("insert into users (name, email) values ('Ada', 'ada@example.test')");
});

afterAll(async () => {
  await db?.drop();
});

async function admin(...args: string[]) {
  const env = { DATABASE_URL: db.url, LOG_LEVEL: "warn" };
  const script = runScript("scripts/admin.ts", env, args);
  return { exit: await script.exited, output: script.output() };
}

describe("npm run admin", () => {
  it("grants, lists and revokes the platform-admin flag", async () => {
    const granted = await admin("grant", "Ada@Example.test");
    expect(granted.exit.code).toBe(0);
    expect(granted.output).toContain("ada@example.test is now a platform admin.");

    const listed = await admin("list");
    expect(listed.output).toContain("ada@example.test");

    await admin("revoke", "ada@example.test");
    const flag = await db.pool.query("select is_platform_admin from users");
    expect(flag.rows).toEqual([{ is_platform_admin: false }]);
  });

  it("says plainly when no user has the email", async () => {
    const result = await admin("grant", "nobody@example.test");
    expect(result.exit.code).toBe(1);
    expect(result.output).toContain("No user has the email nobody@example.test.");
    expect(result.output).not.toMatch(/at \S+\.ts:\d+/);
  });

  it("prints usage and exits 2 for a wrong command", async () => {
    const result = await admin("promote");
    expect(result.exit.code).toBe(2);
    expect(result.output).toContain("Usage: npm run admin");
  });
});
