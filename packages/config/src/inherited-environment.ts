/**
 * A copy of this process's environment with overrides, for starting child processes. The
 * operator's variables (PATH, provider keys, NODE_OPTIONS) pass through untouched; values
 * the parent acts on itself still come from getConfig().
 */
export function inheritedEnvironment(
  overrides: Record<string, string | undefined> = {},
): Record<string, string | undefined> {
  return { ...process.env, ...overrides };
}
