import type { z } from "zod";

import { AppError, parseInput } from "@sovra/core";

const MAX_BODY_BYTES = 64 * 1024;

/**
 * Reads a JSON request body and parses it with `schema`.
 * @throws AppError `bad_request` for a missing, oversized or malformed body;
 * `validation_failed` with field errors when it does not match the schema.
 */
export async function readJson<Schema extends z.ZodType>(
  request: Request,
  schema: Schema,
): Promise<z.output<Schema>> {
  const type = request.headers.get("content-type") ?? "";
  if (!type.toLowerCase().startsWith("application/json")) {
    throw new AppError("bad_request", "Send the body as application/json.");
  }

  const text = await request.text();
  if (Buffer.byteLength(text) > MAX_BODY_BYTES) {
    throw new AppError("bad_request", `The body is larger than ${MAX_BODY_BYTES} bytes.`);
  }

  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    throw new AppError("bad_request", "The body is not valid JSON.");
  }
  return parseInput(schema, body);
}
