import type { LaunchUrls } from "./urls";

/** The human-facing summary once everything answers; never includes a credential. */
export function printBanner(urls: LaunchUrls, database: string, dev: boolean): void {
  const rows: [string, string][] = [
    ["Web", urls.web],
    ["API health", urls.apiHealth],
    ["Worker health", urls.workerHealth],
    ["Database", database],
  ];
  const lines = rows.map(([label, value]) => `  ${label.padEnd(14)} ${value}`);
  const mode = dev ? " in development mode (hot reload)" : "";

  console.log(`\nSovra is running${mode}.\n${lines.join("\n")}\nPress Ctrl-C to stop.\n`);
}
