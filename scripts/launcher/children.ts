import type { Config } from "@sovra/config";

import { type ChildEnv, inheritedEnv } from "./child-env";
import { type ManagedChild, startChild } from "./child-process";
import { nextCli, REPO_ROOT, tsxCli, WEB_DIR, WORKER_ENTRY } from "./paths";
import type { LocalSecrets } from "./secrets";

/**
 * The environment web and worker share: the operator's own, plus what the launcher decided.
 * Ports and the data directory are written out so every child resolves them the same way,
 * whatever its working directory (a relative SOVRA_DATA_DIR would land inside apps/web).
 */
export function childEnvironment(
  config: Readonly<Config>,
  databaseUrl: string,
  secrets: LocalSecrets,
): ChildEnv {
  return inheritedEnv({
    ...secrets,
    DATABASE_URL: databaseUrl,
    SOVRA_DATA_DIR: config.dataDir,
    APP_URL: config.web.publicUrl,
    PORT: String(config.web.port),
    WEB_HOST: config.web.host,
    HOSTNAME: config.web.host,
    SOCKETIO_ALLOWED_ORIGINS: config.worker.allowedOrigins.join(","),
    // Next's telemetry runs in a detached process that would outlive the launcher's stop.
    NEXT_TELEMETRY_DISABLED: "1",
    WORKER_HOST: config.worker.host,
    HTTP_PORT: String(config.worker.httpPort),
    GRPC_PORT: String(config.worker.grpcPort),
    MCP_PORT: String(config.worker.mcpPort),
    SOCKETIO_PORT: String(config.worker.socketioPort),
  });
}

// Next.js picks its mode from NODE_ENV and warns (or builds wrongly) when it does not match
// the command, so the web app always gets the one its command needs.
export function webEnvironment(env: ChildEnv, dev: boolean): ChildEnv {
  return { ...env, NODE_ENV: dev ? "development" : "production" };
}

export function startWorker(env: ChildEnv, dev: boolean): ManagedChild {
  const args = dev ? [tsxCli(), "watch", WORKER_ENTRY] : ["--import", "tsx", WORKER_ENTRY];
  return startChild({ name: "worker", command: process.execPath, args, cwd: REPO_ROOT, env });
}

export function startWeb(config: Readonly<Config>, env: ChildEnv, dev: boolean): ManagedChild {
  const command = dev ? "dev" : "start";
  const address = ["-p", String(config.web.port), "-H", config.web.host];
  return startChild({
    name: "web",
    command: process.execPath,
    args: [nextCli(), command, ...address],
    cwd: WEB_DIR,
    env: webEnvironment(env, dev),
  });
}
