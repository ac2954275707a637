import { describe, expect, it } from "vitest";

import { AppError } from "../src/errors/app-error";
import { toErrorResponse } from "../src/errors/to-error-body";

describe("toErrorResponse", () => {
  it.each([
    [new AppError("bad_request", "Bad."), 400, "bad_request"],
    [new AppError("validation_failed", "Bad field."), 422, "validation_failed"],
    [new AppError("unauthenticated", "Sign in."), 401, "unauthenticated"],
    [new AppError("forbidden", "No."), 403, "forbidden"],
    [new AppError("not_found", "Gone."), 404, "not_found"],
    [new AppError("conflict", "Taken."), 409, "conflict"],
    [new AppError("rate_limited", "Slow down.", { retryAfter: 3 }), 429, "rate_limited"],
    [new AppError("not_configured", "Set OPENAI_API_KEY."), 503, "not_configured"],
  ])("maps %s to %i", (error, status, code) => {
    const response = toErrorResponse(error);
    expect(response.status).toBe(status);
    expect(response.body).toEqual({ error: { code, message: error.message } });
    expect(response.unexpected).toBe(false);
  });

  it("keeps field errors of a validation failure", () => {
    const error = new AppError("validation_failed", "Check the form.", {
      fields: { name: "Required" },
    });
    expect(toErrorResponse(error).body.error.fields).toEqual({ name: "Required" });
  });

  it("hides an unexpected error's message behind a fixed one", () => {
    const response = toErrorResponse(new Error("password=hunter2 at db.internal:5432"));
    expect(response).toEqual({
      status: 500,
      body: { error: { code: "internal", message: "Something went wrong on our side." } },
      unexpected: true,
    });
  });

  it.each([
    ["42501", 404, "not_found"],
    ["23505", 409, "conflict"],
    ["23503", 404, "not_found"],
    ["22P02", 400, "bad_request"],
  ])("maps SQLSTATE %s to %i without revealing the row", (sqlState, status, code) => {
    const dbError = Object.assign(new Error("new row violates row-level security"), {
      code: sqlState,
    });
    const response = toErrorResponse(dbError);
    expect(response.status).toBe(status);
    expect(response.body.error.code).toBe(code);
    expect(response.body.error.message).not.toMatch(/row-level/);
  });
});
