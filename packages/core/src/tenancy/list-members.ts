import type { z } from "zod";

import type { Pool } from "@sovra/db";

import { tenantActorSchema } from "./input-schemas";
import { parseInput } from "./parse-input";
import type { Role } from "./permissions";
import type { Member } from "./tenancy-types";
import { withTenantRole } from "./with-tenant-role";

interface MemberRow {
  id: string;
  user_id: string;
  name: string;
  email: string;
  image: string | null;
  role: Role;
  created_at: Date;
}

/**
 * The tenant's members with their name and email, ordered by name ignoring case.
 * @throws AppError `not_found` for a non-member.
 */
export async function listMembers(
  pool: Pool,
  input: z.input<typeof tenantActorSchema>,
): Promise<Member[]> {
  const { userId, tenantId } = parseInput(tenantActorSchema, input);

  const rows = await withTenantRole(pool, { userId, tenantId }, "members:read", (tx) =>
    tx.query<MemberRow>(
      `select m.id, m.user_id, u.name, u.email, u.image, m.role, m.created_at
       from memberships m join users u on u.id = m.user_id
       where m.tenant_id = $1
       order by lower(u.name), u.email`,
      [tenantId],
    ),
  );
  return rows.map((row) => ({
    membershipId: row.id,
    userId: row.user_id,
    name: row.name,
    email: row.email,
    image: row.image,
    role: row.role,
    joinedAt: row.created_at,
  }));
}
