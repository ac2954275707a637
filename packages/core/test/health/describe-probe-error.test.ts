import { describe, expect, it } from "vitest";

import { describeProbeError } from "../../src/health/index";

function systemError(code: string, message: string): Error {
  return Object.assign(new Error(message), { code });
}

describe("describeProbeError", () => {
  const cases: Array<[string, unknown, string]> = [
    [
      "fetch's wrapped cause",
      new TypeError("fetch failed", {
        cause: systemError("ECONNREFUSED", "connect ECONNREFUSED 127.0.0.1:8080"),
      }),
      "ECONNREFUSED: connect ECONNREFUSED 127.0.0.1:8080",
    ],
    [
      "an aggregate cause without a message",
      new TypeError("fetch failed", {
        cause: Object.assign(new AggregateError([]), { code: "ECONNREFUSED" }),
      }),
      "ECONNREFUSED",
    ],
    ["a code already in the message", systemError("ENOTFOUND", "ENOTFOUND db"), "ENOTFOUND db"],
    ["a plain error", new Error("socket closed"), "socket closed"],
    ["a string", "boom", "boom"],
    ["nothing useful", undefined, "unreachable"],
    [
      "credentials in a URL",
      new Error("cannot reach rediss://default:tok3n@cache:6380 or http://tok3n@w/health"),
      "cannot reach rediss://cache:6380 or http://w/health",
    ],
  ];

  it.each(cases)("describes %s", (_name, error, expected) => {
    expect(describeProbeError(error)).toBe(expected);
  });

  it("keeps the reason short", () => {
    expect(describeProbeError(new Error("x".repeat(1_000)))).toHaveLength(200);
  });
});
