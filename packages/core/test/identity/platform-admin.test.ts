import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { createTestDatabase, type TestDatabase } from "@sovra/db/testing";

import { AppError } from "../../src/errors/app-error";
import { listPlatformAdmins, setPlatformAdmin } from "../../src/identity/platform-admin";

let db: TestDatabase;

beforeAll(async () => {
  db = await createTestDatabase();
  await db.pool.query(
    `insert into users (name, email) values ('Ada', 'ada@example.test'), ('Bo', 'bo@example.test')`,
  );
});

afterAll(async () => {
  await db?.drop();
});

describe("platform admins", () => {
  it("grants by email in any case and lists, then revokes", async () => {
    const granted = await setPlatformAdmin(db.pool, { email: "ADA@example.test", admin: true });
    expect(granted).toMatchObject({ email: "ada@example.test", name: "Ada" });
    expect((await listPlatformAdmins(db.pool)).map((admin) => admin.email)).toEqual([
      "ada@example.test",
    ]);

    await setPlatformAdmin(db.pool, { email: "ada@example.test", admin: false });
    expect(await listPlatformAdmins(db.pool)).toEqual([]);
  });

  it("answers not_found for an unknown email and changes nobody", async () => {
    const attempt = setPlatformAdmin(db.pool, { email: "nobody@example.test", admin: true });
    await expect(attempt).rejects.toBeInstanceOf(AppError);
    await expect(attempt).rejects.toMatchObject({ code: "not_found" });
    expect(await listPlatformAdmins(db.pool)).toEqual([]);
  });

  it("refuses something that is not an email", async () => {
    await expect(setPlatformAdmin(db.pool, { email: "ada", admin: true })).rejects.toMatchObject({
      code: "validation_failed",
    });
  });
});
