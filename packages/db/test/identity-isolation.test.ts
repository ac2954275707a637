import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { withUserScope } from "../src/scope";
import { createTestDatabase, type TestDatabase } from "../src/testing";
import { attempt, INSUFFICIENT_PRIVILEGE } from "./fixtures/attempt";
import { insertUser, seedWorld, type World } from "./fixtures/seed";

let db: TestDatabase;
let world: World;

beforeAll(async () => {
  db = await createTestDatabase();
  world = await seedWorld(db.pool);
  for (const tenant of [world.tenantA, world.tenantB]) {
    await db.pool.query(
      "insert into usage_records (tenant_id, kind, quantity) values ($1, 'tokens.input', 7)",
      [tenant.id],
    );
  }
});

afterAll(async () => {
  await db?.drop();
});

const denied = { error: INSUFFICIENT_PRIVILEGE };

function inA(userId: string) {
  return { userId, tenantId: world.tenantA.id };
}

describe("tenants", () => {
  it("lists exactly the tenants a user belongs to", async () => {
    const list = (userId: string) =>
      withUserScope(db.pool, { userId }, (tx) =>
        tx.query<{ slug: string }>("select slug from tenants order by slug"),
      );

    expect(await list(world.users.ownerA)).toEqual([{ slug: "tenant-a" }]);
    expect(await list(world.users.both)).toEqual([{ slug: "tenant-a" }, { slug: "tenant-b" }]);
    expect(await list(world.users.outsider)).toEqual([]);
  });

  it("lets owners rename the active tenant and nobody touch another", async () => {
    const rename = (userId: string, tenantId: string) =>
      attempt(db.pool, inA(userId), (tx) =>
        tx.query("update tenants set name = 'renamed' where id = $1 returning 1", [tenantId]),
      );

    expect(await rename(world.users.ownerA, world.tenantA.id)).toEqual({ rows: 1 });
    expect(await rename(world.users.ownerA, world.tenantB.id)).toEqual({ rows: 0 });
    expect(await rename(world.users.memberA, world.tenantA.id)).toEqual({ rows: 0 });
    expect(await rename(world.users.viewerA, world.tenantA.id)).toEqual({ rows: 0 });
  });

  it("lets only an owner delete, and only the active tenant", async () => {
    const remove = (userId: string, tenantId: string) =>
      attempt(db.pool, inA(userId), (tx) =>
        tx.query("delete from tenants where id = $1 returning 1", [tenantId]),
      );

    expect(await remove(world.users.ownerA, world.tenantA.id)).toEqual({ rows: 1 });
    expect(await remove(world.users.ownerA, world.tenantB.id)).toEqual({ rows: 0 });
    expect(await remove(world.users.memberA, world.tenantA.id)).toEqual({ rows: 0 });
  });

  it("keeps creation and the plan out of the client role's reach", async () => {
    const create = await attempt(db.pool, inA(world.users.ownerA), (tx) =>
      tx.query("insert into tenants (name, slug) values ('x', 'x') returning 1"),
    );
    const upgrade = await attempt(db.pool, inA(world.users.ownerA), (tx) =>
      tx.query("update tenants set plan = 'enterprise' returning 1"),
    );

    expect(create).toEqual(denied);
    expect(upgrade).toEqual(denied);
  });
});

describe("memberships", () => {
  it("shows the active tenant's members and the user's own memberships only", async () => {
    const ownForeign = await attempt(db.pool, inA(world.users.both), (tx) =>
      tx.query("select tenant_id from memberships where tenant_id = $1", [world.tenantB.id]),
    );
    const ownerView = await attempt(db.pool, inA(world.users.ownerA), (tx) =>
      tx.query("select 1 from memberships"),
    );
    const foreignView = await attempt(db.pool, inA(world.users.ownerA), (tx) =>
      tx.query("select 1 from memberships where tenant_id = $1", [world.tenantB.id]),
    );

    expect(ownForeign).toEqual({ rows: 1 });
    expect(ownerView).toEqual({ rows: 4 });
    expect(foreignView).toEqual({ rows: 0 });
  });

  it("lets owners add members to the active tenant only", async () => {
    const newcomer = await insertUser(db.pool, "newcomer");
    const add = (userId: string, tenantId: string) =>
      attempt(db.pool, inA(userId), (tx) =>
        tx.query(
          `insert into memberships (tenant_id, user_id, role)
           values ($1, $2, 'member') returning 1`,
          [tenantId, newcomer],
        ),
      );

    expect(await add(world.users.ownerA, world.tenantA.id)).toEqual({ rows: 1 });
    expect(await add(world.users.ownerA, world.tenantB.id)).toEqual(denied);
    expect(await add(world.users.memberA, world.tenantA.id)).toEqual(denied);
    expect(await add(world.users.viewerA, world.tenantA.id)).toEqual(denied);
  });

  it("lets owners change roles in the active tenant and nobody else", async () => {
    const promote = (userId: string, tenantId: string) =>
      attempt(db.pool, inA(userId), (tx) =>
        tx.query(
          "update memberships set role = 'admin' where tenant_id = $1 and user_id = $2 returning 1",
          [tenantId, world.users.both],
        ),
      );

    expect(await promote(world.users.ownerA, world.tenantA.id)).toEqual({ rows: 1 });
    expect(await promote(world.users.ownerA, world.tenantB.id)).toEqual({ rows: 0 });
    expect(await promote(world.users.memberA, world.tenantA.id)).toEqual({ rows: 0 });
  });

  it("lets a member leave but not remove others", async () => {
    const remove = (actor: string, target: string) =>
      attempt(db.pool, inA(actor), (tx) =>
        tx.query("delete from memberships where user_id = $1 returning 1", [target]),
      );

    expect(await remove(world.users.memberA, world.users.memberA)).toEqual({ rows: 1 });
    expect(await remove(world.users.memberA, world.users.viewerA)).toEqual({ rows: 0 });
    expect(await remove(world.users.ownerA, world.users.ownerB)).toEqual({ rows: 0 });
  });

  it("drops access in the same transaction a membership is removed", async () => {
    const outcome = await attempt(db.pool, inA(world.users.memberA), async (tx) => {
      await tx.query("delete from memberships where user_id = $1", [world.users.memberA]);
      return tx.query("select 1 from agents");
    });
    expect(outcome).toEqual({ rows: 0 });
  });
});

