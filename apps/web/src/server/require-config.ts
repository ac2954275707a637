import { ConfigError, getConfig } from "@sovra/config";

/**
 * Stops the server when the environment is invalid, with one line per problem and no stack:
 * without this, Next keeps running and fails every request with the same trace.
 */
export function requireConfig(): void {
  try {
    getConfig();
  } catch (error) {
    if (!(error instanceof ConfigError)) {
      throw error;
    }
    process.stderr.write(`web: ${error.message}\n`);
    process.exit(1);
  }
}
