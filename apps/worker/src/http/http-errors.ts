import type { ServerResponse } from "node:http";

import { ERROR_STATUS, type ErrorCode } from "@sovra/core";

import { sendJson } from "./send-json";

/** Answers `{"error": {"code", "message"}}` with the status core assigns to the code. */
export function sendError(
  res: ServerResponse,
  code: ErrorCode,
  message: string,
  headers: Record<string, string> = {},
): void {
  for (const [name, value] of Object.entries(headers)) {
    res.setHeader(name, value);
  }
  sendJson(res, ERROR_STATUS[code], { error: { code, message } });
}
