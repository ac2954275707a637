import type { Config, Logger } from "@sovra/config";

import type { Mailer } from "./mailer";
import { createOutboxMailer } from "./outbox-mailer";
import { createSmtpMailer } from "./smtp-mailer";

/** SMTP when `SMTP_URL` is set, otherwise the development outbox in the data directory. */
export function createMailer(config: Readonly<Config>, logger: Logger): Mailer {
  const { smtpUrl, from } = config.email;
  if (smtpUrl !== undefined) {
    return createSmtpMailer({ smtpUrl, from });
  }
  return createOutboxMailer({ dataDir: config.dataDir, logger });
}

/**
 * The start-up warning for a production deployment without a mail server, naming what will
 * not work; undefined when there is nothing to warn about.
 */
export function emailWarnings(config: Readonly<Config>): string | undefined {
  if (!config.isProduction || config.email.smtpUrl !== undefined) {
    return undefined;
  }
  return (
    "SMTP_URL is not set: no email leaves this server. Email verification, password reset " +
    "and tenant invitations will not reach anyone; messages are only kept in the outbox at " +
    `${config.dataDir}/outbox.jsonl.`
  );
}
