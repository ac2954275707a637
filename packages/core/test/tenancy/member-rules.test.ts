import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { createTestDatabase, type TestDatabase } from "@sovra/db/testing";

import { changeMemberRole } from "../../src/tenancy/change-member-role";
import { listMembers } from "../../src/tenancy/list-members";
import { removeMember } from "../../src/tenancy/remove-member";
import { addMember, insertUser, outcomeOf, seedTenant } from "./fixtures/seed-tenancy";

let db: TestDatabase;

beforeAll(async () => {
  db = await createTestDatabase();
});

afterAll(async () => {
  await db?.drop();
});

async function roleOf(tenantId: string, userId: string): Promise<string | undefined> {
  const result = await db.pool.query<{ role: string }>(
    "select role from memberships where tenant_id = $1 and user_id = $2",
    [tenantId, userId],
  );
  return result.rows[0]?.role;
}

async function lastAudit(tenantId: string) {
  const result = await db.pool.query(
    `select actor_user_id, action, target_type, target_id, ip_address, user_agent, metadata
     from audit_logs where tenant_id = $1 order by created_at desc limit 1`,
    [tenantId],
  );
  return result.rows[0];
}

describe("the last owner", () => {
  it("cannot be demoted, by themselves or anyone", async () => {
    const t = await seedTenant(db.pool, "solo");
    const call = () =>
      changeMemberRole(db.pool, {
        userId: t.users.owner,
        tenantId: t.id,
        memberUserId: t.users.owner,
        role: "admin",
      });

    await expect(call()).rejects.toMatchObject({
      code: "conflict",
      message: "The last owner cannot be demoted; make someone else owner first.",
    });
    expect(await roleOf(t.id, t.users.owner)).toBe("owner");
  });

  it("cannot leave", async () => {
    const t = await seedTenant(db.pool, "solo");
    const leave = { userId: t.users.owner, tenantId: t.id, memberUserId: t.users.owner };

    await expect(removeMember(db.pool, leave)).rejects.toMatchObject({ code: "conflict" });
    expect(await roleOf(t.id, t.users.owner)).toBe("owner");
  });

  it("cannot be removed by an admin (forbidden before the count matters)", async () => {
    const t = await seedTenant(db.pool, "solo");
    const remove = { userId: t.users.admin, tenantId: t.id, memberUserId: t.users.owner };

    await expect(removeMember(db.pool, remove)).rejects.toMatchObject({ code: "forbidden" });
  });

  it("can step down or leave once a second owner exists", async () => {
    const t = await seedTenant(db.pool, "pair");
    const second = await insertUser(db.pool, "second-owner");
    await addMember(db.pool, t.id, second, "owner");

    await changeMemberRole(db.pool, {
      userId: t.users.owner,
      tenantId: t.id,
      memberUserId: t.users.owner,
      role: "admin",
    });
    expect(await roleOf(t.id, t.users.owner)).toBe("admin");

    const leaveAsLast = { userId: second, tenantId: t.id, memberUserId: second };
    expect(await outcomeOf(() => removeMember(db.pool, leaveAsLast))).toBe("conflict");
  });

  it("lets one owner remove another while a second stays", async () => {
    const t = await seedTenant(db.pool, "pair");
    const second = await insertUser(db.pool, "second-owner");
    await addMember(db.pool, t.id, second, "owner");

    await removeMember(db.pool, { userId: t.users.owner, tenantId: t.id, memberUserId: second });
    expect(await roleOf(t.id, second)).toBeUndefined();
  });
});

describe("owner role changes", () => {
  const cases = [
    { actor: "admin", target: "member", role: "owner", expected: "forbidden" },
    { actor: "admin", target: "owner", role: "admin", expected: "forbidden" },
    { actor: "admin", target: "member", role: "admin", expected: "ok" },
    { actor: "admin", target: "viewer", role: "member", expected: "ok" },
    { actor: "owner", target: "member", role: "owner", expected: "ok" },
    { actor: "owner", target: "admin", role: "viewer", expected: "ok" },
  ] as const;

  it.each(cases)("$actor making a $target $role: $expected", async (c) => {
    const t = await seedTenant(db.pool, "roles");
    const input = {
      userId: t.users[c.actor],
      tenantId: t.id,
      memberUserId: t.users[c.target],
      role: c.role,
    };

    expect(await outcomeOf(() => changeMemberRole(db.pool, input))).toBe(c.expected);
    const role = await roleOf(t.id, t.users[c.target]);
    expect(role).toBe(c.expected === "ok" ? c.role : c.target);
  });

  it("answers not_found for a user of another tenant as target", async () => {
    const t = await seedTenant(db.pool, "roles");
    const other = await seedTenant(db.pool, "other");
    const input = {
      userId: t.users.owner,
      tenantId: t.id,
      memberUserId: other.users.member,
      role: "viewer" as const,
    };

    await expect(changeMemberRole(db.pool, input)).rejects.toMatchObject({ code: "not_found" });
    expect(await roleOf(other.id, other.users.member)).toBe("member");
  });

  it("refuses an unknown role as a field error", async () => {
    const t = await seedTenant(db.pool, "roles");
    const input = { userId: t.users.owner, tenantId: t.id, memberUserId: t.users.member };

    await expect(
      changeMemberRole(db.pool, { ...input, role: "superuser" as "owner" }),
    ).rejects.toMatchObject({
      code: "validation_failed",
      fields: { role: "The role must be one of owner, admin, member, viewer." },
    });
  });
});

describe("member audit entries", () => {
  const request = { ipAddress: "203.0.113.7", userAgent: "vitest" };

  it("records a role change with actor, target and request", async () => {
    const t = await seedTenant(db.pool, "audit");
    await changeMemberRole(
      db.pool,
      { userId: t.users.admin, tenantId: t.id, memberUserId: t.users.member, role: "viewer" },
      request,
    );

    expect(await lastAudit(t.id)).toEqual({
      actor_user_id: t.users.admin,
      action: "member.role_changed",
      target_type: "user",
      target_id: t.users.member,
      ip_address: "203.0.113.7",
      user_agent: "vitest",
      metadata: { from: "member", to: "viewer" },
    });
  });

  it("records a removal and a departure", async () => {
    const t = await seedTenant(db.pool, "audit");
    await removeMember(
      db.pool,
      { userId: t.users.owner, tenantId: t.id, memberUserId: t.users.target },
      request,
    );
    expect(await lastAudit(t.id)).toMatchObject({
      actor_user_id: t.users.owner,
      action: "member.removed",
      target_id: t.users.target,
    });

    await removeMember(db.pool, {
      userId: t.users.viewer,
      tenantId: t.id,
      memberUserId: t.users.viewer,
    });
    expect(await lastAudit(t.id)).toMatchObject({
      actor_user_id: t.users.viewer,
      action: "member.left",
      target_id: t.users.viewer,
      ip_address: null,
      metadata: { role: "viewer" },
    });
    expect(await roleOf(t.id, t.users.viewer)).toBeUndefined();
  });
});

describe("listMembers", () => {
  it("lists the tenant's members with name and email, ordered by name", async () => {
    const t = await seedTenant(db.pool, "list");
    const members = await listMembers(db.pool, { userId: t.users.viewer, tenantId: t.id });

    expect(members.map((m) => [m.name, m.role])).toEqual([
      ["list-admin", "admin"],
      ["list-member", "member"],
      ["list-owner", "owner"],
      ["list-target", "member"],
      ["list-viewer", "viewer"],
    ]);
    expect(members[0]?.email).toMatch(/^list-admin-.*@example\.test$/);
  });
});