describe("member_access", () => {
  it("shows users their own access rows and takes no writes", async () => {
    const own = await withUserScope(db.pool, { userId: world.users.both }, (tx) =>
      tx.query("select tenant_id from member_access"),
    );
    const write = await attempt(db.pool, inA(world.users.outsider), (tx) =>
      tx.query(
        "insert into member_access (user_id, tenant_id, role) values ($1, $2, 'owner') returning 1",
        [world.users.outsider, world.tenantA.id],
      ),
    );

    expect(own).toHaveLength(2);
    expect(write).toEqual(denied);
  });
});

describe("users and profiles", () => {
  it("shows the members of the active tenant and nobody else", async () => {
    const seen = await attempt(db.pool, inA(world.users.ownerA), (tx) =>
      tx.query("select id from users where id = any($1)", [
        [world.users.ownerB, world.users.outsider],
      ]),
    );
    const colleagues = await attempt(db.pool, inA(world.users.ownerA), (tx) =>
      tx.query("select id from users"),
    );

    expect(seen).toEqual({ rows: 0 });
    expect(colleagues).toEqual({ rows: 4 });
  });

  it("lets users edit their own name only", async () => {
    const rename = (actor: string, target: string) =>
      attempt(db.pool, inA(actor), (tx) =>
        tx.query("update users set name = 'new' where id = $1 returning 1", [target]),
      );
    const escalate = await attempt(db.pool, inA(world.users.ownerA), (tx) =>
      tx.query("update users set is_platform_admin = true where id = $1 returning 1", [
        world.users.ownerA,
      ]),
    );

    expect(await rename(world.users.memberA, world.users.memberA)).toEqual({ rows: 1 });
    expect(await rename(world.users.ownerA, world.users.memberA)).toEqual({ rows: 0 });
    expect(escalate).toEqual(denied);
  });

  it("lets users create their own profile only", async () => {
    const create = (actor: string, target: string) =>
      attempt(db.pool, inA(actor), (tx) =>
        tx.query("insert into profiles (user_id, timezone) values ($1, 'UTC') returning 1", [
          target,
        ]),
      );

    expect(await create(world.users.memberA, world.users.memberA)).toEqual({ rows: 1 });
    expect(await create(world.users.ownerA, world.users.memberA)).toEqual(denied);
  });
});

describe.each(["sessions", "accounts", "verifications", "two_factors"])(
  "auth table %s",
  (table) => {
    it("is closed to the client role", async () => {
      const outcome = await attempt(db.pool, inA(world.users.ownerA), (tx) =>
        tx.query(`select 1 from ${table}`),
      );
      expect(outcome).toEqual(denied);
    });
  },
);

describe("feature flags and usage", () => {
  it("lets members read global flags but not change them", async () => {
    const read = await attempt(db.pool, inA(world.users.viewerA), (tx) =>
      tx.query("select key from feature_flags"),
    );
    const write = await attempt(db.pool, inA(world.users.ownerA), (tx) =>
      tx.query("update feature_flags set enabled = true returning 1"),
    );

    expect(read).toEqual({ rows: 4 });
    expect(write).toEqual(denied);
  });

  it("sums daily usage of the active tenant only through the view", async () => {
    const rows = await attempt(db.pool, inA(world.users.both), (tx) =>
      tx.query("select tenant_id, quantity from tenant_daily_usage"),
    );
    expect(rows).toEqual({ rows: 1 });
  });
});
