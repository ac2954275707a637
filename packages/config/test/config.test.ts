import { describe, expect, it } from "vitest";

import { loadConfig } from "../src/config";
import { ConfigError } from "../src/config-error";

const SECRET = "s".repeat(40);

const productionEnv = {
  NODE_ENV: "production",
  INTERNAL_API_SECRET: SECRET,
  SOCKET_TOKEN_SECRET: SECRET,
  BETTER_AUTH_SECRET: SECRET,
  SOCKETIO_ALLOWED_ORIGINS: "https://app.example.com",
  APP_URL: "https://app.example.com",
  DATABASE_URL: "postgres://sovra@db.example.com:5432/sovra",
};

function problemsOf(env: Record<string, string>): string[] {
  try {
    loadConfig(env, "/srv/sovra");
  } catch (error) {
    if (error instanceof ConfigError) {
      return error.problems.map((problem) => problem.variable);
    }
    throw error;
  }
  return [];
}

describe("loadConfig", () => {
  it("gives a working local setup with no variables at all", () => {
    const config = loadConfig({}, "/srv/sovra");

    expect(config.env).toBe("development");
    expect(config.database.url).toBeUndefined();
    expect(config.dataDir).toBe("/srv/sovra/.sovra");
    expect(config.web.port).toBe(3000);
    expect(config.worker).toMatchObject({
      httpPort: 8080,
      grpcPort: 50051,
      mcpPort: 3001,
      socketioPort: 3002,
      healthUrl: "http://127.0.0.1:8080/health",
      allowedOrigins: ["http://localhost:3000"],
      shutdownTimeoutMs: 30_000,
      agentWorkspacePath: "/srv/sovra/.sovra/agent-workspaces",
    });
    expect(config.providers.huggingface.routingPolicy).toBe("fastest");
  });

  it("allows sockets from the public origin unless origins are listed", () => {
    const config = loadConfig({ APP_URL: "https://sovra.example.com/app" }, "/srv/sovra");
    expect(config.worker.allowedOrigins).toEqual(["https://sovra.example.com"]);
  });

  it("returns a frozen object", () => {
    const config = loadConfig({}, "/srv/sovra");
    expect(Object.isFrozen(config)).toBe(true);
    expect(Object.isFrozen(config.worker.allowedOrigins)).toBe(true);
  });

  it("accepts a complete production environment", () => {
    const config = loadConfig(productionEnv, "/srv/sovra");
    expect(config.isProduction).toBe(true);
    expect(config.secrets.socketToken).toBe(SECRET);
  });

  it("accepts SUPABASE_JWT_SECRET as the socket-token secret", () => {
    const env = { ...productionEnv, SOCKET_TOKEN_SECRET: "", SUPABASE_JWT_SECRET: SECRET };
    const config = loadConfig(env, "/srv/sovra");
    expect(config.secrets.socketToken).toBe(SECRET);
  });

  it("fails closed in production, naming every missing secret at once", () => {
    expect(problemsOf({ NODE_ENV: "production" })).toEqual([
      "INTERNAL_API_SECRET",
      "SOCKET_TOKEN_SECRET",
      "BETTER_AUTH_SECRET",
      "APP_URL",
    ]);
  });

  it("refuses wildcard socket origins in production only", () => {
    expect(problemsOf({ ...productionEnv, SOCKETIO_ALLOWED_ORIGINS: "https://a.com, *" })).toEqual([
      "SOCKETIO_ALLOWED_ORIGINS",
    ]);
    expect(problemsOf({ SOCKETIO_ALLOWED_ORIGINS: "*" })).toEqual([]);
  });

  it("refuses short secrets in every environment", () => {
    expect(problemsOf({ INTERNAL_API_SECRET: "short" })).toEqual(["INTERNAL_API_SECRET"]);
    expect(problemsOf({ ...productionEnv, BETTER_AUTH_SECRET: "x".repeat(31) })).toEqual([
      "BETTER_AUTH_SECRET",
    ]);
  });

  it.each([
    ["PORT", "eighty"],
    ["HTTP_PORT", "70000"],
    ["DATABASE_URL", "mysql://db/sovra"],
    ["DATABASE_URL", "not a url"],
    ["REDIS_URL", "http://localhost:6379"],
    ["NODE_ENV", "staging"],
    ["LOG_LEVEL", "loud"],
    ["SHUTDOWN_TIMEOUT_MS", "-1"],
    ["OPENAI_BASE_URL", "api.openai.com"],
    ["SMTP_URL", "http://mail.example.com"],
  ])("names %s when it is malformed (%s)", (variable, value) => {
    expect(problemsOf({ [variable]: value })).toEqual([variable]);
  });

  it("names the missing half of an OAuth client", () => {
    expect(problemsOf({ GITHUB_CLIENT_SECRET: "s" })).toEqual(["GITHUB_CLIENT_ID"]);
    expect(problemsOf({ GOOGLE_CLIENT_ID: "i" })).toEqual(["GOOGLE_CLIENT_SECRET"]);
    const config = loadConfig({ GITHUB_CLIENT_ID: "i", GITHUB_CLIENT_SECRET: "s" });
    expect(config.oauth).toEqual({
      github: { clientId: "i", clientSecret: "s" },
      google: undefined,
    });
  });

  it("puts each problem on its own line of the message", () => {
    expect(() => loadConfig({ PORT: "x", HTTP_PORT: "y" })).toThrow(
      /Invalid configuration:\n {2}- PORT .*\n {2}- HTTP_PORT /,
    );
  });

  it("treats empty strings as unset", () => {
    const config = loadConfig({ DATABASE_URL: "", REDIS_URL: " ", OPENAI_API_KEY: "" });
    expect(config.database.url).toBeUndefined();
    expect(config.redis.url).toBeUndefined();
    expect(config.providers.openai.apiKey).toBeUndefined();
  });
});
