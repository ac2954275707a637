import type { z } from "zod";

import type { Pool } from "@sovra/db";

import {
  type RequestContext,
  requestContextSchema,
  tenantActorSchema,
  tenantNameSchema,
} from "./input-schemas";
import { parseInput } from "./parse-input";
import type { Tenant } from "./tenancy-types";
import { TENANT_COLUMNS, type TenantRow, toTenant } from "./tenant-row";
import { withTenantRole } from "./with-tenant-role";
import { writeAuditEntry } from "./write-audit-entry";

const inputSchema = tenantActorSchema.extend({ name: tenantNameSchema });

/**
 * Renames the tenant (its slug stays) and audits `tenant.renamed`.
 * @throws AppError `forbidden` without tenant:update; `not_found` for a non-member.
 */
export async function renameTenant(
  pool: Pool,
  input: z.input<typeof inputSchema>,
  context?: RequestContext,
): Promise<Tenant> {
  const { userId, tenantId, name } = parseInput(inputSchema, input);
  const request = parseInput(requestContextSchema, context);

  return withTenantRole(pool, { userId, tenantId }, "tenant:update", async (tx) => {
    const before = await tx.queryOne<{ name: string }>("select name from tenants where id = $1", [
      tenantId,
    ]);
    const row = await tx.queryOne<TenantRow>(
      `update tenants as t set name = $2 where t.id = $1 returning ${TENANT_COLUMNS}`,
      [tenantId, name],
    );
    if (row === undefined) {
      throw new Error("tenant update matched no row despite the role check");
    }

    await writeAuditEntry((text, values) => tx.query(text, values), {
      tenantId,
      actorUserId: userId,
      action: "tenant.renamed",
      targetType: "tenant",
      targetId: tenantId,
      ...request,
      metadata: { from: before?.name, to: name },
    });
    return toTenant(row);
  });
}
