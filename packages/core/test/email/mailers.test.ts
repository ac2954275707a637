import { mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";

import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { createLogger, loadConfig } from "@sovra/config";

import {
  createMailer,
  createOutboxMailer,
  createSmtpMailer,
  emailWarnings,
  readOutbox,
} from "../../src/email";
import { AppError } from "../../src/errors/app-error";
import { closedPort } from "../support/loopback";
import { type SmtpLoopback, startSmtpLoopback } from "../support/smtp-loopback";

const logger = createLogger({ name: "email-test", level: "silent" });
const message = (n: number) => ({
  to: "ada@example.com",
  subject: `Message ${n}`,
  text: `Open https://example.com/${n}`,
  html: `<p><a href="https://example.com/${n}">link</a></p>`,
});

let dataDir: string;
let smtp: SmtpLoopback;

beforeAll(async () => {
  dataDir = await mkdtemp(join(tmpdir(), "sovra-email-"));
  smtp = await startSmtpLoopback();
});

afterAll(async () => {
  await smtp?.close();
  await rm(dataDir, { recursive: true, force: true });
});

describe("development outbox", () => {
  it("reads an empty outbox when nothing was sent", async () => {
    expect(await readOutbox(join(dataDir, "never-written"))).toEqual([]);
  });

  it("creates the data directory and keeps whole messages as JSON lines", async () => {
    const dir = join(dataDir, "nested", "data");
    const mailer = createOutboxMailer({ dataDir: dir, logger });

    await mailer.send(message(1));

    const lines = (await readFile(join(dir, "outbox.jsonl"), "utf8")).trim().split("\n");
    expect(lines).toHaveLength(1);
    expect(JSON.parse(lines[0] ?? "")).toMatchObject({ ...message(1), id: expect.any(String) });
  });

  it("returns the latest messages first, up to the limit", async () => {
    const dir = join(dataDir, "many");
    const mailer = createOutboxMailer({ dataDir: dir, logger });
    for (const n of [1, 2, 3]) {
      await mailer.send(message(n));
    }

    const latest = await readOutbox(dir, 2);
    expect(latest.map((entry) => entry.subject)).toEqual(["Message 3", "Message 2"]);
  });
});

describe("SMTP mailer", () => {
  it("delivers text and HTML bodies to the SMTP server", async () => {
    const mailer = createSmtpMailer({ smtpUrl: smtp.url, from: "Sovra <no-reply@sovra.test>" });

    await mailer.send(message(7));

    const [delivered] = smtp.messages;
    expect(delivered).toContain("Subject: Message 7");
    expect(delivered).toContain("From: Sovra <no-reply@sovra.test>");
    expect(delivered).toContain("To: ada@example.com");
    expect(delivered).toContain("text/plain");
    expect(delivered).toContain("text/html");
  });

  it("fails with an unavailable error when the server cannot be reached", async () => {
    const smtpUrl = `smtp://127.0.0.1:${await closedPort()}`;
    const mailer = createSmtpMailer({ smtpUrl, from: "no-reply@sovra.test" });

    const failure = await mailer.send(message(8)).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(AppError);
    expect(failure).toMatchObject({ code: "unavailable", message: "The email could not be sent." });
  });
});

describe("choosing a mailer and warning about it", () => {
  const configWith = (env: Record<string, string>) =>
    loadConfig({ SOVRA_DATA_DIR: dataDir, ...env });

  it("sends through SMTP when SMTP_URL is set", async () => {
    const before = smtp.messages.length;
    const mailer = createMailer(configWith({ SMTP_URL: smtp.url }), logger);

    await mailer.send(message(9));

    expect(smtp.messages).toHaveLength(before + 1);
  });

  it("keeps messages in the outbox without SMTP_URL", async () => {
    await createMailer(configWith({}), logger).send(message(10));

    expect((await readOutbox(dataDir, 1))[0]?.subject).toBe("Message 10");
  });

  it("warns in production without SMTP, naming what will not work", () => {
    const warning = emailWarnings({ ...configWith({}), isProduction: true });

    expect(warning).toMatch(/SMTP_URL is not set/u);
    for (const feature of ["verification", "password reset", "invitations"]) {
      expect(warning).toContain(feature);
    }
  });

  it("does not warn in development or when SMTP is configured", () => {
    expect(emailWarnings(configWith({}))).toBeUndefined();
    expect(emailWarnings({ ...configWith({ SMTP_URL: smtp.url }), isProduction: true })).toBe(
      undefined,
    );
  });
});
