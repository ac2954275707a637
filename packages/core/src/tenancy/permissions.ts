import { AppError } from "../errors/app-error";

export const ROLES = ["owner", "admin", "member", "viewer"] as const;
export type Role = (typeof ROLES)[number];

/**
 * The one permission matrix every action consults. RLS mirrors the coarse part of it
 * (viewers never write, managers alone see invitations, keys and the audit log); the rest,
 * such as who may manage billing, is decided here.
 */
export const PERMISSIONS = {
  "tenant:read": ["owner", "admin", "member", "viewer"],
  "tenant:update": ["owner", "admin"],
  "tenant:delete": ["owner"],
  "members:read": ["owner", "admin", "member", "viewer"],
  "members:manage": ["owner", "admin"],
  "billing:manage": ["owner"],
  "api_keys:manage": ["owner", "admin"],
  "audit:read": ["owner", "admin"],
  "agents:read": ["owner", "admin", "member", "viewer"],
  "agents:write": ["owner", "admin", "member"],
  "agents:run": ["owner", "admin", "member"],
  "workspaces:read": ["owner", "admin", "member", "viewer"],
  "workspaces:write": ["owner", "admin", "member"],
  "documents:read": ["owner", "admin", "member", "viewer"],
  "documents:write": ["owner", "admin", "member"],
} as const satisfies Record<string, readonly Role[]>;

export type Permission = keyof typeof PERMISSIONS;

export function isRole(value: unknown): value is Role {
  return typeof value === "string" && (ROLES as readonly string[]).includes(value);
}

export function can(role: Role, permission: Permission): boolean {
  const allowed: readonly Role[] = PERMISSIONS[permission];
  return allowed.includes(role);
}

/** @throws AppError `forbidden` when the role lacks the permission. */
export function assertCan(role: Role, permission: Permission): void {
  if (!can(role, permission)) {
    throw new AppError("forbidden", `Your role (${role}) may not do this (${permission}).`);
  }
}
