import { z } from "zod";

const optionalText = z
  .string()
  .trim()
  .transform((value) => (value === "" ? undefined : value))
  .optional();

const port = z.coerce
  .number({ error: "must be a port number" })
  .int("must be a whole number")
  .min(1, "must be between 1 and 65535")
  .max(65535, "must be between 1 and 65535");

const url = z
  .string()
  .trim()
  .transform((value) => (value === "" ? undefined : value))
  .pipe(z.url({ error: "must be an absolute URL" }).optional())
  .optional();

const postgresUrl = url.refine(
  (value) => value === undefined || /^postgres(ql)?:\/\//.test(value),
  "must start with postgres:// or postgresql://",
);

const redisUrl = url.refine(
  (value) => value === undefined || /^rediss?:\/\//.test(value),
  "must start with redis:// or rediss://",
);

const positiveInt = z.coerce
  .number({ error: "must be a number" })
  .int("must be a whole number")
  .positive("must be greater than zero");

/**
 * Every environment variable Sovra reads, with its local default. Production rules that
 * depend on several variables live in `production-rules.ts`.
 */
export const envSchema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),

  SOVRA_DATA_DIR: z.string().trim().min(1).default(".sovra"),
  SOVRA_EMBEDDED_DB_PORT: port.default(54329),
  DATABASE_URL: postgresUrl,
  DATABASE_POOL_MAX: positiveInt.max(200, "must be at most 200").default(10),
  DATABASE_CONNECT_RETRIES: z.coerce.number().int().min(0).max(100).default(10),

  REDIS_URL: redisUrl,
  UPSTASH_REDIS_REST_URL: url,
  UPSTASH_REDIS_REST_TOKEN: optionalText,

  INTERNAL_API_SECRET: optionalText,
  SOCKET_TOKEN_SECRET: optionalText,
  SUPABASE_JWT_SECRET: optionalText,
  BETTER_AUTH_SECRET: optionalText,
  SOCKETIO_ALLOWED_ORIGINS: optionalText,

  PORT: port.default(3000),
  WEB_HOST: z.string().trim().min(1).default("127.0.0.1"),
  APP_URL: url,
  HTTP_PORT: port.default(8080),
  GRPC_PORT: port.default(50051),
  MCP_PORT: port.default(3001),
  SOCKETIO_PORT: port.default(3002),
  WORKER_HOST: z.string().trim().min(1).default("127.0.0.1"),
  WORKER_INTERNAL_URL: url,
  WORKER_HEALTH_URL: url,
  AGENT_WORKSPACE_PATH: optionalText,
  SHUTDOWN_TIMEOUT_MS: positiveInt.max(600_000, "must be at most 600000").default(30_000),

  SMTP_URL: url.refine(
    (value) => value === undefined || /^smtps?:\/\//.test(value),
    "must start with smtp:// or smtps://",
  ),
  EMAIL_FROM: optionalText,
  GITHUB_CLIENT_ID: optionalText,
  GITHUB_CLIENT_SECRET: optionalText,
  GOOGLE_CLIENT_ID: optionalText,
  GOOGLE_CLIENT_SECRET: optionalText,

  OPENAI_API_KEY: optionalText,
  OPENAI_BASE_URL: url,
  ANTHROPIC_API_KEY: optionalText,
  ANTHROPIC_BASE_URL: url,
  HUGGINGFACE_API_KEY: optionalText,
  HUGGINGFACE_BASE_URL: url,
  HUGGINGFACE_ROUTING_POLICY: z.string().trim().min(1).default("fastest"),
  BRAVE_SEARCH_API_KEY: optionalText,

  STRIPE_SECRET_KEY: optionalText,
  STRIPE_WEBHOOK_SECRET: optionalText,
  STRIPE_PUBLISHABLE_KEY: optionalText,
  SENTRY_DSN: url,
  SENTRY_ENVIRONMENT: optionalText,
  POSTHOG_API_KEY: optionalText,
  POSTHOG_HOST: url,
});

export type RawEnv = z.infer<typeof envSchema>;
