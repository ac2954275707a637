import type { RawEnv } from "./env-schema";

export const MIN_SECRET_LENGTH = 32;

export interface ConfigProblem {
  variable: string;
  message: string;
}

const SECRET_VARIABLES = [
  "INTERNAL_API_SECRET",
  "SOCKET_TOKEN_SECRET",
  "SUPABASE_JWT_SECRET",
  "BETTER_AUTH_SECRET",
] as const;

/** Secrets shorter than the minimum are refused in every environment, not only production. */
export function checkSecretLengths(env: RawEnv): ConfigProblem[] {
  return SECRET_VARIABLES.flatMap((variable) => {
    const value = env[variable];
    if (value === undefined || value.length >= MIN_SECRET_LENGTH) {
      return [];
    }
    return [{ variable, message: `must be at least ${MIN_SECRET_LENGTH} characters` }];
  });
}

const OAUTH_PAIRS = [
  ["GITHUB_CLIENT_ID", "GITHUB_CLIENT_SECRET"],
  ["GOOGLE_CLIENT_ID", "GOOGLE_CLIENT_SECRET"],
] as const;

/** An OAuth client needs both halves; one alone is a typo waiting to surface at sign-in. */
export function checkOAuthPairs(env: RawEnv): ConfigProblem[] {
  return OAUTH_PAIRS.flatMap(([id, secret]) => {
    if ((env[id] === undefined) === (env[secret] === undefined)) {
      return [];
    }
    const missing = env[id] === undefined ? id : secret;
    return [{ variable: missing, message: "is required when the other half is set" }];
  });
}

/**
 * Rules that make a production start fail closed: every problem is reported at once so an
 * operator fixes the deployment in one pass.
 */
export function checkProductionRules(env: RawEnv): ConfigProblem[] {
  if (env.NODE_ENV !== "production") {
    return [];
  }

  const problems: ConfigProblem[] = [];
  if (env.INTERNAL_API_SECRET === undefined) {
    problems.push({ variable: "INTERNAL_API_SECRET", message: "is required in production" });
  }
  if (env.SOCKET_TOKEN_SECRET === undefined && env.SUPABASE_JWT_SECRET === undefined) {
    problems.push({
      variable: "SOCKET_TOKEN_SECRET",
      message: "is required in production (SUPABASE_JWT_SECRET is accepted as its name)",
    });
  }
  if (env.BETTER_AUTH_SECRET === undefined) {
    problems.push({ variable: "BETTER_AUTH_SECRET", message: "is required in production" });
  }
  if (splitOrigins(env.SOCKETIO_ALLOWED_ORIGINS ?? "").includes("*")) {
    problems.push({
      variable: "SOCKETIO_ALLOWED_ORIGINS",
      message: "may not be * in production; list the allowed origins",
    });
  }
  if (env.APP_URL === undefined) {
    problems.push({ variable: "APP_URL", message: "is required in production" });
  }
  return problems;
}

export function splitOrigins(value: string): string[] {
  return value
    .split(",")
    .map((origin) => origin.trim())
    .filter((origin) => origin !== "");
}
