import { isAbsolute, join, resolve } from "node:path";

import { ConfigError } from "./config-error";
import { envSchema, type RawEnv } from "./env-schema";
import {
  checkOAuthPairs,
  checkProductionRules,
  checkSecretLengths,
  type ConfigProblem,
  splitOrigins,
} from "./production-rules";

export interface ProviderSettings {
  apiKey: string | undefined;
  baseUrl: string | undefined;
}

export interface OAuthClient {
  clientId: string;
  clientSecret: string;
}

export interface Config {
  env: RawEnv["NODE_ENV"];
  isProduction: boolean;
  logLevel: RawEnv["LOG_LEVEL"];
  dataDir: string;
  database: {
    /** Undefined means the embedded PGlite default, started by the launcher. */
    url: string | undefined;
    embeddedPort: number;
    poolMax: number;
    connectRetries: number;
  };
  redis: {
    url: string | undefined;
    upstashRestUrl: string | undefined;
    upstashRestToken: string | undefined;
  };
  secrets: {
    internalApi: string | undefined;
    socketToken: string | undefined;
    auth: string | undefined;
  };
  web: { port: number; host: string; publicUrl: string };
  email: {
    /** Undefined means no mail server: messages go to the log and the development outbox. */
    smtpUrl: string | undefined;
    from: string;
  };
  oauth: {
    github: OAuthClient | undefined;
    google: OAuthClient | undefined;
  };
  worker: {
    host: string;
    httpPort: number;
    grpcPort: number;
    mcpPort: number;
    socketioPort: number;
    internalUrl: string;
    healthUrl: string;
    allowedOrigins: string[];
    shutdownTimeoutMs: number;
    agentWorkspacePath: string;
  };
  providers: {
    openai: ProviderSettings;
    anthropic: ProviderSettings;
    huggingface: ProviderSettings & { routingPolicy: string };
    braveSearchApiKey: string | undefined;
  };
  stripe: {
    secretKey: string | undefined;
    webhookSecret: string | undefined;
    publishableKey: string | undefined;
  };
  sentry: { dsn: string | undefined; environment: string | undefined };
  posthog: { apiKey: string | undefined; host: string | undefined };
}

type Env = Record<string, string | undefined>;

/**
 * Parses and validates the environment into a frozen, typed config.
 * @throws ConfigError naming every variable that is missing or malformed.
 */
export function loadConfig(env: Env, cwd: string = process.cwd()): Readonly<Config> {
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) {
    throw new ConfigError(firstPerVariable(parsed.error.issues.map(toProblem)));
  }

  const raw = parsed.data;
  const problems = [
    ...checkSecretLengths(raw),
    ...checkOAuthPairs(raw),
    ...checkProductionRules(raw),
  ];
  if (problems.length > 0) {
    throw new ConfigError(problems);
  }

  return deepFreeze(buildConfig(raw, cwd));
}

function toProblem(issue: { path: PropertyKey[]; message: string }): ConfigProblem {
  const variable = issue.path.map(String).join(".") || "environment";
  return { variable, message: issue.message };
}

function firstPerVariable(problems: ConfigProblem[]): ConfigProblem[] {
  const seen = new Set<string>();
  return problems.filter((problem) => !seen.has(problem.variable) && seen.add(problem.variable));
}

