import { mkdir, mkdtemp, rm, utimes, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";

import { afterEach, beforeEach, describe, expect, it } from "vitest";

import { checkStaleness } from "./staleness";

const BUILT_AT = new Date("2026-01-01T12:00:00Z");
const BEFORE = new Date("2026-01-01T11:00:00Z");
const AFTER = new Date("2026-01-01T13:00:00Z");

let root: string;

async function file(path: string, time: Date): Promise<void> {
  const full = join(root, path);
  await mkdir(dirname(full), { recursive: true });
  await writeFile(full, "x");
  await utimes(full, time, time);
}

function check() {
  return checkStaleness({
    marker: join(root, "apps/web/.next/BUILD_ID"),
    sources: [join(root, "apps/web"), join(root, "packages/db/src"), join(root, "packages/x/src")],
    root,
  });
}

beforeEach(async () => {
  root = await mkdtemp(join(tmpdir(), "sovra-staleness-"));
  await file("apps/web/app/page.tsx", BEFORE);
  await file("packages/db/src/index.ts", BEFORE);
});

afterEach(async () => {
  await rm(root, { recursive: true, force: true });
});

describe("checkStaleness", () => {
  it("is stale when there is no build", async () => {
    expect(await check()).toEqual({ stale: true, reason: "there is no build yet" });
  });

  it("is current when every source is older than the build", async () => {
    await file("apps/web/.next/BUILD_ID", BUILT_AT);

    expect(await check()).toEqual({ stale: false });
  });

  it.each([
    ["a web source", "apps/web/app/api/health/route.ts"],
    ["a web config file", "apps/web/next.config.ts"],
    ["a shared package source", "packages/db/src/deep/nested/pool.ts"],
  ])("is stale when %s changed after the build, and names it", async (_what, path) => {
    await file("apps/web/.next/BUILD_ID", BUILT_AT);
    await file(path, AFTER);

    expect(await check()).toEqual({ stale: true, reason: `${path} changed since the build` });
  });

  it.each([
    ["build output", "apps/web/.next/server/app.js"],
    ["installed dependencies", "apps/web/node_modules/next/index.js"],
    ["the file next build rewrites", "apps/web/next-env.d.ts"],
    ["TypeScript's incremental state", "apps/web/tsconfig.tsbuildinfo"],
    ["a package's tests, outside src", "packages/db/test/isolation.test.ts"],
  ])("ignores %s", async (_what, path) => {
    await file("apps/web/.next/BUILD_ID", BUILT_AT);
    await file(path, AFTER);

    expect(await check()).toEqual({ stale: false });
  });
});
