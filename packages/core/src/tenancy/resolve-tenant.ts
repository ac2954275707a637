import { z } from "zod";

import { type Pool, withUserScope } from "@sovra/db";

import { AppError } from "../errors/app-error";
import { idSchema } from "./input-schemas";
import { parseInput } from "./parse-input";
import { isRole } from "./permissions";
import { SLUG_MAX_LENGTH } from "./slug-rules";
import type { ResolvedTenant } from "./tenancy-types";
import { TENANT_COLUMNS, type TenantRow, toTenant } from "./tenant-row";

const inputSchema = z.object({
  userId: idSchema,
  slug: z.string({ error: "The slug must be text." }),
});

// One message for every miss, so the answer never tells a foreign slug from a free one.
const NOT_FOUND = "Tenant not found.";

/**
 * The tenant named by a URL slug and the caller's role in it: how each request picks its
 * active tenant.
 * @throws AppError `not_found` for an unknown or foreign slug alike.
 */
export async function resolveTenant(
  pool: Pool,
  input: z.input<typeof inputSchema>,
): Promise<ResolvedTenant> {
  const { userId, slug } = parseInput(inputSchema, input);
  // Any string is safe to look up; tenants created before a rule changed stay reachable.
  if (slug.length > SLUG_MAX_LENGTH) {
    throw new AppError("not_found", NOT_FOUND);
  }

  const row = await withUserScope(pool, { userId }, (tx) =>
    tx.queryOne<TenantRow & { role: string }>(
      `select ${TENANT_COLUMNS}, m.role
       from tenants t join memberships m on m.tenant_id = t.id and m.user_id = $1
       where t.slug = $2`,
      [userId, slug],
    ),
  );
  if (row === undefined || !isRole(row.role)) {
    throw new AppError("not_found", NOT_FOUND);
  }
  return { tenant: toTenant(row), role: row.role };
}
