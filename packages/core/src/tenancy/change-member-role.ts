import { z } from "zod";

import type { Pool } from "@sovra/db";

import {
  idSchema,
  type RequestContext,
  requestContextSchema,
  tenantActorSchema,
} from "./input-schemas";
import { assertMayTouchOwnerRole, assertNotLastOwner, loadMember } from "./member-rules";
import { parseInput } from "./parse-input";
import { type Role, ROLES } from "./permissions";
import { withTenantRole } from "./with-tenant-role";
import { writeAuditEntry } from "./write-audit-entry";

const inputSchema = tenantActorSchema.extend({
  memberUserId: idSchema,
  role: z.enum(ROLES, { error: `The role must be one of ${ROLES.join(", ")}.` }),
});

/**
 * Gives a member another role and audits `member.role_changed`; the same role is a no-op.
 * @throws AppError `forbidden` without members:manage, or for an admin granting or revoking
 * owner; `not_found` for a non-member caller or target; `conflict` when demoting the last
 * owner.
 */
export async function changeMemberRole(
  pool: Pool,
  input: z.input<typeof inputSchema>,
  context?: RequestContext,
): Promise<{ userId: string; role: Role }> {
  const { userId, tenantId, memberUserId, role } = parseInput(inputSchema, input);
  const request = parseInput(requestContextSchema, context);

  return withTenantRole(pool, { userId, tenantId }, "members:manage", async (tx, actorRole) => {
    const target = await loadMember(tx, tenantId, memberUserId);
    assertMayTouchOwnerRole(actorRole, target.role, role);
    if (target.role === role) {
      return { userId: memberUserId, role };
    }

    const lastOwner = "The last owner cannot be demoted; make someone else owner first.";
    await assertNotLastOwner(tx, tenantId, target, lastOwner);
    await tx.query("update memberships set role = $2 where id = $1", [target.id, role]);

    await writeAuditEntry((text, values) => tx.query(text, values), {
      tenantId,
      actorUserId: userId,
      action: "member.role_changed",
      targetType: "user",
      targetId: memberUserId,
      ...request,
      metadata: { from: target.role, to: role },
    });
    return { userId: memberUserId, role };
  });
}
