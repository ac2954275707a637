import type { ConfigProblem } from "./production-rules";

/** Thrown when the environment cannot start Sovra; the message lists every problem. */
export class ConfigError extends Error {
  readonly problems: readonly ConfigProblem[];

  constructor(problems: readonly ConfigProblem[]) {
    const lines = problems.map((problem) => `  - ${problem.variable} ${problem.message}`);
    super(`Invalid configuration:\n${lines.join("\n")}`);
    this.name = "ConfigError";
    this.problems = problems;
  }
}
