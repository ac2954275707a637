import { z } from "zod";

import type { Pool } from "@sovra/db";

import { type AuditCursor, decodeAuditCursor, encodeAuditCursor } from "./audit-cursor";
import { tenantActorSchema } from "./input-schemas";
import { parseInput } from "./parse-input";
import type { AuditEntry, AuditPage } from "./tenancy-types";
import { withTenantRole } from "./with-tenant-role";

const inputSchema = tenantActorSchema.extend({
  limit: z.int({ error: "The limit must be a whole number." }).min(1).max(100).default(50),
  before: z.string().max(200).optional(),
});

interface AuditRow {
  id: string;
  action: string;
  actor_user_id: string | null;
  actor_type: string;
  actor_name: string | null;
  target_type: string | null;
  target_id: string | null;
  ip_address: string | null;
  user_agent: string | null;
  metadata: Record<string, unknown>;
  created_at: Date;
  cursor_time: string;
}

// The cursor keeps microseconds as text: a JS Date would round them away and skip rows.
const SELECT_PAGE = `select a.id, a.action, a.actor_user_id, a.actor_type, u.name as actor_name,
    a.target_type, a.target_id, a.ip_address, a.user_agent, a.metadata, a.created_at,
    to_char(a.created_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') as cursor_time
  from audit_logs a left join users u on u.id = a.actor_user_id
  where a.tenant_id = $1
    and ($2::timestamptz is null or (a.created_at, a.id) < ($2::timestamptz, $3::uuid))
  order by a.created_at desc, a.id desc
  limit $4`;

/**
 * The tenant's audit log, newest first, one page at a time (keyset on time and id).
 * @throws AppError `forbidden` without audit:read; `not_found` for a non-member;
 * `validation_failed` for a bad limit or cursor.
 */
export async function listAuditLog(
  pool: Pool,
  input: z.input<typeof inputSchema>,
): Promise<AuditPage> {
  const { userId, tenantId, limit, before } = parseInput(inputSchema, input);
  const cursor: AuditCursor | undefined =
    before === undefined ? undefined : decodeAuditCursor(before);

  const rows = await withTenantRole(pool, { userId, tenantId }, "audit:read", (tx) =>
    tx.query<AuditRow>(SELECT_PAGE, [
      tenantId,
      cursor?.createdAt ?? null,
      cursor?.id ?? null,
      limit + 1,
    ]),
  );

  const page = rows.slice(0, limit);
  const last = page.at(-1);
  const nextCursor =
    rows.length > limit && last !== undefined
      ? encodeAuditCursor({ createdAt: last.cursor_time, id: last.id })
      : null;
  return { entries: page.map(toAuditEntry), nextCursor };
}

function toAuditEntry(row: AuditRow): AuditEntry {
  return {
    id: row.id,
    action: row.action,
    actorUserId: row.actor_user_id,
    actorType: row.actor_type,
    actorName: row.actor_name,
    targetType: row.target_type,
    targetId: row.target_id,
    ipAddress: row.ip_address,
    userAgent: row.user_agent,
    metadata: row.metadata,
    createdAt: row.created_at,
  };
}
