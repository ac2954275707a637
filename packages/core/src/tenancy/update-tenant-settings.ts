import { z } from "zod";

import type { Pool } from "@sovra/db";

import { type RequestContext, requestContextSchema, tenantActorSchema } from "./input-schemas";
import { parseInput } from "./parse-input";
import type { Tenant } from "./tenancy-types";
import { TENANT_COLUMNS, type TenantRow, toTenant } from "./tenant-row";
import { withTenantRole } from "./with-tenant-role";
import { writeAuditEntry } from "./write-audit-entry";

/** The settings a tenant may change; unknown keys are refused rather than stored. */
export const tenantSettingsSchema = z
  .object({
    requireTwoFactor: z.boolean({ error: "Must be true or false." }).optional(),
  })
  .strict();

export type TenantSettings = z.infer<typeof tenantSettingsSchema>;

const inputSchema = tenantActorSchema.extend({
  settings: tenantSettingsSchema,
  logo: z.url({ error: "The logo must be a URL." }).max(2048).nullable().optional(),
});

/**
 * Merges the given settings into the tenant's (keys left out keep their value), optionally
 * sets the logo, and audits `tenant.settings_updated`.
 * @throws AppError `forbidden` without tenant:update; `not_found` for a non-member.
 */
export async function updateTenantSettings(
  pool: Pool,
  input: z.input<typeof inputSchema>,
  context?: RequestContext,
): Promise<Tenant> {
  const { userId, tenantId, settings, logo } = parseInput(inputSchema, input);
  const request = parseInput(requestContextSchema, context);

  return withTenantRole(pool, { userId, tenantId }, "tenant:update", async (tx) => {
    const row = await tx.queryOne<TenantRow>(
      `update tenants as t
       set settings = t.settings || $2::jsonb,
           logo = case when $3::boolean then $4 else t.logo end
       where t.id = $1 returning ${TENANT_COLUMNS}`,
      [tenantId, JSON.stringify(settings), logo !== undefined, logo ?? null],
    );
    if (row === undefined) {
      throw new Error("tenant update matched no row despite the role check");
    }

    await writeAuditEntry((text, values) => tx.query(text, values), {
      tenantId,
      actorUserId: userId,
      action: "tenant.settings_updated",
      targetType: "tenant",
      targetId: tenantId,
      ...request,
      metadata: { settings, ...(logo === undefined ? {} : { logo }) },
    });
    return toTenant(row);
  });
}
