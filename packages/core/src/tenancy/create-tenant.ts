import { randomBytes } from "node:crypto";

import { z } from "zod";

import { DatabaseError, type Pool, type ScopedTransaction, withSystemTransaction } from "@sovra/db";

import { AppError } from "../errors/app-error";
import {
  idSchema,
  type RequestContext,
  requestContextSchema,
  tenantNameSchema,
} from "./input-schemas";
import { parseInput } from "./parse-input";
import { SLUG_MAX_LENGTH, slugSchema } from "./slug-rules";
import { suggestSlug } from "./suggest-slug";
import type { Tenant } from "./tenancy-types";
import { TENANT_COLUMNS, type TenantRow, toTenant } from "./tenant-row";
import { writeAuditEntry } from "./write-audit-entry";

const inputSchema = z.object({
  userId: idSchema,
  name: tenantNameSchema,
  slug: slugSchema.optional(),
});

export type CreateTenantInput = z.input<typeof inputSchema>;

// Suffixed attempts when the slug was suggested rather than chosen.
const SUGGESTION_ATTEMPTS = 4;

/**
 * Creates a tenant with the caller as its owner, and audits it. This is system work on the
 * owner connection (there is no insert policy on tenants): one transaction inserts the
 * tenant, the owner membership and the `tenant.created` entry.
 * @throws AppError `validation_failed` for a bad name or slug; `conflict` when a chosen
 * slug is taken.
 */
export async function createTenant(
  pool: Pool,
  input: CreateTenantInput,
  context?: RequestContext,
): Promise<Tenant> {
  const { userId, name, slug } = parseInput(inputSchema, input);
  const request = parseInput(requestContextSchema, context);

  if (slug !== undefined) {
    return insertOrConflict(pool, { userId, name, slug, request });
  }

  const base = suggestSlug(name);
  for (let attempt = 0; attempt < SUGGESTION_ATTEMPTS; attempt += 1) {
    const candidate = attempt === 0 ? base : withSuffix(base);
    const tenant = await insertTenant(pool, { userId, name, slug: candidate, request });
    if (tenant !== undefined) {
      return tenant;
    }
  }
  throw new AppError("conflict", "Could not find a free slug for this name; choose one.", {
    fields: { slug: "Choose a slug." },
  });
}

interface NewTenant {
  userId: string;
  name: string;
  slug: string;
  request: z.output<typeof requestContextSchema>;
}

async function insertOrConflict(pool: Pool, tenant: NewTenant): Promise<Tenant> {
  const created = await insertTenant(pool, tenant);
  if (created === undefined) {
    const message = `The slug "${tenant.slug}" is already taken.`;
    throw new AppError("conflict", message, { fields: { slug: message } });
  }
  return created;
}

/** The new tenant, or undefined when the slug is taken. */
async function insertTenant(pool: Pool, tenant: NewTenant): Promise<Tenant | undefined> {
  try {
    return await withSystemTransaction(pool, (tx) => insertRows(tx, tenant));
  } catch (error) {
    if (isSlugTaken(error)) {
      return undefined;
    }
    throw error;
  }
}

async function insertRows(tx: ScopedTransaction, tenant: NewTenant): Promise<Tenant> {
  const [row] = await tx.query<TenantRow>(
    `insert into tenants as t (name, slug) values ($1, $2) returning ${TENANT_COLUMNS}`,
    [tenant.name, tenant.slug],
  );
  if (row === undefined) {
    throw new Error("insert into tenants returned no row");
  }

  await tx.query("insert into memberships (tenant_id, user_id, role) values ($1, $2, 'owner')", [
    row.id,
    tenant.userId,
  ]);

  await writeAuditEntry((text, values) => tx.query(text, values), {
    tenantId: row.id,
    actorUserId: tenant.userId,
    action: "tenant.created",
    targetType: "tenant",
    targetId: row.id,
    ipAddress: tenant.request.ipAddress,
    userAgent: tenant.request.userAgent,
    metadata: { slug: row.slug, name: row.name },
  });
  return toTenant(row);
}

function isSlugTaken(error: unknown): boolean {
  if (!(error instanceof DatabaseError) || error.code !== "23505") {
    return false;
  }
  const cause = error.cause as { constraint?: unknown } | undefined;
  return cause?.constraint === "tenants_slug_key";
}

function withSuffix(base: string): string {
  const suffix = randomBytes(3).toString("hex");
  return `${base.slice(0, SLUG_MAX_LENGTH - suffix.length - 1).replace(/-+$/, "")}-${suffix}`;
}
