import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["{packages,apps,scripts}/**/*.test.ts"],
    exclude: ["**/node_modules/**", "**/.next/**"],
    // Each database test file starts its own PGlite or Postgres database; two at a time fits
    // the two cores CI has.
    maxWorkers: 2,
    testTimeout: 60_000,
    hookTimeout: 120_000,
  },
});
