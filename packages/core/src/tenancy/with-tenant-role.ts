import { type Pool, type ScopedTransaction, type TenantScope, withTenantScope } from "@sovra/db";

import { AppError } from "../errors/app-error";
import { assertCan, isRole, type Permission, type Role } from "./permissions";

/**
 * Runs `work` in the caller's tenant scope after checking the permission matrix, so a role
 * without the permission gets `forbidden` instead of a silently empty answer from RLS.
 * @throws AppError `not_found` when the caller is not a member of the tenant (another
 * tenant's resource looks exactly like a missing one); `forbidden` when the role lacks it.
 */
export async function withTenantRole<T>(
  pool: Pool,
  scope: TenantScope,
  permission: Permission,
  work: (tx: ScopedTransaction, role: Role) => Promise<T>,
): Promise<T> {
  return withTenantScope(pool, scope, async (tx) => {
    const role = await readOwnRole(tx, scope);
    assertCan(role, permission);

    return work(tx, role);
  });
}

/** @throws AppError `not_found` when the caller holds no role in the scope's tenant. */
export async function readOwnRole(tx: ScopedTransaction, scope: TenantScope): Promise<Role> {
  const row = await tx.queryOne<{ role: string }>(
    "select role from member_access where user_id = $1 and tenant_id = $2",
    [scope.userId, scope.tenantId],
  );
  if (row === undefined || !isRole(row.role)) {
    throw new AppError("not_found", "Tenant not found.");
  }
  return row.role;
}
