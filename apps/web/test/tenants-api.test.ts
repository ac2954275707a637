import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { memberCollectionRoutes, memberItemRoutes } from "../src/server/api/member-routes";
import { tenantCollectionRoutes, tenantItemRoutes } from "../src/server/api/tenant-routes";
import { type ApiHarness, startApiHarness } from "./support/api-harness";

type Actor = "owner" | "admin" | "member" | "viewer" | "outsider" | "anonymous";

let harness: ApiHarness;
const cookies = new Map<Actor, string>();
let targetUserId: string;

let collection: ReturnType<typeof tenantCollectionRoutes>;
let item: ReturnType<typeof tenantItemRoutes>;
let members: ReturnType<typeof memberCollectionRoutes>;
let member: ReturnType<typeof memberItemRoutes>;

const slug = (value: string) => ({ params: Promise.resolve({ slug: value }) });

beforeAll(async () => {
  harness = await startApiHarness();
  collection = tenantCollectionRoutes(harness.dependencies);
  item = tenantItemRoutes(harness.dependencies);
  members = memberCollectionRoutes(harness.dependencies);
  member = memberItemRoutes(harness.dependencies);

  const owner = await harness.signIn("owner");
  cookies.set("owner", owner.cookie);
  const created = await collection.POST(
    harness.request("/api/v1/tenants", {
      method: "POST",
      body: { name: "Acme", slug: "acme" },
      cookie: owner.cookie,
    }),
  );
  expect(created.status).toBe(201);
  const { tenant } = (await created.json()) as { tenant: { id: string } };

  for (const role of ["admin", "member", "viewer"] as const) {
    const user = await harness.signIn(role);
    cookies.set(role, user.cookie);
    await addMember(tenant.id, user.userId, role);
  }
  const target = await harness.signIn("target");
  targetUserId = target.userId;
  await addMember(tenant.id, target.userId, "member");

  const outsider = await harness.signIn("outsider");
  cookies.set("outsider", outsider.cookie);
  await collection.POST(
    harness.request("/api/v1/tenants", {
      method: "POST",
      body: { name: "Other", slug: "other" },
      cookie: outsider.cookie,
    }),
  );
});

afterAll(async () => {
  await harness?.close();
});

// Invitations arrive with the identity issue's next step; until then members join directly.
async function addMember(tenantId: string, userId: string, role: string) {
  await harness.db.pool.query(
    "insert into memberships (tenant_id, user_id, role) values ($1, $2, $3)",
    [tenantId, userId, role],
  );
}

function send(actor: Actor, path: string, method = "GET", body?: unknown) {
  const cookie = cookies.get(actor);
  return harness.request(path, { method, body, ...(cookie === undefined ? {} : { cookie }) });
}

const ACTORS: Actor[] = ["owner", "admin", "member", "viewer", "outsider", "anonymous"];

function table(expected: Record<Actor, number>): [Actor, number][] {
  return ACTORS.map((actor) => [actor, expected[actor]]);
}

describe("GET /api/v1/tenants/{slug}", () => {
  it.each(
    table({ owner: 200, admin: 200, member: 200, viewer: 200, outsider: 404, anonymous: 401 }),
  )("answers %s with %i", async (actor, status) => {
    const response = await item.GET(send(actor, "/api/v1/tenants/acme"), slug("acme"));
    expect(response.status).toBe(status);
    expect(response.headers.get("cache-control")).toBe("private, no-store");
  });

  it("answers a missing slug exactly like another tenant's", async () => {
    const missing = await item.GET(send("owner", "/api/v1/tenants/nope"), slug("nope"));
    const foreign = await item.GET(send("owner", "/api/v1/tenants/other"), slug("other"));

    expect(missing.status).toBe(404);
    expect(await missing.json()).toEqual(await foreign.json());
  });
});

describe("PATCH /api/v1/tenants/{slug}", () => {
  it.each(
    table({ owner: 200, admin: 200, member: 403, viewer: 403, outsider: 404, anonymous: 401 }),
  )("answers %s with %i", async (actor, status) => {
    const request = send(actor, "/api/v1/tenants/acme", "PATCH", { name: "Acme Corp" });
    expect((await item.PATCH(request, slug("acme"))).status).toBe(status);
  });

  it.each([
    ["a malformed body", "{not json", 400, "bad_request"],
    ["an unknown field", { name: "X", plan: "enterprise" }, 422, "validation_failed"],
    ["an empty body", {}, 422, "validation_failed"],
    ["an empty name", { name: "" }, 422, "validation_failed"],
  ])("refuses %s", async (_label, body, status, code) => {
    const response = await item.PATCH(
      send("owner", "/api/v1/tenants/acme", "PATCH", body),
      slug("acme"),
    );
    expect(response.status).toBe(status);
    expect(((await response.json()) as { error: { code: string } }).error.code).toBe(code);
  });
});

describe("members", () => {
  it.each(
    table({ owner: 200, admin: 200, member: 200, viewer: 200, outsider: 404, anonymous: 401 }),
  )("lists them for %s with %i", async (actor, status) => {
    const response = await members.GET(send(actor, "/api/v1/tenants/acme/members"), slug("acme"));
    expect(response.status).toBe(status);
  });

  it.each(
    table({ owner: 200, admin: 200, member: 403, viewer: 403, outsider: 404, anonymous: 401 }),
  )("changes a role for %s with %i", async (actor, status) => {
    const path = `/api/v1/tenants/acme/members/${targetUserId}`;
    const params = { params: Promise.resolve({ slug: "acme", userId: targetUserId }) };
    const response = await member.PATCH(send(actor, path, "PATCH", { role: "member" }), params);
    expect(response.status).toBe(status);
  });

  it("refuses a role that does not exist", async () => {
    const path = `/api/v1/tenants/acme/members/${targetUserId}`;
    const params = { params: Promise.resolve({ slug: "acme", userId: targetUserId }) };
    const response = await member.PATCH(send("owner", path, "PATCH", { role: "god" }), params);
    expect(response.status).toBe(422);
  });
});

describe("POST and DELETE /api/v1/tenants", () => {
  it("lists only the caller's tenants", async () => {
    const response = await collection.GET(send("outsider", "/api/v1/tenants"));
    const body = (await response.json()) as { tenants: { slug: string }[] };
    expect(body.tenants.map((tenant) => tenant.slug)).toEqual(["other"]);
  });

  it("refuses a taken slug with a conflict", async () => {
    const request = send("viewer", "/api/v1/tenants", "POST", { name: "Again", slug: "acme" });
    const response = await collection.POST(request);
    expect(response.status).toBe(409);
  });

  it("refuses anonymous callers with the JSON contract", async () => {
    const response = await collection.GET(send("anonymous", "/api/v1/tenants"));
    expect(response.status).toBe(401);
    expect(await response.json()).toEqual({
      error: { code: "unauthenticated", message: "Sign in to use the API." },
    });
  });

  it("deletes only for the owner who types the slug", async () => {
    const remove = (actor: Actor, confirmation: string) =>
      item.DELETE(send(actor, "/api/v1/tenants/acme", "DELETE", { confirmation }), slug("acme"));

    expect((await remove("admin", "acme")).status).toBe(403);
    expect((await remove("outsider", "acme")).status).toBe(404);
    expect((await remove("owner", "ACME")).status).toBe(422);
    expect((await remove("owner", "acme")).status).toBe(204);
    expect((await item.GET(send("owner", "/api/v1/tenants/acme"), slug("acme"))).status).toBe(404);
  });
});
