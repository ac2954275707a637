export { createAuth, type CreateAuthOptions, type SovraAuth } from "./create-auth";
export { MAX_PASSWORD_LENGTH, MIN_PASSWORD_LENGTH, passwordProblem } from "./password-policy";
export {
  createMailer,
  createOutboxMailer,
  createSmtpMailer,
  type EmailMessage,
  emailWarnings,
  type Mailer,
  type OutboxMessage,
  outboxPath,
  readOutbox,
  type SmtpMailerSettings,
} from "../email";
export { listPlatformAdmins, type PlatformAdmin, setPlatformAdmin } from "./platform-admin";
