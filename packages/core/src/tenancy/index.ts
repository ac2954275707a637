export { decodeAuditCursor, encodeAuditCursor, type AuditCursor } from "./audit-cursor";
export { changeMemberRole } from "./change-member-role";
export { createTenant, type CreateTenantInput } from "./create-tenant";
export { deleteTenant } from "./delete-tenant";
export { type RequestContext, requestContextSchema, tenantNameSchema } from "./input-schemas";
export { listAuditLog } from "./list-audit-log";
export { listMembers } from "./list-members";
export { listMyTenants } from "./list-my-tenants";
export { parseInput } from "./parse-input";
export { removeMember } from "./remove-member";
export { renameTenant } from "./rename-tenant";
export { resolveTenant } from "./resolve-tenant";
export {
  isValidSlug,
  RESERVED_SLUGS,
  SLUG_MAX_LENGTH,
  SLUG_MIN_LENGTH,
  slugSchema,
} from "./slug-rules";
export { suggestSlug } from "./suggest-slug";
export type {
  AuditEntry,
  AuditPage,
  Member,
  MyTenant,
  ResolvedTenant,
  Tenant,
} from "./tenancy-types";
export {
  type TenantSettings,
  tenantSettingsSchema,
  updateTenantSettings,
} from "./update-tenant-settings";
export { withTenantRole } from "./with-tenant-role";
