import { describe, expect, it } from "vitest";

import { AppError } from "../../src/errors/app-error";
import { parseInput } from "../../src/tenancy/parse-input";
import { isValidSlug, slugSchema } from "../../src/tenancy/slug-rules";
import { suggestSlug } from "../../src/tenancy/suggest-slug";

// The tenants_slug_format check of migration 0002; every accepted slug must pass it too.
const DATABASE_FORMAT = /^[a-z0-9](?:[a-z0-9-]{0,46}[a-z0-9])?$/;

const slugs: [string, boolean][] = [
  ["acme", true],
  ["acme-corp", true],
  ["a1b", true],
  ["007", true],
  ["a".repeat(48), true],
  ["a".repeat(49), false],
  ["ab", false],
  ["", false],
  ["Acme", false],
  ["acme_corp", false],
  ["acme corp", false],
  ["-acme", false],
  ["acme-", false],
  ["acme--corp", false],
  ["acmé", false],
  ["api", false],
  ["app", false],
  ["admin", false],
  ["auth", false],
  ["t", false],
  ["new", false],
  ["settings", false],
  ["www", false],
];

describe("slug rules", () => {
  it.each(slugs)("%j valid: %s", (slug, valid) => {
    expect(isValidSlug(slug)).toBe(valid);
    if (valid) {
      expect(slug).toMatch(DATABASE_FORMAT);
    }
  });

  it("explains a refusal as a field error", () => {
    const call = () => parseInput(slugSchema, "api");
    expect(call).toThrow(AppError);
    try {
      call();
    } catch (error) {
      expect(error).toMatchObject({
        code: "validation_failed",
        fields: { input: "This slug is reserved." },
      });
    }
  });
});

const suggestions: [string, string][] = [
  ["Acme Corp", "acme-corp"],
  ["  Ünïcödé Café  ", "unicode-cafe"],
  ["R&D / Ops", "r-d-ops"],
  ["API", "api-team"],
  ["X", "x-team"],
  ["日本語", "my-team"],
  ["Team", "team-team"],
  ["a".repeat(60), "a".repeat(48)],
  [`${"a".repeat(47)} b`, "a".repeat(47)],
];

describe("suggestSlug", () => {
  it.each(suggestions)("%j becomes %j", (name, slug) => {
    expect(suggestSlug(name)).toBe(slug);
    expect(isValidSlug(slug)).toBe(true);
  });
});
