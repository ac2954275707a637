import { AppError, ERROR_STATUS, type ErrorCode } from "./app-error";

export interface ErrorBody {
  error: { code: ErrorCode; message: string; fields?: Record<string, string> };
}

export interface ErrorResponse {
  status: number;
  body: ErrorBody;
  /** True when the error was not expected and the operator must see it in the logs. */
  unexpected: boolean;
}

// SQLSTATEs that stand for a caller's mistake rather than a fault. An RLS refusal reads as
// not found so that a row of another tenant is indistinguishable from a missing one.
const SQLSTATE_CODES: Record<string, { code: ErrorCode; message: string }> = {
  "42501": { code: "not_found", message: "Not found." },
  "23505": { code: "conflict", message: "It already exists." },
  "23503": { code: "not_found", message: "A referenced item does not exist." },
  "22P02": { code: "bad_request", message: "A value has the wrong format." },
  "23514": { code: "validation_failed", message: "A value is out of range." },
};

/**
 * Turns any thrown value into the JSON error body and HTTP status. Unknown errors become a
 * fixed message; their details belong in the log, never in the response.
 */
export function toErrorResponse(error: unknown): ErrorResponse {
  if (error instanceof AppError) {
    const fields = error.fields === undefined ? {} : { fields: error.fields };
    return {
      status: error.status,
      body: { error: { code: error.code, message: error.message, ...fields } },
      unexpected: error.status >= 500 && error.code !== "not_configured",
    };
  }

  const known = SQLSTATE_CODES[sqlStateOf(error) ?? ""];
  if (known !== undefined) {
    return { status: ERROR_STATUS[known.code], body: { error: known }, unexpected: false };
  }
  return {
    status: 500,
    body: { error: { code: "internal", message: "Something went wrong on our side." } },
    unexpected: true,
  };
}

function sqlStateOf(error: unknown): string | undefined {
  if (error !== null && typeof error === "object" && "code" in error) {
    const code = (error as { code: unknown }).code;
    return typeof code === "string" ? code : undefined;
  }
  return undefined;
}
