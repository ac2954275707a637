import { createTransport } from "nodemailer";

import { AppError } from "../errors/app-error";
import type { EmailMessage, Mailer } from "./mailer";

export interface SmtpMailerSettings {
  /** For example `smtps://user:password@smtp.example.com:465`. */
  smtpUrl: string;
  from: string;
}

/** A mailer that hands every message to the SMTP server named by the URL. */
export function createSmtpMailer(settings: SmtpMailerSettings): Mailer {
  const transport = createTransport(settings.smtpUrl);

  return {
    async send(message: EmailMessage): Promise<void> {
      try {
        await transport.sendMail({ from: settings.from, ...message });
      } catch (error) {
        // The SMTP URL carries credentials, so the cause is kept but never echoed in the message.
        throw new AppError("unavailable", "The email could not be sent.", { cause: error });
      }
    },
  };
}
