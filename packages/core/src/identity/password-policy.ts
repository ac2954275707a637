import { COMMON_PASSWORDS } from "./common-passwords";

export const MIN_PASSWORD_LENGTH = 10;
export const MAX_PASSWORD_LENGTH = 128;

// Local parts this short ("a@", "jo@") occur inside too many good passwords to refuse them.
const MIN_LOCAL_PART_LENGTH = 3;

/**
 * Checks a new password against Sovra's rules: 10 to 128 characters, not a common password
 * (or one with digits and symbols appended), not one short pattern repeated, and not
 * containing the local part of the account's email.
 * @returns the message to show, or undefined when the password is acceptable.
 */
export function passwordProblem(password: string, email: string | undefined): string | undefined {
  if (password.length < MIN_PASSWORD_LENGTH) {
    return `Use at least ${MIN_PASSWORD_LENGTH} characters for the password.`;
  }

  if (password.length > MAX_PASSWORD_LENGTH) {
    return `Use at most ${MAX_PASSWORD_LENGTH} characters for the password.`;
  }

  if (isCommon(password)) {
    return "This password is one of the most common ones; choose one that is harder to guess.";
  }

  if (containsLocalPart(password, email)) {
    return "The password must not contain your email address or its name part.";
  }
  return undefined;
}

function isCommon(password: string): boolean {
  const lower = password.toLowerCase();
  const stem = lower.replace(/[^a-z]+$/u, "");
  const repeated = /^(.{1,4})\1+$/u.test(lower);
  return repeated || COMMON_PASSWORDS.has(lower) || COMMON_PASSWORDS.has(stem);
}

function containsLocalPart(password: string, email: string | undefined): boolean {
  const localPart = email?.split("@")[0]?.toLowerCase() ?? "";
  return localPart.length >= MIN_LOCAL_PART_LENGTH && password.toLowerCase().includes(localPart);
}
