/** A database call failed. Keeps the statement text, never its parameters. */
export class DatabaseError extends Error {
  readonly query: string | undefined;
  /** The SQLSTATE code, when the server sent one. */
  readonly code: string | undefined;

  constructor(message: string, options: { cause: unknown; query?: string }) {
    super(message, { cause: options.cause });
    this.name = "DatabaseError";
    this.query = options.query;
    this.code = sqlStateOf(options.cause);
  }
}

/** The database could not be reached after every retry. */
export class DatabaseUnavailableError extends Error {
  constructor(message: string, options: { cause: unknown }) {
    super(message, options);
    this.name = "DatabaseUnavailableError";
  }
}

/** A migration failed and was rolled back; the schema is as it was before it. */
export class MigrationError extends Error {
  readonly migrationId: string;

  constructor(migrationId: string, message: string, options?: { cause: unknown }) {
    super(`Migration ${migrationId} failed: ${message}`, options);
    this.name = "MigrationError";
    this.migrationId = migrationId;
  }
}

/** A scope was requested with ids that are not UUIDs. */
export class InvalidScopeError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "InvalidScopeError";
  }
}

export function sqlStateOf(error: unknown): string | undefined {
  if (error !== null && typeof error === "object" && "code" in error) {
    const code = (error as { code: unknown }).code;
    return typeof code === "string" && /^[0-9A-Z]{5}$/.test(code) ? code : undefined;
  }
  return undefined;
}

export function wrapDatabaseError(error: unknown, query: string): DatabaseError {
  if (error instanceof DatabaseError) {
    return error;
  }
  const message = error instanceof Error ? error.message : String(error);
  return new DatabaseError(message, { cause: error, query });
}
