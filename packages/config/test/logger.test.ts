import { Writable } from "node:stream";

import { describe, expect, it } from "vitest";

import { createLogger } from "../src/logger";
import { REDACTED, redact } from "../src/redact";

function capture() {
  const lines: Record<string, unknown>[] = [];
  const destination = new Writable({
    write(chunk, _encoding, done) {
      lines.push(JSON.parse(String(chunk)));
      done();
    },
  });
  return { lines, logger: createLogger({ name: "test", level: "info", destination }) };
}

describe("the logger", () => {
  it("redacts secrets, tokens, cookies and passwords at any depth", () => {
    const { lines, logger } = capture();
    logger.info(
      {
        tenantId: "t1",
        request: {
          headers: { authorization: "Bearer abc.def", cookie: "session=xyz", accept: "json" },
          body: { user: { password: "hunter2", email: "a@b.c" }, items: [{ apiKey: "k" }] },
        },
        internalApiSecret: "s3cret",
        refresh_token: "r",
      },
      "request received",
    );

    // The parsed line is arbitrary JSON; the assertions below pin its shape.
    // eslint-disable-next-line @typescript-eslint/no-explicit-any
    const line = lines[0] as Record<string, any>;
    expect(line.tenantId).toBe("t1");
    expect(line.request.headers).toEqual({
      authorization: REDACTED,
      cookie: REDACTED,
      accept: "json",
    });
    expect(line.request.body.user).toEqual({ password: REDACTED, email: "a@b.c" });
    expect(line.request.body.items).toEqual([{ apiKey: REDACTED }]);
    expect(line.internalApiSecret).toBe(REDACTED);
    expect(line.refresh_token).toBe(REDACTED);
    expect(JSON.stringify(line)).not.toMatch(/hunter2|abc\.def|xyz|s3cret/);
  });

  it("masks credentials inside connection strings, bearer headers and error messages", () => {
    const { lines, logger } = capture();
    const error = new Error("connect failed for postgres://sovra:pa55@db:5432/app");
    logger.error({ err: error, url: "redis://:tok3n@cache:6379" }, "Bearer abc123 was refused");

    const text = JSON.stringify(lines[0]);
    expect(text).not.toMatch(/pa55|tok3n|abc123/);
    expect(text).toContain("postgres://sovra:[redacted]@db:5432/app");
  });

  it("does not change the object it was given", () => {
    const input = { password: "p", nested: { token: "t" } };
    redact(input);
    expect(input).toEqual({ password: "p", nested: { token: "t" } });
  });

  it("survives cycles", () => {
    const cyclic: Record<string, unknown> = { name: "loop" };
    cyclic.self = cyclic;
    expect(redact(cyclic)).toEqual({ name: "loop", self: "[truncated]" });
  });
});
