export { createMailer, emailWarnings } from "./create-mailer";
export type { EmailMessage, Mailer } from "./mailer";
export { createOutboxMailer, type OutboxMessage, outboxPath, readOutbox } from "./outbox-mailer";
export { createSmtpMailer, type SmtpMailerSettings } from "./smtp-mailer";
