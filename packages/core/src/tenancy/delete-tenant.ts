import { z } from "zod";

import { type Pool, withSystemTransaction } from "@sovra/db";

import { AppError } from "../errors/app-error";
import { type RequestContext, requestContextSchema, tenantActorSchema } from "./input-schemas";
import { parseInput } from "./parse-input";
import { withTenantRole } from "./with-tenant-role";
import { writeAuditEntry } from "./write-audit-entry";

const inputSchema = tenantActorSchema.extend({
  confirmation: z.string({ error: "Type the tenant's slug to confirm." }),
});

/**
 * Deletes the tenant and, by cascade, all its data, once the caller has typed its slug
 * exactly. The `tenant.deleted` entry cannot live in the tenant (it would cascade away), so
 * it is written afterwards with no tenant and the tenant's id as target: system work on the
 * owner connection, like reading audit entries without a tenant.
 * @throws AppError `forbidden` unless owner; `not_found` for a non-member;
 * `validation_failed` when the confirmation differs from the slug.
 */
export async function deleteTenant(
  pool: Pool,
  input: z.input<typeof inputSchema>,
  context?: RequestContext,
): Promise<void> {
  const { userId, tenantId, confirmation } = parseInput(inputSchema, input);
  const request = parseInput(requestContextSchema, context);

  const deleted = await withTenantRole(pool, { userId, tenantId }, "tenant:delete", async (tx) => {
    const row = await tx.queryOne<{ slug: string; name: string }>(
      "select slug, name from tenants where id = $1",
      [tenantId],
    );
    if (row === undefined || confirmation !== row.slug) {
      const message = "Type the tenant's slug exactly to confirm.";
      throw new AppError("validation_failed", message, { fields: { confirmation: message } });
    }

    await tx.query("delete from tenants where id = $1", [tenantId]);
    return row;
  });

  // Known gap: if this write fails the tenant is already gone and the entry is lost; a
  // single transaction would need a scope helper that also runs owner statements.
  await withSystemTransaction(pool, (tx) =>
    writeAuditEntry((text, values) => tx.query(text, values), {
      tenantId: null,
      actorUserId: userId,
      action: "tenant.deleted",
      targetType: "tenant",
      targetId: tenantId,
      ...request,
      metadata: deleted,
    }),
  );
}
