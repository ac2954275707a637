import type { Role } from "./permissions";

export interface Tenant {
  id: string;
  slug: string;
  name: string;
  logo: string | null;
  plan: string;
  settings: Record<string, unknown>;
  createdAt: Date;
  updatedAt: Date;
}

/** A tenant as the switcher lists it. */
export interface MyTenant {
  id: string;
  slug: string;
  name: string;
  role: Role;
}

export interface ResolvedTenant {
  tenant: Tenant;
  role: Role;
}

export interface Member {
  membershipId: string;
  userId: string;
  name: string;
  email: string;
  image: string | null;
  role: Role;
  joinedAt: Date;
}

export interface AuditEntry {
  id: string;
  action: string;
  actorUserId: string | null;
  actorType: string;
  /** Null when the actor has left the tenant or was deleted. */
  actorName: string | null;
  targetType: string | null;
  targetId: string | null;
  ipAddress: string | null;
  userAgent: string | null;
  metadata: Record<string, unknown>;
  createdAt: Date;
}

export interface AuditPage {
  entries: AuditEntry[];
  /** Pass as `before` to get the next, older page; null on the last page. */
  nextCursor: string | null;
}
