import { chmod, mkdtemp, readFile, rm, stat, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";

import { afterEach, beforeEach, describe, expect, it } from "vitest";

import { loadConfig } from "@sovra/config";

import { LauncherError } from "./errors";
import { ensureLocalSecrets, LOCAL_SECRET_NAMES, missingLocalSecrets } from "./secrets";

let root: string;
let file: string;

beforeEach(async () => {
  root = await mkdtemp(join(tmpdir(), "sovra-secrets-"));
  file = join(root, "data", "nested", "secrets.json");
});

afterEach(async () => {
  await rm(root, { recursive: true, force: true });
});

describe("ensureLocalSecrets", () => {
  it("generates each missing secret once, in an owner-only file in a new directory", async () => {
    const secrets = await ensureLocalSecrets(file, LOCAL_SECRET_NAMES);

    for (const name of LOCAL_SECRET_NAMES) {
      expect(secrets[name]).toMatch(/^[A-Za-z0-9_-]{64}$/);
    }
    expect(new Set(Object.values(secrets)).size).toBe(3);
    expect((await stat(file)).mode & 0o777).toBe(0o600);
    expect(JSON.parse(await readFile(file, "utf8"))).toEqual(secrets);
  });

  it("reuses the stored secrets on the next start", async () => {
    const first = await ensureLocalSecrets(file, LOCAL_SECRET_NAMES);
    const before = await readFile(file, "utf8");

    const second = await ensureLocalSecrets(file, LOCAL_SECRET_NAMES);

    expect(second).toEqual(first);
    expect(await readFile(file, "utf8")).toBe(before);
  });

  it("supplies only what is missing and keeps the other stored values", async () => {
    const all = await ensureLocalSecrets(file, LOCAL_SECRET_NAMES);

    const some = await ensureLocalSecrets(file, ["BETTER_AUTH_SECRET"]);

    expect(some).toEqual({ BETTER_AUTH_SECRET: all.BETTER_AUTH_SECRET });
    expect(JSON.parse(await readFile(file, "utf8"))).toEqual(all);
  });

  it("writes nothing when nothing is missing", async () => {
    expect(await ensureLocalSecrets(file, [])).toEqual({});
    await expect(stat(file)).rejects.toMatchObject({ code: "ENOENT" });
  });

  it("replaces a stored value too short to pass validation", async () => {
    await ensureLocalSecrets(file, LOCAL_SECRET_NAMES);
    const stored = JSON.parse(await readFile(file, "utf8")) as Record<string, string>;
    await writeFile(file, JSON.stringify({ ...stored, INTERNAL_API_SECRET: "short" }));

    const secrets = await ensureLocalSecrets(file, LOCAL_SECRET_NAMES);

    expect(secrets.INTERNAL_API_SECRET).toHaveLength(64);
    expect(secrets.BETTER_AUTH_SECRET).toBe(stored.BETTER_AUTH_SECRET);
  });

  it("tightens a file whose mode was loosened", async () => {
    await ensureLocalSecrets(file, LOCAL_SECRET_NAMES);
    await chmod(file, 0o644);

    await ensureLocalSecrets(file, LOCAL_SECRET_NAMES);

    expect((await stat(file)).mode & 0o777).toBe(0o600);
  });

  it("refuses a file that is not a JSON object instead of replacing the secrets", async () => {
    await ensureLocalSecrets(file, LOCAL_SECRET_NAMES);
    await writeFile(file, "{ not json");

    await expect(ensureLocalSecrets(file, LOCAL_SECRET_NAMES)).rejects.toThrow(LauncherError);
    expect(await readFile(file, "utf8")).toBe("{ not json");
  });
});

describe("missingLocalSecrets", () => {
  const secret = "s".repeat(40);

  it("names the unset secrets outside production", () => {
    const config = loadConfig({ NODE_ENV: "development", INTERNAL_API_SECRET: secret });

    expect(missingLocalSecrets(config)).toEqual(["SOCKET_TOKEN_SECRET", "BETTER_AUTH_SECRET"]);
  });

  it("accepts SUPABASE_JWT_SECRET as the socket-token secret", () => {
    const config = loadConfig({ NODE_ENV: "development", SUPABASE_JWT_SECRET: secret });

    expect(missingLocalSecrets(config)).not.toContain("SOCKET_TOKEN_SECRET");
  });

  it("never generates in production", () => {
    const config = loadConfig({
      NODE_ENV: "production",
      INTERNAL_API_SECRET: secret,
      SOCKET_TOKEN_SECRET: secret,
      BETTER_AUTH_SECRET: secret,
      APP_URL: "https://sovra.example.com",
    });

    expect(missingLocalSecrets(config)).toEqual([]);
  });
});
