import type { Tenant } from "./tenancy-types";

export const TENANT_COLUMNS =
  "t.id, t.slug, t.name, t.logo, t.plan, t.settings, t.created_at, t.updated_at";

export interface TenantRow {
  id: string;
  slug: string;
  name: string;
  logo: string | null;
  plan: string;
  settings: Record<string, unknown>;
  created_at: Date;
  updated_at: Date;
}

export function toTenant(row: TenantRow): Tenant {
  return {
    id: row.id,
    slug: row.slug,
    name: row.name,
    logo: row.logo,
    plan: row.plan,
    settings: row.settings,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}
