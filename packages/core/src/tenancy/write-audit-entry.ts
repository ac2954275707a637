export interface AuditRecord {
  tenantId: string | null;
  actorUserId: string;
  action: string;
  targetType?: string;
  targetId?: string;
  ipAddress?: string | undefined;
  userAgent?: string | undefined;
  metadata?: Record<string, unknown>;
}

/** Anything that runs one statement: a scoped transaction or an owner connection. */
export type Execute = (text: string, values: readonly unknown[]) => Promise<unknown>;

// No `returning`: members and viewers may insert audit rows but not read them back.
const INSERT_AUDIT = `insert into audit_logs
  (tenant_id, actor_user_id, action, target_type, target_id, ip_address, user_agent, metadata)
  values ($1, $2, $3, $4, $5, $6, $7, $8)`;

/** Appends one audit row; in a tenant scope RLS lets it name only the active tenant. */
export async function writeAuditEntry(execute: Execute, record: AuditRecord): Promise<void> {
  await execute(INSERT_AUDIT, [
    record.tenantId,
    record.actorUserId,
    record.action,
    record.targetType ?? null,
    record.targetId ?? null,
    record.ipAddress ?? null,
    record.userAgent ?? null,
    JSON.stringify(record.metadata ?? {}),
  ]);
}
