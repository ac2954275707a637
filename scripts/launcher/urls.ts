import type { Config } from "@sovra/config";

import type { ReadinessTarget } from "./readiness";

export interface LaunchUrls {
  web: string;
  apiHealth: string;
  workerHealth: string;
}

/** The URLs people use; APP_URL when set, so a proxied deployment prints its public address. */
export function launchUrls(config: Readonly<Config>): LaunchUrls {
  const web = config.web.publicUrl.replace(/\/+$/, "");
  return { web, apiHealth: `${web}/api/health`, workerHealth: config.worker.healthUrl };
}

/** What the launcher polls: the bound addresses, which answer before any proxy does. */
export function readinessTargets(config: Readonly<Config>): ReadinessTarget[] {
  const worker = `http://${reachable(config.worker.host)}:${config.worker.httpPort}`;
  const web = `http://${reachable(config.web.host)}:${config.web.port}`;
  return [
    { name: "worker", url: `${worker}/health/live` },
    { name: "web", url: `${web}/api/health` },
  ];
}

// A wildcard bind address accepts connections but cannot be dialled on every platform.
function reachable(host: string): string {
  if (host === "0.0.0.0") {
    return "127.0.0.1";
  }
  if (host === "::" || host === "[::]") {
    return "[::1]";
  }
  return host.includes(":") && !host.startsWith("[") ? `[${host}]` : host;
}
