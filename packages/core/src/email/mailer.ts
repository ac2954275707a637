/** One email, with both bodies: clients that cannot render HTML fall back to the text. */
export interface EmailMessage {
  to: string;
  subject: string;
  text: string;
  html: string;
}

/** Sends email; the SMTP and development-outbox implementations share this shape. */
export interface Mailer {
  /**
   * Sends one message.
   * @throws AppError `unavailable` when the message could not be handed over.
   */
  send(message: EmailMessage): Promise<void>;
}
