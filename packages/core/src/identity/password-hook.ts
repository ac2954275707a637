import { APIError, createAuthMiddleware, getSessionFromCtx } from "better-auth/api";

import { passwordProblem } from "./password-policy";

type HookContext = Parameters<Parameters<typeof createAuthMiddleware>[0]>[0];

interface PasswordChange {
  password: string;
  email: string | undefined;
}

/**
 * Better Auth has no password-strength option, so this `before` hook applies Sovra's password
 * policy to every endpoint that sets a password, ahead of Better Auth's own length checks.
 */
export const passwordPolicyHook = createAuthMiddleware(async (ctx) => {
  const change = await passwordChangeOf(ctx);
  if (change === undefined) {
    return;
  }

  const problem = passwordProblem(change.password, change.email);
  if (problem !== undefined) {
    throw new APIError("BAD_REQUEST", { code: "WEAK_PASSWORD", message: problem });
  }
});

async function passwordChangeOf(ctx: HookContext): Promise<PasswordChange | undefined> {
  const body = (ctx.body ?? {}) as Record<string, unknown>;

  switch (ctx.path) {
    case "/sign-up/email":
      return withPassword(body.password, stringOrUndefined(body.email));
    case "/reset-password":
      return withPassword(body.newPassword, await resetTokenEmail(ctx, body.token));
    case "/change-password":
    case "/set-password":
      return withPassword(body.newPassword, (await getSessionFromCtx(ctx))?.user.email);
    default:
      return undefined;
  }
}

function withPassword(password: unknown, email: string | undefined): PasswordChange | undefined {
  // A missing or non-string password is left to Better Auth's body schema to refuse.
  return typeof password === "string" ? { password, email } : undefined;
}

// The reset request carries only the token; the user it was issued for gives the email.
async function resetTokenEmail(ctx: HookContext, token: unknown): Promise<string | undefined> {
  const value = typeof token === "string" ? token : stringOrUndefined(ctx.query?.token);
  if (value === undefined) {
    return undefined;
  }

  const adapter = ctx.context.internalAdapter;
  const verification = await adapter.findVerificationValue(`reset-password:${value}`);
  if (verification === null || verification === undefined) {
    return undefined;
  }
  return (await adapter.findUserById(verification.value))?.email;
}

function stringOrUndefined(value: unknown): string | undefined {
  return typeof value === "string" ? value : undefined;
}
