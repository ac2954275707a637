import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { createTestDatabase, type TestDatabase } from "@sovra/db/testing";

import { changeMemberRole } from "../../src/tenancy/change-member-role";
import { createTenant } from "../../src/tenancy/create-tenant";
import { deleteTenant } from "../../src/tenancy/delete-tenant";
import { listAuditLog } from "../../src/tenancy/list-audit-log";
import { listMembers } from "../../src/tenancy/list-members";
import { listMyTenants } from "../../src/tenancy/list-my-tenants";
import { removeMember } from "../../src/tenancy/remove-member";
import { renameTenant } from "../../src/tenancy/rename-tenant";
import { resolveTenant } from "../../src/tenancy/resolve-tenant";
import { updateTenantSettings } from "../../src/tenancy/update-tenant-settings";
import { outcomeOf, seedTenant, type SeededTenant } from "./fixtures/seed-tenancy";

type Actor = "owner" | "admin" | "member" | "viewer" | "outsider";
type Call = (db: TestDatabase, tenant: SeededTenant, userId: string) => Promise<unknown>;

const ACTORS: Actor[] = ["owner", "admin", "member", "viewer", "outsider"];

const SERVICES: Record<string, Call> = {
  createTenant: (db, _tenant, userId) => createTenant(db.pool, { userId, name: "Fresh" }),
  listMyTenants: (db, _tenant, userId) => listMyTenants(db.pool, { userId }),
  resolveTenant: (db, tenant, userId) => resolveTenant(db.pool, { userId, slug: tenant.slug }),
  renameTenant: (db, tenant, userId) =>
    renameTenant(db.pool, { userId, tenantId: tenant.id, name: "Renamed" }),
  updateTenantSettings: (db, tenant, userId) =>
    updateTenantSettings(db.pool, {
      userId,
      tenantId: tenant.id,
      settings: { requireTwoFactor: true },
    }),
  deleteTenant: (db, tenant, userId) =>
    deleteTenant(db.pool, { userId, tenantId: tenant.id, confirmation: tenant.slug }),
  listMembers: (db, tenant, userId) => listMembers(db.pool, { userId, tenantId: tenant.id }),
  changeMemberRole: (db, tenant, userId) =>
    changeMemberRole(db.pool, {
      userId,
      tenantId: tenant.id,
      memberUserId: tenant.users.target,
      role: "viewer",
    }),
  removeMember: (db, tenant, userId) =>
    removeMember(db.pool, { userId, tenantId: tenant.id, memberUserId: tenant.users.target }),
  listAuditLog: (db, tenant, userId) =>
    listAuditLog(db.pool, { userId, tenantId: tenant.id, limit: 10 }),
};

// Expected outcome per actor, in ACTORS order.
const EXPECTED: Record<string, [string, string, string, string, string]> = {
  createTenant: ["ok", "ok", "ok", "ok", "ok"],
  listMyTenants: ["ok", "ok", "ok", "ok", "ok"],
  resolveTenant: ["ok", "ok", "ok", "ok", "not_found"],
  renameTenant: ["ok", "ok", "forbidden", "forbidden", "not_found"],
  updateTenantSettings: ["ok", "ok", "forbidden", "forbidden", "not_found"],
  deleteTenant: ["ok", "forbidden", "forbidden", "forbidden", "not_found"],
  listMembers: ["ok", "ok", "ok", "ok", "not_found"],
  changeMemberRole: ["ok", "ok", "forbidden", "forbidden", "not_found"],
  removeMember: ["ok", "ok", "forbidden", "forbidden", "not_found"],
  listAuditLog: ["ok", "ok", "forbidden", "forbidden", "not_found"],
};

const CASES = Object.entries(EXPECTED).flatMap(([service, outcomes]) =>
  ACTORS.map((actor, index) => ({ service, actor, expected: outcomes[index] ?? "" })),
);

let db: TestDatabase;
let foreign: SeededTenant;

beforeAll(async () => {
  db = await createTestDatabase();
  foreign = await seedTenant(db.pool, "foreign");
});

afterAll(async () => {
  await db?.drop();
});

describe("tenancy authorization", () => {
  it.each(CASES)("$service as $actor: $expected", async ({ service, actor, expected }) => {
    const tenant = await seedTenant(db.pool, "acme");
    const userId = actor === "outsider" ? foreign.users.owner : tenant.users[actor];
    const call = SERVICES[service];
    if (call === undefined) {
      throw new Error(`no call for ${service}`);
    }

    expect(await outcomeOf(() => call(db, tenant, userId))).toBe(expected);
  });

  it("leaves the tenant untouched when a write is refused", async () => {
    const tenant = await seedTenant(db.pool, "acme");
    for (const actor of ["member", "viewer"] as const) {
      const userId = tenant.users[actor];
      for (const service of ["renameTenant", "deleteTenant", "removeMember"]) {
        await outcomeOf(() => (SERVICES[service] as Call)(db, tenant, userId));
      }
    }

    const row = await db.pool.query("select name from tenants where id = $1", [tenant.id]);
    const members = await db.pool.query("select 1 from memberships where tenant_id = $1", [
      tenant.id,
    ]);
    expect(row.rows).toEqual([{ name: "acme" }]);
    expect(members.rowCount).toBe(5);
  });
});
