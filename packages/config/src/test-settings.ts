const LOCAL_REDIS_URL = "redis://127.0.0.1:6379";

export interface TestSettings {
  /** A Postgres server to create throw-away databases on; undefined means embedded PGlite. */
  databaseUrl: string | undefined;
  /** REDIS_URL, or the standard local server; suites probe it and skip when it is absent. */
  redisUrl: string;
  /** Set by CI: a suite that would skip for a missing service fails instead. */
  requireAll: boolean;
}

/** Settings for test helpers, read from the environment once per call. */
export function getTestSettings(
  env: Record<string, string | undefined> = process.env,
): TestSettings {
  return {
    databaseUrl: nonEmpty(env.DATABASE_URL),
    redisUrl: nonEmpty(env.REDIS_URL) ?? LOCAL_REDIS_URL,
    requireAll: env.SOVRA_TEST_REQUIRE_ALL === "1" || env.SOVRA_TEST_REQUIRE_ALL === "true",
  };
}

function nonEmpty(value: string | undefined): string | undefined {
  return value === undefined || value.trim() === "" ? undefined : value.trim();
}
