import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { createTestDatabase, type TestDatabase } from "@sovra/db/testing";

import { AppError } from "../../src/errors/app-error";
import { createTenant } from "../../src/tenancy/create-tenant";
import { deleteTenant } from "../../src/tenancy/delete-tenant";
import { listMyTenants } from "../../src/tenancy/list-my-tenants";
import { renameTenant } from "../../src/tenancy/rename-tenant";
import { resolveTenant } from "../../src/tenancy/resolve-tenant";
import { updateTenantSettings } from "../../src/tenancy/update-tenant-settings";
import { insertUser, seedTenant } from "./fixtures/seed-tenancy";

let db: TestDatabase;

beforeAll(async () => {
  db = await createTestDatabase();
});

afterAll(async () => {
  await db?.drop();
});

async function caught(call: () => Promise<unknown>): Promise<AppError> {
  const error = await call().then(
    () => undefined,
    (reason: unknown) => reason,
  );
  if (!(error instanceof AppError)) {
    throw new Error(`expected an AppError, got ${String(error)}`);
  }
  return error;
}

describe("createTenant", () => {
  it("creates the tenant, the owner membership and the audit entry at once", async () => {
    const userId = await insertUser(db.pool, "founder");
    const request = { ipAddress: "198.51.100.1", userAgent: "browser" };
    const tenant = await createTenant(
      db.pool,
      { userId, name: " Acme Labs ", slug: "acme-labs" },
      request,
    );

    expect(tenant).toMatchObject({ slug: "acme-labs", name: "Acme Labs", settings: {} });
    const resolved = await resolveTenant(db.pool, { userId, slug: "acme-labs" });
    expect(resolved).toEqual({ tenant, role: "owner" });

    const audit = await db.pool.query(
      `select actor_user_id, action, target_id, ip_address, user_agent
       from audit_logs where tenant_id = $1`,
      [tenant.id],
    );
    expect(audit.rows).toEqual([
      {
        actor_user_id: userId,
        action: "tenant.created",
        target_id: tenant.id,
        ip_address: "198.51.100.1",
        user_agent: "browser",
      },
    ]);
  });

  it("refuses a taken slug with a conflict that names it, and leaves nothing behind", async () => {
    const userId = await insertUser(db.pool, "second");
    await createTenant(db.pool, { userId, name: "Taken", slug: "taken-slug" });

    const error = await caught(() =>
      createTenant(db.pool, { userId, name: "Again", slug: "taken-slug" }),
    );
    expect(error).toMatchObject({
      code: "conflict",
      message: 'The slug "taken-slug" is already taken.',
      fields: { slug: 'The slug "taken-slug" is already taken.' },
    });
    const again = await db.pool.query("select 1 from tenants where name = 'Again'");
    expect(again.rowCount).toBe(0);
  });

  it("suggests the slug from the name and adds a suffix when it is taken", async () => {
    const userId = await insertUser(db.pool, "suggest");
    const first = await createTenant(db.pool, { userId, name: "Blue Whale" });
    const second = await createTenant(db.pool, { userId, name: "Blue Whale" });

    expect(first.slug).toBe("blue-whale");
    expect(second.slug).toMatch(/^blue-whale-[0-9a-f]{6}$/);
  });

  it("reports every invalid field", async () => {
    const error = await caught(() =>
      createTenant(db.pool, { userId: "nope", name: "", slug: "API" }),
    );
    expect(error.code).toBe("validation_failed");
    expect(error.fields).toEqual({
      userId: "Must be a UUID.",
      name: "The name cannot be empty.",
      slug: "Use lowercase letters, digits and single hyphens, not at the start or end.",
    });
  });
});

describe("listMyTenants", () => {
  it("lists each tenant of the user with their role, by name", async () => {
    const userId = await insertUser(db.pool, "switcher");
    await createTenant(db.pool, { userId, name: "Zeta", slug: "zeta-co" });
    const other = await seedTenant(db.pool, "alpha");
    await db.pool.query(
      "insert into memberships (tenant_id, user_id, role) values ($1, $2, 'viewer')",
      [other.id, userId],
    );

    const tenants = await listMyTenants(db.pool, { userId });
    expect(tenants.map(({ slug, name, role }) => ({ slug, name, role }))).toEqual([
      { slug: other.slug, name: "alpha", role: "viewer" },
      { slug: "zeta-co", name: "Zeta", role: "owner" },
    ]);
  });
});

