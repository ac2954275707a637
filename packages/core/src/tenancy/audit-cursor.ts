import { z } from "zod";

import { AppError } from "../errors/app-error";

/** Where a page of the audit log ended: the last entry's exact time (microseconds) and id. */
export interface AuditCursor {
  createdAt: string;
  id: string;
}

const cursorSchema = z.tuple([z.iso.datetime({ precision: 6 }), z.uuid()]);

export function encodeAuditCursor(cursor: AuditCursor): string {
  return Buffer.from(JSON.stringify([cursor.createdAt, cursor.id])).toString("base64url");
}

/** @throws AppError `validation_failed` on a cursor this module did not produce. */
export function decodeAuditCursor(value: string): AuditCursor {
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(value, "base64url").toString("utf8"));
  } catch {
    parsed = undefined;
  }

  const result = cursorSchema.safeParse(parsed);
  if (!result.success) {
    const message = "This page cursor is not valid.";
    throw new AppError("validation_failed", message, { fields: { before: message } });
  }
  return { createdAt: result.data[0], id: result.data[1] };
}
