import type { QueryResultRow } from "pg";

import { InvalidScopeError, wrapDatabaseError } from "./errors";
import type { Pool, PoolClient } from "./pool";

/** The role every scoped transaction runs as; created by the first migration. */
export const APP_ROLE = "sovra_app";

// The JSON claims are what Supabase-style policies read; the two plain settings let
// auth.uid() and sovra.current_tenant_id() skip parsing JSON in every statement.
const SET_CLAIMS = `select set_config('role', $1, true),
  set_config('request.jwt.claims', $2, true),
  set_config('request.jwt.claim.sub', $3, true),
  set_config('request.jwt.claim.tenant_id', $4, true)`;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export interface UserScope {
  userId: string;
}

export interface TenantScope extends UserScope {
  tenantId: string;
}

/** A transaction that runs as sovra_app with the caller's claims; RLS applies to all of it. */
export interface ScopedTransaction {
  query<Row extends QueryResultRow = QueryResultRow>(
    text: string,
    values?: readonly unknown[],
  ): Promise<Row[]>;
  queryOne<Row extends QueryResultRow = QueryResultRow>(
    text: string,
    values?: readonly unknown[],
  ): Promise<Row | undefined>;
}

/**
 * Runs `work` in a transaction that acts for one user inside one tenant: it switches to the
 * non-owner role and sets the claims with transaction-local settings, so nothing survives
 * the transaction on a pooled connection. Commits when `work` resolves, rolls back when it
 * throws.
 * @throws InvalidScopeError when an id is not a UUID; DatabaseError for a failed statement.
 */
export async function withTenantScope<T>(
  pool: Pool,
  scope: TenantScope,
  work: (tx: ScopedTransaction) => Promise<T>,
): Promise<T> {
  assertUuid("userId", scope.userId);
  assertUuid("tenantId", scope.tenantId);
  return runScoped(pool, { sub: scope.userId, tenant_id: scope.tenantId }, work);
}

/**
 * Like `withTenantScope` for work that spans no single tenant, such as listing the tenants
 * a user belongs to. Tenant-owned tables return no rows in this scope.
 */
export async function withUserScope<T>(
  pool: Pool,
  scope: UserScope,
  work: (tx: ScopedTransaction) => Promise<T>,
): Promise<T> {
  assertUuid("userId", scope.userId);
  return runScoped(pool, { sub: scope.userId }, work);
}

/**
 * Runs documented system work (docs/database.md) in one transaction on the owner
 * connection, where RLS does not apply. Tenant data goes through `withTenantScope`; this is
 * for the few operations that precede or outlive a tenant scope, such as creating a tenant
 * with its first owner.
 */
export async function withSystemTransaction<T>(
  pool: Pool,
  work: (tx: ScopedTransaction) => Promise<T>,
): Promise<T> {
  return runInTransaction(pool, async () => undefined, work);
}

function runScoped<T>(
  pool: Pool,
  claims: { sub: string; tenant_id?: string },
  work: (tx: ScopedTransaction) => Promise<T>,
): Promise<T> {
  const setClaims = async (client: PoolClient) => {
    await run(client, SET_CLAIMS, [
      APP_ROLE,
      JSON.stringify({ ...claims, role: "authenticated" }),
      claims.sub,
      claims.tenant_id ?? "",
    ]);
  };
  return runInTransaction(pool, setClaims, work);
}

async function runInTransaction<T>(
  pool: Pool,
  prepare: (client: PoolClient) => Promise<void>,
  work: (tx: ScopedTransaction) => Promise<T>,
): Promise<T> {
  const client = await pool.connect();
  let broken: Error | undefined;
  try {
    await run(client, "begin");
    await prepare(client);
    const value = await work(scopedTransaction(client));
    await run(client, "commit");
    return value;
  } catch (error) {
    broken = await rollback(client);
    throw error;
  } finally {
    // A connection whose rollback failed is in an unknown state: destroy it, never reuse it.
    client.release(broken);
  }
}

function scopedTransaction(client: PoolClient): ScopedTransaction {
  return {
    async query(text, values) {
      const result = await run(client, text, values);
      return result.rows;
    },
    async queryOne(text, values) {
      const result = await run(client, text, values);
      return result.rows[0];
    },
  };
}

async function run(client: PoolClient, text: string, values?: readonly unknown[]) {
  try {
    return await client.query(text, values as unknown[] | undefined);
  } catch (error) {
    throw wrapDatabaseError(error, text);
  }
}

async function rollback(client: PoolClient): Promise<Error | undefined> {
  try {
    await client.query("rollback");
    return undefined;
  } catch (error) {
    return error instanceof Error ? error : new Error(String(error));
  }
}

function assertUuid(name: string, value: string): void {
  if (!UUID.test(value)) {
    throw new InvalidScopeError(`${name} must be a UUID`);
  }
}
