import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { type AuthHarness, cookiesOf, PUBLIC_URL, startAuthHarness } from "./auth-harness";

const EMAIL = "alan.turing@example.com";
const OLD_PASSWORD = "enigma bombe 1940";
const NEW_PASSWORD = "morphogenesis 1952";

let harness: AuthHarness;
let session = "";
let token = "";

beforeAll(async () => {
  harness = await startAuthHarness();
  await harness.post("/sign-up/email", { name: "Alan", email: EMAIL, password: OLD_PASSWORD });
  session = cookiesOf(await harness.get(await harness.linkFor(EMAIL, "Verify")));
});

afterAll(async () => {
  await harness?.close();
});

const signIn = (password: string) => harness.post("/sign-in/email", { email: EMAIL, password });

// One reset, step by step; each step relies on the ones before it.
describe("password reset through the outbox", () => {
  it("answers a reset request with a link in the outbox", async () => {
    const response = await harness.post("/request-password-reset", {
      email: EMAIL,
      redirectTo: `${PUBLIC_URL}/auth/reset`,
    });
    expect(response.status).toBe(200);

    const link = await harness.linkFor(EMAIL, "Reset your Sovra password");
    const landing = await harness.get(link);
    expect(landing.status).toBe(302);
    const location = new URL(landing.headers.get("location") ?? "");
    expect(location.pathname).toBe("/auth/reset");
    token = location.searchParams.get("token") ?? "";
    expect(token).not.toBe("");
  });

  it("applies the password rules to the new password", async () => {
    const response = await harness.post("/reset-password", {
      token,
      newPassword: "alan.turing-rocks",
    });

    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({ code: "WEAK_PASSWORD" });
  });

  it("sets the new password, ends the old sessions and refuses the old password", async () => {
    const response = await harness.post("/reset-password", { token, newPassword: NEW_PASSWORD });
    expect(response.status).toBe(200);

    const current = await harness.get(`${PUBLIC_URL}/api/auth/get-session`, session);
    expect(await current.json()).toBeNull();
    expect((await signIn(OLD_PASSWORD)).status).toBe(401);
    expect((await signIn(NEW_PASSWORD)).status).toBe(200);
  });

  it("does not accept the same reset link twice", async () => {
    const response = await harness.post("/reset-password", {
      token,
      newPassword: "another fine password 1",
    });

    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({ code: "INVALID_TOKEN" });
  });
});
