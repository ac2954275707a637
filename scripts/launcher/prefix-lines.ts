import { createInterface } from "node:readline";
import type { Readable, Writable } from "node:stream";

/**
 * Copies a child's output line by line with `[name] ` in front, so interleaved output of
 * several processes stays attributable. A last line without a newline is still copied.
 */
export function prefixLines(input: Readable, output: Writable, name: string): Promise<void> {
  const lines = createInterface({ input, crlfDelay: Infinity });
  lines.on("line", (line) => {
    output.write(`[${name}] ${line}\n`);
  });
  return new Promise((resolve) => {
    lines.once("close", resolve);
  });
}
