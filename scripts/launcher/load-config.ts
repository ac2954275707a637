import { type Config, ConfigError, getConfig } from "@sovra/config";

/**
 * The validated config, or undefined after printing why there is none. A configuration
 * problem is the operator's to fix, so it is shown as the list of problems, without a stack.
 */
export function loadConfigOrExplain(): Readonly<Config> | undefined {
  try {
    return getConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error(error.message);
      return undefined;
    }
    throw error;
  }
}
