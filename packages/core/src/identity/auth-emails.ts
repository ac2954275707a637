import type { EmailMessage } from "../email/mailer";

interface LinkEmail {
  to: string;
  name: string;
  url: string;
}

interface LinkText {
  subject: string;
  lead: string;
  footer: string;
}

/** The message that asks a new user to confirm their address. */
export function verificationEmail(email: LinkEmail): EmailMessage {
  return linkMessage(email, {
    subject: "Verify your email for Sovra",
    lead: "Open this link to verify your email address and finish creating your Sovra account:",
    footer: "The link expires in one hour. If you did not sign up, ignore this email.",
  });
}

/** The message that carries a password-reset link. */
export function resetPasswordEmail(email: LinkEmail): EmailMessage {
  return linkMessage(email, {
    subject: "Reset your Sovra password",
    lead: "Open this link to choose a new password for your Sovra account:",
    footer: "The link works once and expires in one hour. If you did not ask for it, ignore this.",
  });
}

function linkMessage({ to, name, url }: LinkEmail, words: LinkText): EmailMessage {
  const text = [`Hello ${name},`, words.lead, url, words.footer].join("\n\n");
  const html = [
    `<p>Hello ${escapeHtml(name)},</p>`,
    `<p>${escapeHtml(words.lead)}</p>`,
    `<p><a href="${escapeHtml(url)}">${escapeHtml(url)}</a></p>`,
    `<p>${escapeHtml(words.footer)}</p>`,
  ].join("\n");
  return { to, subject: words.subject, text, html };
}

// The name is whatever the user typed at sign-up, so it must not become markup.
function escapeHtml(text: string): string {
  return text
    .replaceAll("&", "&amp;")
    .replaceAll("<", "&lt;")
    .replaceAll(">", "&gt;")
    .replaceAll('"', "&quot;")
    .replaceAll("'", "&#39;");
}
