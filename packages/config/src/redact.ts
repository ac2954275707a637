export const REDACTED = "[redacted]";

const SENSITIVE_KEY =
  /pass(word|wd|phrase)?$|secret|token|cookie|authori[sz]ation|api[-_]?key|credential|private[-_]?key|^dsn$/i;

// user:password@ in connection strings such as postgres:// or redis:// URLs.
const URL_CREDENTIALS = /(\b[a-z][a-z0-9+.-]*:\/\/[^:/?#\s@]*):[^@/?#\s]+@/gi;
const BEARER = /\b(Bearer|Basic)\s+[A-Za-z0-9._~+/=-]+/g;

const MAX_DEPTH = 8;

export function isSensitiveKey(key: string): boolean {
  return SENSITIVE_KEY.test(key);
}

export function redactString(value: string): string {
  return value.replace(URL_CREDENTIALS, `$1:${REDACTED}@`).replace(BEARER, `$1 ${REDACTED}`);
}

/**
 * Returns a copy of a log object with the values of sensitive keys replaced, at any depth,
 * and credentials inside strings masked. The input is never mutated.
 */
export function redact(value: unknown, depth = 0, seen = new WeakSet<object>()): unknown {
  if (typeof value === "string") {
    return redactString(value);
  }
  if (value === null || typeof value !== "object") {
    return value;
  }
  if (seen.has(value) || depth >= MAX_DEPTH) {
    return "[truncated]";
  }
  seen.add(value);

  if (Array.isArray(value)) {
    return value.map((item) => redact(item, depth + 1, seen));
  }
  if (value instanceof Error) {
    return redactError(value, depth, seen);
  }
  if (value instanceof Date) {
    return value;
  }

  const copy: Record<string, unknown> = {};
  for (const [key, child] of Object.entries(value)) {
    copy[key] = isSensitiveKey(key) ? REDACTED : redact(child, depth + 1, seen);
  }
  return copy;
}

function redactError(error: Error, depth: number, seen: WeakSet<object>): Record<string, unknown> {
  const fields: Record<string, unknown> = {
    type: error.name,
    message: redactString(error.message),
    stack: error.stack === undefined ? undefined : redactString(error.stack),
  };
  for (const [key, child] of Object.entries(error)) {
    fields[key] = isSensitiveKey(key) ? REDACTED : redact(child, depth + 1, seen);
  }
  if (error.cause !== undefined) {
    fields.cause = redact(error.cause, depth + 1, seen);
  }
  return fields;
}
