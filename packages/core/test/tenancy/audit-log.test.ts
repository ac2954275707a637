import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { createTestDatabase, type TestDatabase } from "@sovra/db/testing";

import { listAuditLog } from "../../src/tenancy/list-audit-log";
import { seedTenant, type SeededTenant } from "./fixtures/seed-tenancy";

let db: TestDatabase;
let t: SeededTenant;

// Entries share timestamps in pairs so the id must break ties without skipping any.
beforeAll(async () => {
  db = await createTestDatabase();
  t = await seedTenant(db.pool, "audited");
  const other = await seedTenant(db.pool, "other");
  for (let index = 0; index < 7; index += 1) {
    await db.pool.query(
      `insert into audit_logs
         (tenant_id, actor_user_id, action, target_type, target_id, created_at)
       values ($1, $2, $3, 'user', $4,
         '2026-01-01T00:00:00.000001Z'::timestamptz + $5 * interval '1 second')`,
      [t.id, t.users.admin, `test.event_${index}`, t.users.target, Math.floor(index / 2)],
    );
  }
  await db.pool.query("insert into audit_logs (tenant_id, action) values ($1, 'other.event')", [
    other.id,
  ]);
  await db.pool.query("insert into audit_logs (tenant_id, action) values (null, 'auth.failed')");
});

afterAll(async () => {
  await db?.drop();
});

describe("listAuditLog", () => {
  it("pages newest first through every entry of the tenant exactly once", async () => {
    const seen: string[] = [];
    let before: string | undefined;
    do {
      const page = await listAuditLog(db.pool, {
        userId: t.users.owner,
        tenantId: t.id,
        limit: 3,
        before,
      });
      expect(page.entries.length).toBeLessThanOrEqual(3);
      seen.push(...page.entries.map((entry) => entry.action));
      before = page.nextCursor ?? undefined;
    } while (before !== undefined);

    expect(seen).toHaveLength(7);
    expect(new Set(seen).size).toBe(7);
    expect(seen.slice(0, 1)).toEqual(["test.event_6"]);
    expect(seen.at(-1)).toMatch(/^test\.event_[01]$/);
  });

  it("names the actor and target", async () => {
    const page = await listAuditLog(db.pool, { userId: t.users.admin, tenantId: t.id, limit: 1 });
    expect(page.entries[0]).toMatchObject({
      actorUserId: t.users.admin,
      actorName: "audited-admin",
      targetType: "user",
      targetId: t.users.target,
    });
  });

  it.each([
    [{ limit: 0 }, "limit"],
    [{ limit: 101 }, "limit"],
    [{ limit: 1.5 }, "limit"],
    [{ before: "not-a-cursor" }, "before"],
  ])("refuses %j as a %s field error", async (extra, field) => {
    const input = { userId: t.users.owner, tenantId: t.id, ...extra };
    await expect(listAuditLog(db.pool, input)).rejects.toMatchObject({
      code: "validation_failed",
      fields: { [field]: expect.any(String) },
    });
  });
});
