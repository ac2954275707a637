import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { type AuthHarness, startAuthHarness } from "./auth-harness";

const TOO_SHORT = "Use at least 10 characters for the password.";
const TOO_LONG = "Use at most 128 characters for the password.";
const COMMON = "This password is one of the most common ones; choose one that is harder to guess.";
const HAS_EMAIL = "The password must not contain your email address or its name part.";

let harness: AuthHarness;

beforeAll(async () => {
  harness = await startAuthHarness();
});

afterAll(async () => {
  await harness?.close();
});

describe("password rules on sign-up", () => {
  it.each([
    ["a short one", "Sh0rt!pw", TOO_SHORT],
    ["an overly long one", "x7".repeat(65), TOO_LONG],
    ["a common one", "qwertyuiop", COMMON],
    ["a common digit run", "1234567890", COMMON],
    ["a common word with digits and symbols appended", "Password123!", COMMON],
    ["one short pattern repeated", "abcabcabcabc", COMMON],
    ["one containing the email's name part", "Grace.Hopper-1906", HAS_EMAIL],
  ])("refuses %s with a readable message and creates no user", async (_, password, message) => {
    const response = await harness.post("/sign-up/email", {
      name: "Grace Hopper",
      email: "grace.hopper@example.com",
      password,
    });

    expect(response.status).toBe(400);
    expect(await response.json()).toEqual({ code: "WEAK_PASSWORD", message });
    const users = await harness.db.pool.query("select count(*)::int as n from users");
    expect(users.rows).toEqual([{ n: 0 }]);
  });

  it("accepts a long, uncommon password", async () => {
    const response = await harness.post("/sign-up/email", {
      name: "Grace Hopper",
      email: "grace.hopper@example.com",
      password: "compiler moths in 1947",
    });

    expect(response.status).toBe(200);
  });
});