describe("resolveTenant", () => {
  it("answers a foreign slug exactly like a missing one", async () => {
    const mine = await seedTenant(db.pool, "mine");
    const theirs = await seedTenant(db.pool, "theirs");
    const userId = mine.users.member;

    const foreign = await caught(() => resolveTenant(db.pool, { userId, slug: theirs.slug }));
    const missing = await caught(() => resolveTenant(db.pool, { userId, slug: "no-such-tenant" }));
    const malformed = await caught(() => resolveTenant(db.pool, { userId, slug: "x".repeat(60) }));

    for (const error of [foreign, missing, malformed]) {
      expect({ code: error.code, message: error.message, fields: error.fields }).toEqual({
        code: "not_found",
        message: "Tenant not found.",
        fields: undefined,
      });
    }
    await expect(resolveTenant(db.pool, { userId, slug: mine.slug })).resolves.toMatchObject({
      role: "member",
    });
  });
});

describe("renameTenant and updateTenantSettings", () => {
  it("renames, merges settings and audits both", async () => {
    const t = await seedTenant(db.pool, "edit");
    const renamed = await renameTenant(db.pool, {
      userId: t.users.admin,
      tenantId: t.id,
      name: "New",
    });
    expect(renamed).toMatchObject({ name: "New", slug: t.slug });

    await updateTenantSettings(db.pool, {
      userId: t.users.owner,
      tenantId: t.id,
      settings: { requireTwoFactor: true },
      logo: "https://example.test/logo.png",
    });
    const updated = await updateTenantSettings(db.pool, {
      userId: t.users.owner,
      tenantId: t.id,
      settings: {},
    });
    expect(updated).toMatchObject({
      settings: { requireTwoFactor: true },
      logo: "https://example.test/logo.png",
    });

    const actions = await db.pool.query(
      "select action from audit_logs where tenant_id = $1 order by created_at",
      [t.id],
    );
    expect(actions.rows.map((row) => row.action)).toEqual([
      "tenant.renamed",
      "tenant.settings_updated",
      "tenant.settings_updated",
    ]);
  });

  it("refuses unknown settings", async () => {
    const t = await seedTenant(db.pool, "edit");
    const input = { userId: t.users.owner, tenantId: t.id, settings: { plan: "enterprise" } };

    const error = await caught(() => updateTenantSettings(db.pool, input as never));
    expect(error.code).toBe("validation_failed");
    expect(Object.keys(error.fields ?? {})).toEqual(["settings"]);
  });
});

describe("deleteTenant", () => {
  it.each(["", "wrong", "SLUG", " slug "])("refuses the confirmation %j", async (typed) => {
    const t = await seedTenant(db.pool, "keep");
    const confirmation = typed === "SLUG" ? t.slug.toUpperCase() : typed.replace("slug", t.slug);

    const error = await caught(() =>
      deleteTenant(db.pool, { userId: t.users.owner, tenantId: t.id, confirmation }),
    );
    expect(error).toMatchObject({
      code: "validation_failed",
      fields: { confirmation: expect.any(String) },
    });
    const still = await db.pool.query("select 1 from tenants where id = $1", [t.id]);
    expect(still.rowCount).toBe(1);
  });

  it("removes the tenant's data by cascade, leaves the other tenant, and audits", async () => {
    const doomed = await seedTenant(db.pool, "doomed");
    const other = await seedTenant(db.pool, "other");
    const request = { ipAddress: "192.0.2.9" };

    await deleteTenant(
      db.pool,
      { userId: doomed.users.owner, tenantId: doomed.id, confirmation: doomed.slug },
      request,
    );

    const count = async (sql: string, id: string) => (await db.pool.query(sql, [id])).rowCount;
    for (const table of ["agents", "memberships", "member_access"]) {
      expect(await count(`select 1 from ${table} where tenant_id = $1`, doomed.id)).toBe(0);
    }
    expect(await count("select 1 from agents where tenant_id = $1", other.id)).toBe(2);
    expect(await count("select 1 from memberships where tenant_id = $1", other.id)).toBe(5);

    const audit = await db.pool.query(
      `select tenant_id, actor_user_id, action, target_type, ip_address, metadata
       from audit_logs where target_id = $1 and action = 'tenant.deleted'`,
      [doomed.id],
    );
    expect(audit.rows).toEqual([
      {
        tenant_id: null,
        actor_user_id: doomed.users.owner,
        action: "tenant.deleted",
        target_type: "tenant",
        ip_address: "192.0.2.9",
        metadata: { slug: doomed.slug, name: "doomed" },
      },
    ]);
  });
});
