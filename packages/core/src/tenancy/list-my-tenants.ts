import { z } from "zod";

import { type Pool, withUserScope } from "@sovra/db";

import { idSchema } from "./input-schemas";
import { parseInput } from "./parse-input";
import type { Role } from "./permissions";
import type { MyTenant } from "./tenancy-types";

const inputSchema = z.object({ userId: idSchema });

/**
 * Every tenant the caller belongs to, with their role, ordered by name ignoring case (the
 * database collation may be C, which would put every capital first): the tenant switcher.
 */
export async function listMyTenants(
  pool: Pool,
  input: z.input<typeof inputSchema>,
): Promise<MyTenant[]> {
  const { userId } = parseInput(inputSchema, input);

  return withUserScope(pool, { userId }, (tx) =>
    tx.query<{ id: string; slug: string; name: string; role: Role }>(
      `select t.id, t.slug, t.name, m.role
       from tenants t join memberships m on m.tenant_id = t.id
       where m.user_id = $1
       order by lower(t.name), t.slug`,
      [userId],
    ),
  );
}
