import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { readOutbox } from "../../src/email";
import { type AuthHarness, cookiesOf, startAuthHarness } from "./auth-harness";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/u;
const EMAIL = "ada.lovelace@example.com";
const PASSWORD = "analytical engine 1843";

let harness: AuthHarness;
let session = "";

beforeAll(async () => {
  harness = await startAuthHarness();
});

afterAll(async () => {
  await harness?.close();
});

const signIn = (email: string, password: string) =>
  harness.post("/sign-in/email", { email, password });

// One account's journey; each step relies on the ones before it.
describe("email and password journey", () => {
  it("signs up into exactly one users row and one credential account", async () => {
    const response = await harness.post("/sign-up/email", {
      name: "Ada Lovelace",
      email: "Ada.Lovelace@Example.com",
      password: PASSWORD,
    });
    expect(response.status).toBe(200);
    expect(cookiesOf(response)).not.toContain("session_token");

    const users = await harness.db.pool.query("select id, email, email_verified from users");
    expect(users.rows).toEqual([
      { id: expect.stringMatching(UUID), email: EMAIL, email_verified: false },
    ]);

    const accounts = await harness.db.pool.query(
      "select id, user_id, account_id, provider_id, password from accounts",
    );
    const userId = users.rows[0].id;
    expect(accounts.rows).toEqual([
      {
        id: expect.stringMatching(UUID),
        user_id: userId,
        account_id: userId,
        provider_id: "credential",
        password: expect.stringMatching(/^[0-9a-f]+:[0-9a-f]+$/u),
      },
    ]);
    expect(accounts.rows[0].password).not.toContain(PASSWORD);
  });

  it("leaves a verification message with a link in the outbox", async () => {
    const [message] = await readOutbox(harness.dataDir);
    expect(message).toMatchObject({ to: EMAIL, subject: "Verify your email for Sovra" });
    expect(message?.html).toContain("/api/auth/verify-email?token=");
    expect(await harness.linkFor(EMAIL, "Verify")).toMatch(
      /^http:\/\/localhost:3000\/api\/auth\/verify-email\?token=/u,
    );
  });

  it("refuses to sign in before the email is verified", async () => {
    const response = await signIn(EMAIL, PASSWORD);

    expect(response.status).toBe(403);
    expect(await response.json()).toMatchObject({ code: "EMAIL_NOT_VERIFIED" });
    expect(cookiesOf(response)).not.toContain("session_token");
  });

  it("verifies the email when the link is followed, and signs the user in", async () => {
    const response = await harness.get(await harness.linkFor(EMAIL, "Verify"));
    expect(response.status).toBe(302);
    expect(cookiesOf(response)).toContain("sovra.session_token=");

    const users = await harness.db.pool.query("select email_verified from users");
    expect(users.rows).toEqual([{ email_verified: true }]);
  });

  it("opens no further session when the verification link is followed again", async () => {
    const response = await harness.get(await harness.linkFor(EMAIL, "Verify"));

    expect(response.status).toBe(302);
    expect(cookiesOf(response)).not.toContain("session_token");
  });

  it("signs in with a session cookie that get-session accepts", async () => {
    const response = await signIn(EMAIL, PASSWORD);
    expect(response.status).toBe(200);
    session = cookiesOf(response);
    expect(session).toContain("sovra.session_token=");

    const current = await harness.get("http://localhost:3000/api/auth/get-session", session);
    const body = (await current.json()) as { user: { email: string; emailVerified: boolean } };
    expect(body.user).toMatchObject({ email: EMAIL, emailVerified: true });

    // One from following the verification link, one from this sign-in.
    const sessions = await harness.db.pool.query("select count(*)::int as n from sessions");
    expect(sessions.rows).toEqual([{ n: 2 }]);
  });

  it("refuses a wrong password with 401 and the same message as an unknown email", async () => {
    const wrong = await signIn(EMAIL, "not the right password");
    const unknown = await signIn("nobody@example.com", PASSWORD);

    expect(wrong.status).toBe(401);
    expect(unknown.status).toBe(401);
    const wrongBody = await wrong.json();
    expect(await unknown.json()).toEqual(wrongBody);
    expect(wrongBody).toMatchObject({ message: "Invalid email or password" });
  });

  it("ends the session on sign-out", async () => {
    const response = await harness.post("/sign-out", {}, session);
    expect(response.status).toBe(200);

    const current = await harness.get("http://localhost:3000/api/auth/get-session", session);
    expect(await current.json()).toBeNull();
    const sessions = await harness.db.pool.query("select count(*)::int as n from sessions");
    expect(sessions.rows).toEqual([{ n: 1 }]);
  });
});
