import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { createTestDatabase, type TestDatabase } from "../src/testing";
import { attempt, FOREIGN_KEY_VIOLATION, INSUFFICIENT_PRIVILEGE } from "./fixtures/attempt";
import { addMember, insertUser, type Role, seedWorld, type World } from "./fixtures/seed";
import {
  type Command,
  insertStatement,
  TENANT_TABLES,
  type TenantTableSpec,
} from "./fixtures/tenant-tables";

let db: TestDatabase;
let world: World;
let adminA: string;

beforeAll(async () => {
  db = await createTestDatabase();
  world = await seedWorld(db.pool);
  adminA = await insertUser(db.pool, "admin-a");
  await addMember(db.pool, world.tenantA.id, adminA, "admin");

  for (const spec of TENANT_TABLES) {
    for (const tenant of [world.tenantA, world.tenantB]) {
      const insert = insertStatement(spec.table, spec.newRow(tenant, 0));
      await db.pool.query(insert.text, insert.values);
    }
  }
});

afterAll(async () => {
  await db?.drop();
});

function userWithRole(role: Role): string {
  const users: Record<Role, string> = {
    owner: world.users.ownerA,
    admin: adminA,
    member: world.users.memberA,
    viewer: world.users.viewerA,
  };
  return users[role];
}

/** Rows of the table in tenant A, counted as the owner: seeded ones and parents alike. */
async function rowsInTenantA(table: string): Promise<number> {
  const result = await db.pool.query(`select 1 from ${table} where tenant_id = $1`, [
    world.tenantA.id,
  ]);
  return result.rowCount ?? 0;
}

function expectedWrite(spec: TenantTableSpec, role: Role, command: Command, existing: number) {
  if (!spec.commands.includes(command)) {
    return { error: INSUFFICIENT_PRIVILEGE };
  }
  if (spec.writers.includes(role)) {
    return { rows: command === "insert" ? 1 : existing };
  }
  return command === "insert" ? { error: INSUFFICIENT_PRIVILEGE } : { rows: 0 };
}

function setClause(spec: TenantTableSpec) {
  return `${spec.update.column} = $1`;
}

describe.each(TENANT_TABLES)("tenant isolation of $table", (spec) => {
  const inA = () => ({ userId: world.users.ownerA, tenantId: world.tenantA.id });

  it("shows a member only the rows of the active tenant", async () => {
    const outcome = await attempt(db.pool, inA(), (tx) =>
      tx.query(`select tenant_id from ${spec.table}`),
    );
    expect(outcome).toEqual({ rows: await rowsInTenantA(spec.table) });

    const foreign = await attempt(db.pool, inA(), (tx) =>
      tx.query(`select 1 from ${spec.table} where tenant_id = $1`, [world.tenantB.id]),
    );
    expect(foreign).toEqual({ rows: 0 });
  });

  it("refuses an insert into another tenant", async () => {
    const insert = insertStatement(spec.table, spec.newRow(world.tenantB, 1));
    const outcome = await attempt(db.pool, inA(), (tx) => tx.query(insert.text, insert.values));
    expect(outcome).toEqual({ error: INSUFFICIENT_PRIVILEGE });
  });

  it("updates and deletes nothing of another tenant", async () => {
    const updated = await attempt(db.pool, inA(), (tx) =>
      tx.query(`update ${spec.table} set ${setClause(spec)} where tenant_id = $2 returning 1`, [
        spec.update.value,
        world.tenantB.id,
      ]),
    );
    const deleted = await attempt(db.pool, inA(), (tx) =>
      tx.query(`delete from ${spec.table} where tenant_id = $1 returning 1`, [world.tenantB.id]),
    );

    const denied = { error: INSUFFICIENT_PRIVILEGE };
    expect(updated).toEqual(spec.commands.includes("update") ? { rows: 0 } : denied);
    expect(deleted).toEqual(spec.commands.includes("delete") ? { rows: 0 } : denied);
  });

  it("cannot move a row into another tenant", async () => {
    const outcome = await attempt(db.pool, inA(), (tx) =>
      tx.query(`update ${spec.table} set tenant_id = $1 where tenant_id = $2 returning 1`, [
        world.tenantB.id,
        world.tenantA.id,
      ]),
    );
    expect(outcome).toHaveProperty("error");
    expect([INSUFFICIENT_PRIVILEGE, FOREIGN_KEY_VIOLATION]).toContain(
      (outcome as { error: string }).error,
    );
  });

  it("opens nothing when the claimed tenant is not one of the user's", async () => {
    const tampered = { userId: world.users.ownerA, tenantId: world.tenantB.id };
    const read = await attempt(db.pool, tampered, (tx) => tx.query(`select 1 from ${spec.table}`));
    const insert = insertStatement(spec.table, spec.newRow(world.tenantB, 1));
    const write = await attempt(db.pool, tampered, (tx) => tx.query(insert.text, insert.values));

    expect(read).toEqual({ rows: 0 });
    expect(write).toEqual({ error: INSUFFICIENT_PRIVILEGE });
  });

  it("shows a member of both tenants only the active one", async () => {
    const scope = { userId: world.users.both, tenantId: world.tenantA.id };
    const foreign = await attempt(db.pool, scope, (tx) =>
      tx.query(`select 1 from ${spec.table} where tenant_id = $1`, [world.tenantB.id]),
    );
    const own = await attempt(db.pool, scope, (tx) => tx.query(`select 1 from ${spec.table}`));

    expect(foreign).toEqual({ rows: 0 });
    const visible = spec.readers.includes("member") ? await rowsInTenantA(spec.table) : 0;
    expect(own).toEqual({ rows: visible });
  });

  it.each<Role>(["owner", "admin", "member", "viewer"])(
    "lets a %s read and write exactly as granted",
    async (role) => {
      const scope = { userId: userWithRole(role), tenantId: world.tenantA.id };
      const existing = await rowsInTenantA(spec.table);
      const insert = insertStatement(spec.table, spec.newRow(world.tenantA, 1));

      const read = await attempt(db.pool, scope, (tx) => tx.query(`select 1 from ${spec.table}`));
      const inserted = await attempt(db.pool, scope, (tx) =>
        tx.query(`${insert.text} returning 1`, insert.values),
      );
      const updated = await attempt(db.pool, scope, (tx) =>
        tx.query(`update ${spec.table} set ${setClause(spec)} returning 1`, [spec.update.value]),
      );
      const deleted = await attempt(db.pool, scope, (tx) =>
        tx.query(`delete from ${spec.table} returning 1`),
      );

      expect(existing).toBeGreaterThan(0);
      expect(read).toEqual({ rows: spec.readers.includes(role) ? existing : 0 });
      expect(inserted).toEqual(expectedWrite(spec, role, "insert", existing));
      expect(updated).toEqual(expectedWrite(spec, role, "update", existing));
      expect(deleted).toEqual(expectedWrite(spec, role, "delete", existing));
    },
  );
});

const TABLES_WITH_PARENTS = TENANT_TABLES.filter((spec) => spec.parent !== undefined);

describe.each(TABLES_WITH_PARENTS)("parent references of $table", (spec) => {
  it("cannot point at a parent row of another tenant", async () => {
    const parent = spec.parent!;
    const row = { ...spec.newRow(world.tenantA, 1), [parent.column]: parent.of(world.tenantB) };
    const insert = insertStatement(spec.table, row);
    const scope = { userId: world.users.ownerA, tenantId: world.tenantA.id };

    const outcome = await attempt(db.pool, scope, (tx) => tx.query(insert.text, insert.values));

    expect(outcome).toEqual({ error: FOREIGN_KEY_VIOLATION });
  });
});
