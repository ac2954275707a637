import { betterAuth, type BetterAuthOptions } from "better-auth";

import { type Config, type Logger, MIN_SECRET_LENGTH } from "@sovra/config";
import type { Pool } from "@sovra/db";

import type { Mailer } from "../email/mailer";
import { AppError } from "../errors/app-error";
import { resetPasswordEmail, verificationEmail } from "./auth-emails";
import { betterAuthLogger, logAuthError } from "./auth-logger";
import { accountModel, sessionModel, userModel, verificationModel } from "./auth-schema";
import { passwordPolicyHook } from "./password-hook";
import { MAX_PASSWORD_LENGTH, MIN_PASSWORD_LENGTH } from "./password-policy";

export interface CreateAuthOptions {
  /** An owner pool: the auth tables are system work, outside tenant scope (docs/database.md). */
  pool: Pool;
  config: Readonly<Config>;
  mailer: Mailer;
  logger: Logger;
}

/**
 * Better Auth on Sovra's own identity tables: email and password with verification and
 * reset by email, and GitHub or Google sign-in when their clients are configured.
 * @throws AppError `not_configured` when BETTER_AUTH_SECRET is not set.
 */
export function createAuth({ pool, config, mailer, logger }: CreateAuthOptions) {
  const secret = config.secrets.auth;
  if (secret === undefined) {
    throw new AppError(
      "not_configured",
      "BETTER_AUTH_SECRET is not set: sign-in cannot work without it. " +
        `Set it to a random string of at least ${MIN_SECRET_LENGTH} characters.`,
    );
  }

  return betterAuth({
    appName: "Sovra",
    baseURL: config.web.publicUrl,
    secret,
    database: pool,
    trustedOrigins: [new URL(config.web.publicUrl).origin],
    user: userModel,
    session: sessionModel,
    account: accountModel,
    verification: verificationModel,
    emailAndPassword: passwordOptions(mailer),
    emailVerification: verificationOptions(mailer),
    socialProviders: socialProviders(config),
    hooks: { before: passwordPolicyHook },
    advanced: {
      cookiePrefix: "sovra",
      database: { generateId: "uuid" },
    },
    logger: betterAuthLogger(logger),
    onAPIError: { onError: logAuthError(logger) },
    // A self-hosted install reports nothing to third parties unless its operator decides to.
    telemetry: { enabled: false },
  } satisfies BetterAuthOptions);
}

/** The Better Auth instance Sovra builds. */
export type SovraAuth = ReturnType<typeof createAuth>;

type PasswordOptions = NonNullable<BetterAuthOptions["emailAndPassword"]>;
type VerificationOptions = NonNullable<BetterAuthOptions["emailVerification"]>;

function passwordOptions(mailer: Mailer): PasswordOptions {
  return {
    enabled: true,
    requireEmailVerification: true,
    minPasswordLength: MIN_PASSWORD_LENGTH,
    maxPasswordLength: MAX_PASSWORD_LENGTH,
    // A reset proves control of the mailbox; sessions opened with the old password must end.
    revokeSessionsOnPasswordReset: true,
    sendResetPassword: async ({ user, url }) => {
      await mailer.send(resetPasswordEmail({ to: user.email, name: user.name, url }));
    },
  };
}

function verificationOptions(mailer: Mailer): VerificationOptions {
  return {
    sendOnSignUp: true,
    sendOnSignIn: true,
    autoSignInAfterVerification: true,
    sendVerificationEmail: async ({ user, url }) => {
      await mailer.send(verificationEmail({ to: user.email, name: user.name, url }));
    },
  };
}

function socialProviders(config: Readonly<Config>): BetterAuthOptions["socialProviders"] {
  const { github, google } = config.oauth;
  return {
    ...(github === undefined ? {} : { github: { ...github } }),
    ...(google === undefined ? {} : { google: { ...google } }),
  };
}
