/** Runs once when the server starts, before it answers any request. */
export async function register(): Promise<void> {
  // NEXT_RUNTIME is inlined by Next at build time, not configuration. The Edge runtime
  // (middleware) cannot load pino, so the check runs on Node only.
  // eslint-disable-next-line no-restricted-properties
  if (process.env.NEXT_RUNTIME === "nodejs") {
    const { requireConfig } = await import("./server/require-config");
    requireConfig();
  }
}
