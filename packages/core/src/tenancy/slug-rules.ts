import { z } from "zod";

export const SLUG_MIN_LENGTH = 3;
export const SLUG_MAX_LENGTH = 48;

/** Slugs that would shadow a route, a subdomain or the product's own pages. */
export const RESERVED_SLUGS: ReadonlySet<string> = new Set([
  "about",
  "account",
  "accounts",
  "admin",
  "api",
  "app",
  "assets",
  "auth",
  "billing",
  "blog",
  "dashboard",
  "docs",
  "email",
  "help",
  "health",
  "internal",
  "invitations",
  "invite",
  "login",
  "logout",
  "mail",
  "mcp",
  "metrics",
  "new",
  "null",
  "onboarding",
  "pricing",
  "profile",
  "public",
  "root",
  "settings",
  "signin",
  "signup",
  "sign-in",
  "sign-up",
  "socket",
  "sovra",
  "static",
  "status",
  "support",
  "system",
  "t",
  "team",
  "teams",
  "tenant",
  "tenants",
  "undefined",
  "ws",
  "www",
]);

// Stricter than the tenants_slug_format check (no doubled hyphens), never looser.
const SLUG_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** A tenant's URL slug, as it appears in `/t/{slug}`. */
export const slugSchema = z
  .string({ error: "The slug must be text." })
  .min(SLUG_MIN_LENGTH, { error: `The slug needs at least ${SLUG_MIN_LENGTH} characters.` })
  .max(SLUG_MAX_LENGTH, { error: `The slug may have at most ${SLUG_MAX_LENGTH} characters.` })
  .regex(SLUG_PATTERN, {
    error: "Use lowercase letters, digits and single hyphens, not at the start or end.",
  })
  .refine((slug) => !RESERVED_SLUGS.has(slug), { error: "This slug is reserved." });

export function isValidSlug(value: unknown): value is string {
  return slugSchema.safeParse(value).success;
}