function buildConfig(raw: RawEnv, cwd: string): Config {
  const dataDir = isAbsolute(raw.SOVRA_DATA_DIR)
    ? raw.SOVRA_DATA_DIR
    : resolve(cwd, raw.SOVRA_DATA_DIR);
  const workerHost = raw.WORKER_HOST;
  const publicUrl = raw.APP_URL ?? `http://localhost:${raw.PORT}`;

  return {
    env: raw.NODE_ENV,
    isProduction: raw.NODE_ENV === "production",
    logLevel: raw.LOG_LEVEL,
    dataDir,
    database: {
      url: raw.DATABASE_URL,
      embeddedPort: raw.SOVRA_EMBEDDED_DB_PORT,
      poolMax: raw.DATABASE_POOL_MAX,
      connectRetries: raw.DATABASE_CONNECT_RETRIES,
    },
    redis: {
      url: raw.REDIS_URL,
      upstashRestUrl: raw.UPSTASH_REDIS_REST_URL,
      upstashRestToken: raw.UPSTASH_REDIS_REST_TOKEN,
    },
    secrets: {
      internalApi: raw.INTERNAL_API_SECRET,
      socketToken: raw.SOCKET_TOKEN_SECRET ?? raw.SUPABASE_JWT_SECRET,
      auth: raw.BETTER_AUTH_SECRET,
    },
    web: {
      port: raw.PORT,
      host: raw.WEB_HOST,
      publicUrl,
    },
    email: {
      smtpUrl: raw.SMTP_URL,
      from: raw.EMAIL_FROM ?? `Sovra <no-reply@${new URL(publicUrl).hostname}>`,
    },
    oauth: {
      github: oauthClient(raw.GITHUB_CLIENT_ID, raw.GITHUB_CLIENT_SECRET),
      google: oauthClient(raw.GOOGLE_CLIENT_ID, raw.GOOGLE_CLIENT_SECRET),
    },
    worker: {
      host: workerHost,
      httpPort: raw.HTTP_PORT,
      grpcPort: raw.GRPC_PORT,
      mcpPort: raw.MCP_PORT,
      socketioPort: raw.SOCKETIO_PORT,
      internalUrl: raw.WORKER_INTERNAL_URL ?? `http://${workerHost}:${raw.SOCKETIO_PORT}`,
      healthUrl: raw.WORKER_HEALTH_URL ?? `http://${workerHost}:${raw.HTTP_PORT}/health`,
      allowedOrigins: splitOrigins(raw.SOCKETIO_ALLOWED_ORIGINS ?? new URL(publicUrl).origin),
      shutdownTimeoutMs: raw.SHUTDOWN_TIMEOUT_MS,
      agentWorkspacePath: raw.AGENT_WORKSPACE_PATH ?? join(dataDir, "agent-workspaces"),
    },
    providers: {
      openai: { apiKey: raw.OPENAI_API_KEY, baseUrl: raw.OPENAI_BASE_URL },
      anthropic: { apiKey: raw.ANTHROPIC_API_KEY, baseUrl: raw.ANTHROPIC_BASE_URL },
      huggingface: {
        apiKey: raw.HUGGINGFACE_API_KEY,
        baseUrl: raw.HUGGINGFACE_BASE_URL,
        routingPolicy: raw.HUGGINGFACE_ROUTING_POLICY,
      },
      braveSearchApiKey: raw.BRAVE_SEARCH_API_KEY,
    },
    stripe: {
      secretKey: raw.STRIPE_SECRET_KEY,
      webhookSecret: raw.STRIPE_WEBHOOK_SECRET,
      publishableKey: raw.STRIPE_PUBLISHABLE_KEY,
    },
    sentry: { dsn: raw.SENTRY_DSN, environment: raw.SENTRY_ENVIRONMENT },
    posthog: { apiKey: raw.POSTHOG_API_KEY, host: raw.POSTHOG_HOST },
  };
}

function oauthClient(
  clientId: string | undefined,
  clientSecret: string | undefined,
): OAuthClient | undefined {
  return clientId === undefined || clientSecret === undefined
    ? undefined
    : { clientId, clientSecret };
}

function deepFreeze<T>(value: T): Readonly<T> {
  if (value !== null && typeof value === "object") {
    for (const child of Object.values(value)) {
      deepFreeze(child);
    }
    Object.freeze(value);
  }
  return value;
}

let processConfig: Readonly<Config> | undefined;

/** The config of this process, read from `process.env` once. */
export function getConfig(): Readonly<Config> {
  processConfig ??= loadConfig(process.env);
  return processConfig;
}
