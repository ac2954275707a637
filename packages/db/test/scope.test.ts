import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { DatabaseError, InvalidScopeError } from "../src/errors";
import { withSystemTransaction, withTenantScope, withUserScope } from "../src/scope";
import { createTestDatabase, type TestDatabase } from "../src/testing";
import { seedWorld, type World } from "./fixtures/seed";

let db: TestDatabase;
let world: World;

beforeAll(async () => {
  db = await createTestDatabase();
  world = await seedWorld(db.pool);
});

afterAll(async () => {
  await db?.drop();
});

describe("withTenantScope", () => {
  it("runs as the client role with the caller's claims", async () => {
    const row = await withTenantScope(
      db.pool,
      { userId: world.users.ownerA, tenantId: world.tenantA.id },
      (tx) =>
        tx.queryOne<{ role: string; uid: string; tenant: string }>(
          "select current_user as role, auth.uid() as uid, sovra.current_tenant_id() as tenant",
        ),
    );
    expect(row).toEqual({ role: "sovra_app", uid: world.users.ownerA, tenant: world.tenantA.id });
  });

  it("leaves no role or claim behind on the connection", async () => {
    await withTenantScope(
      db.pool,
      { userId: world.users.ownerA, tenantId: world.tenantA.id },
      (tx) => tx.query("select 1"),
    );
    const after = await db.pool.query(
      "select current_user as role, current_setting('request.jwt.claims', true) as claims",
    );
    expect(after.rows[0].role).not.toBe("sovra_app");
    expect(after.rows[0].claims ?? "").toBe("");
  });

  it("rolls back everything when the work throws", async () => {
    const scope = { userId: world.users.ownerA, tenantId: world.tenantA.id };
    await expect(
      withTenantScope(db.pool, scope, async (tx) => {
        await tx.query(
          `insert into agents (tenant_id, name, provider, model)
           values ($1, 'ghost', 'openai', 'm')`,
          [world.tenantA.id],
        );
        throw new Error("changed my mind");
      }),
    ).rejects.toThrow("changed my mind");

    const ghosts = await db.pool.query("select 1 from agents where name = 'ghost'");
    expect(ghosts.rowCount).toBe(0);
  });

  it("wraps a failed statement with its text and SQLSTATE", async () => {
    const scope = { userId: world.users.ownerA, tenantId: world.tenantA.id };
    const failure = withTenantScope(db.pool, scope, (tx) => tx.query("select 1 / $1::int", [0]));

    await expect(failure).rejects.toBeInstanceOf(DatabaseError);
    await expect(failure).rejects.toMatchObject({ code: "22012", query: "select 1 / $1::int" });
  });

  it.each([
    ["a user id", { userId: "not-a-uuid", tenantId: "00000000-0000-0000-0000-000000000000" }],
    ["a tenant id", { userId: "00000000-0000-0000-0000-000000000000", tenantId: "1 or 1=1" }],
  ])("refuses %s that is not a UUID before touching the database", async (_label, scope) => {
    await expect(withTenantScope(db.pool, scope, (tx) => tx.query("select 1"))).rejects.toThrow(
      InvalidScopeError,
    );
  });
});

describe("withUserScope", () => {
  it("sees no tenant-owned rows without an active tenant", async () => {
    const agents = await withUserScope(db.pool, { userId: world.users.ownerA }, (tx) =>
      tx.query("select 1 from agents"),
    );
    expect(agents).toEqual([]);
  });
});

describe("withSystemTransaction", () => {
  it("runs as the owner across tenants and rolls back on failure", async () => {
    const seen = await withSystemTransaction(db.pool, (tx) =>
      tx.query<{ tenant_id: string }>("select distinct tenant_id from agents"),
    );
    expect(seen).toHaveLength(2);

    await expect(
      withSystemTransaction(db.pool, async (tx) => {
        await tx.query("update tenants set name = 'gone' where id = $1", [world.tenantA.id]);
        throw new Error("abandon");
      }),
    ).rejects.toThrow("abandon");
    const tenant = await db.pool.query("select name from tenants where id = $1", [
      world.tenantA.id,
    ]);
    expect(tenant.rows[0].name).toBe("tenant-a");
  });
});
