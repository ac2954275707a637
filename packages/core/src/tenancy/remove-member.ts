import type { z } from "zod";

import type { Pool, ScopedTransaction } from "@sovra/db";

import {
  idSchema,
  type RequestContext,
  requestContextSchema,
  tenantActorSchema,
} from "./input-schemas";
import { assertMayTouchOwnerRole, assertNotLastOwner, loadMember } from "./member-rules";
import { parseInput } from "./parse-input";
import { withTenantRole } from "./with-tenant-role";
import { writeAuditEntry } from "./write-audit-entry";

const inputSchema = tenantActorSchema.extend({ memberUserId: idSchema });

/**
 * Removes a member (members:manage), or lets the caller leave when `memberUserId` is their
 * own id (any role). Audits `member.removed` or `member.left`.
 * @throws AppError `forbidden` without members:manage, or for an admin removing an owner;
 * `not_found` for a non-member caller or target; `conflict` for the last owner.
 */
export async function removeMember(
  pool: Pool,
  input: z.input<typeof inputSchema>,
  context?: RequestContext,
): Promise<void> {
  const { userId, tenantId, memberUserId } = parseInput(inputSchema, input);
  const request = parseInput(requestContextSchema, context);
  const leaving = userId === memberUserId;
  const permission = leaving ? "tenant:read" : "members:manage";

  await withTenantRole(pool, { userId, tenantId }, permission, async (tx, actorRole) => {
    const target = await loadMember(tx, tenantId, memberUserId);
    if (!leaving) {
      assertMayTouchOwnerRole(actorRole, target.role);
    }

    const lastOwner = leaving
      ? "The last owner cannot leave; make someone else owner or delete the tenant."
      : "The last owner cannot be removed.";
    await assertNotLastOwner(tx, tenantId, target, lastOwner);

    // Written first: once a leaving member's row is gone, RLS no longer lets them write here.
    await writeAuditEntry((text, values) => tx.query(text, values), {
      tenantId,
      actorUserId: userId,
      action: leaving ? "member.left" : "member.removed",
      targetType: "user",
      targetId: memberUserId,
      ...request,
      metadata: { role: target.role },
    });
    await deleteMembership(tx, target.id);
  });
}

async function deleteMembership(tx: ScopedTransaction, membershipId: string): Promise<void> {
  await tx.query("delete from memberships where id = $1", [membershipId]);
}
