import { afterAll, beforeAll, expect, it } from "vitest";

import { createPool, type Pool } from "../src/pool";
import { withTenantScope } from "../src/scope";
import { createTestDatabase, type TestDatabase } from "../src/testing";
import { seedWorld, type World } from "./fixtures/seed";

let db: TestDatabase;
let world: World;
let single: Pool;

beforeAll(async () => {
  db = await createTestDatabase();
  world = await seedWorld(db.pool);
  single = createPool({ url: db.url, max: 1 });
});

afterAll(async () => {
  await single?.end();
  await db?.drop();
});

class Abort extends Error {}

it("never shows a foreign row across 1,000 transactions on one pooled connection", async () => {
  const tenants = [
    { userId: world.users.ownerA, tenantId: world.tenantA.id },
    { userId: world.users.ownerB, tenantId: world.tenantB.id },
  ];
  let aborted = 0;
  let failed = 0;

  for (let index = 0; index < 1000; index += 1) {
    const scope = tenants[index % 2]!;
    try {
      await withTenantScope(single, scope, async (tx) => {
        const seen = await tx.query<{ tenant_id: string }>("select tenant_id from agents");
        expect(seen.length).toBeGreaterThan(0);
        expect(seen.every((row) => row.tenant_id === scope.tenantId)).toBe(true);

        if (index % 7 === 3) {
          throw new Abort("aborted midway");
        }
        if (index % 11 === 5) {
          await tx.query("select 1 / 0");
        }
      });
    } catch (error) {
      if (error instanceof Abort) {
        aborted += 1;
      } else {
        failed += 1;
      }
    }
  }

  const after = await single.query<{ role: string; claims: string | null }>(
    "select current_user as role, current_setting('request.jwt.claims', true) as claims",
  );
  expect(aborted).toBeGreaterThan(100);
  expect(failed).toBeGreaterThan(50);
  expect(after.rows[0]?.role).not.toBe("sovra_app");
  expect(after.rows[0]?.claims ?? "").toBe("");
});
