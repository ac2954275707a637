import type { z } from "zod";

import { AppError } from "../errors/app-error";

/**
 * Parses a service's input, turning every zod issue into a field error keyed by its path.
 * @throws AppError `validation_failed` with `fields` when the input does not match.
 */
export function parseInput<Schema extends z.ZodType>(
  schema: Schema,
  input: unknown,
): z.output<Schema> {
  const result = schema.safeParse(input);
  if (result.success) {
    return result.data;
  }

  const fields: Record<string, string> = {};
  for (const issue of result.error.issues) {
    const path = issue.path.map(String).join(".") || "input";
    fields[path] ??= issue.message;
  }
  throw new AppError("validation_failed", `Invalid ${Object.keys(fields).join(", ")}.`, {
    fields,
  });
}
