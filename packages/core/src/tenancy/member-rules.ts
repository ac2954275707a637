import type { ScopedTransaction } from "@sovra/db";

import { AppError } from "../errors/app-error";
import type { Role } from "./permissions";

export interface MemberRow {
  id: string;
  user_id: string;
  role: Role;
}

/** @throws AppError `not_found` when the user is not a member of the active tenant. */
export async function loadMember(
  tx: ScopedTransaction,
  tenantId: string,
  userId: string,
): Promise<MemberRow> {
  const row = await tx.queryOne<MemberRow>(
    "select id, user_id, role from memberships where tenant_id = $1 and user_id = $2",
    [tenantId, userId],
  );
  if (row === undefined) {
    throw new AppError("not_found", "Member not found.");
  }
  return row;
}

/**
 * Refuses a change that would leave the tenant without an owner. The owner rows are locked
 * first, so two owners demoting each other at once cannot both pass the count.
 * @throws AppError `conflict` when `target` is the only owner.
 */
export async function assertNotLastOwner(
  tx: ScopedTransaction,
  tenantId: string,
  target: MemberRow,
  message: string,
): Promise<void> {
  if (target.role !== "owner") {
    return;
  }

  const owners = await tx.query<{ user_id: string }>(
    "select user_id from memberships where tenant_id = $1 and role = 'owner' for update",
    [tenantId],
  );
  if (owners.every((owner) => owner.user_id === target.user_id)) {
    throw new AppError("conflict", message);
  }
}

/**
 * Only an owner may make or unmake an owner; admins manage everyone else.
 * @throws AppError `forbidden`.
 */
export function assertMayTouchOwnerRole(actorRole: Role, ...roles: Role[]): void {
  if (actorRole !== "owner" && roles.includes("owner")) {
    throw new AppError("forbidden", "Only an owner can grant, revoke or remove the owner role.");
  }
}
