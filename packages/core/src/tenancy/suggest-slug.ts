import { RESERVED_SLUGS, SLUG_MAX_LENGTH, SLUG_MIN_LENGTH } from "./slug-rules";

const SUFFIX = "team";
// For a name with no latin letter or digit at all.
const FALLBACK = "my-team";

/**
 * A valid slug derived from a tenant name: accents dropped, everything else that is not a
 * letter or digit turned into single hyphens, cut to the maximum length. Names too short or
 * reserved get a `-team` suffix and a name with nothing usable becomes `my-team`, so the
 * result always passes `slugSchema`.
 */
export function suggestSlug(name: string): string {
  const base = name
    .normalize("NFKD")
    .replace(/\p{M}/gu, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "");

  const cut = base.slice(0, SLUG_MAX_LENGTH).replace(/-+$/, "");
  if (cut === "") {
    return FALLBACK;
  }

  if (cut.length < SLUG_MIN_LENGTH || RESERVED_SLUGS.has(cut)) {
    return `${cut.slice(0, SLUG_MAX_LENGTH - SUFFIX.length - 1)}-${SUFFIX}`;
  }
  return cut;
}
