import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { createLogger, loadConfig } from "@sovra/config";

import { createOutboxMailer } from "../../src/email";
import { AppError } from "../../src/errors/app-error";
import { createAuth } from "../../src/identity";
import { type AuthHarness, startAuthHarness, TEST_ENV } from "./auth-harness";

const GITHUB_ENV = { GITHUB_CLIENT_ID: "gh-client-id", GITHUB_CLIENT_SECRET: "gh-client-secret" };

let plain: AuthHarness;
let withGithub: AuthHarness;

beforeAll(async () => {
  [plain, withGithub] = await Promise.all([startAuthHarness(), startAuthHarness(GITHUB_ENV)]);
});

afterAll(async () => {
  await Promise.all([plain?.close(), withGithub?.close()]);
});

const socialSignIn = (harness: AuthHarness, provider: string) =>
  harness.post("/sign-in/social", { provider, callbackURL: "/" });

describe("createAuth", () => {
  it("refuses to start without BETTER_AUTH_SECRET, naming it", () => {
    const env = Object.fromEntries(
      Object.entries(TEST_ENV).filter(([name]) => name !== "BETTER_AUTH_SECRET"),
    );
    const logger = createLogger({ name: "auth-test", level: "silent" });
    const start = () =>
      createAuth({
        pool: plain.db.pool,
        config: loadConfig(env),
        logger,
        mailer: createOutboxMailer({ dataDir: plain.dataDir, logger }),
      });

    expect(start).toThrow(AppError);
    expect(start).toThrow(/BETTER_AUTH_SECRET is not set/u);
  });

  it("offers GitHub sign-in only when its client is configured", async () => {
    const offered = await socialSignIn(withGithub, "github");
    expect(offered.status).toBe(200);
    const { url } = (await offered.json()) as { url: string };
    expect(new URL(url).host).toBe("github.com");
    expect(new URL(url).searchParams.get("client_id")).toBe("gh-client-id");

    expect((await socialSignIn(plain, "github")).status).toBe(404);
    expect((await socialSignIn(withGithub, "google")).status).toBe(404);
  });
});
