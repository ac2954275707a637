import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { createTestDatabase, type TestDatabase } from "../src/testing";
import { SPECIALLY_TESTED_TABLES, TENANT_TABLES } from "./fixtures/tenant-tables";

let db: TestDatabase;

beforeAll(async () => {
  db = await createTestDatabase();
});

afterAll(async () => {
  await db?.drop();
});

async function rows<T>(text: string): Promise<T[]> {
  const result = await db.pool.query(text);
  return result.rows as T[];
}

const APP_SCHEMAS = "('public', 'sovra')";

describe("catalog rules", () => {
  it("forces RLS on every table", async () => {
    const unprotected = await rows<{ table: string }>(`
      select c.relname as table
      from pg_class c join pg_namespace n on n.oid = c.relnamespace
      where n.nspname = 'public' and c.relkind in ('r', 'p')
        and not (c.relrowsecurity and c.relforcerowsecurity)`);
    expect(unprotected).toEqual([]);
  });

  it("creates views with security_invoker only", async () => {
    const views = await rows<{ view: string; options: string[] | null }>(`
      select c.relname as view, c.reloptions as options
      from pg_class c join pg_namespace n on n.oid = c.relnamespace
      where n.nspname in ${APP_SCHEMAS} and c.relkind in ('v', 'm')`);
    const definer = views.filter(
      (view) =>
        !(view.options ?? []).some((option) => /^security_invoker=(true|on|1)$/.test(option)),
    );

    expect(views.length).toBeGreaterThan(0);
    expect(definer).toEqual([]);
  });

  it("pins search_path on security-definer functions, not executable by clients", async () => {
    const functions = await rows<{ name: string; config: string[] | null; executable: boolean }>(`
      select p.oid::regprocedure::text as name, p.proconfig as config,
             has_function_privilege('sovra_app', p.oid, 'execute') as executable
      from pg_proc p join pg_namespace n on n.oid = p.pronamespace
      where p.prosecdef
        and n.nspname not in ('pg_catalog', 'information_schema')
        and not exists (
          select 1 from pg_depend d where d.objid = p.oid and d.deptype = 'e'
        )`);
    const unsafe = functions.filter(
      (fn) =>
        fn.executable || !(fn.config ?? []).some((setting) => setting.startsWith("search_path=")),
    );

    expect(functions.length).toBeGreaterThan(0);
    expect(unsafe).toEqual([]);
  });

  it("gives every update policy a WITH CHECK", async () => {
    const open = await rows<{ policy: string }>(`
      select tablename || '.' || policyname as policy from pg_policies
      where schemaname = 'public' and cmd in ('UPDATE', 'ALL') and with_check is null`);
    expect(open).toEqual([]);
  });

  it("wraps claim functions in a sub-select so they run once per statement", async () => {
    const policies = await rows<{ policy: string; text: string }>(`
      select tablename || '.' || policyname as policy,
             coalesce(qual, '') || ' ' || coalesce(with_check, '') as text
      from pg_policies where schemaname = 'public'`);
    const claimFunction = String.raw`(auth\.uid|sovra\.current_tenant_id|sovra\.member_tenant_id)`;
    const claimCall = new RegExp(String.raw`${claimFunction}\(`);
    const wrapped = new RegExp(
      String.raw`\(\s*SELECT\s+${claimFunction}\([^()]*\)\s+AS\s+\w+\s*\)`,
      "g",
    );
    const bare = policies.filter((policy) => claimCall.test(policy.text.replace(wrapped, "")));

    expect(policies.length).toBeGreaterThan(0);
    expect(bare.map((policy) => policy.policy)).toEqual([]);
  });

  it("indexes tenant_id on every tenant-owned table", async () => {
    const unindexed = await rows<{ table: string }>(`
      select c.relname as table
      from pg_class c
      join pg_namespace n on n.oid = c.relnamespace
      join pg_attribute a on a.attrelid = c.oid and a.attname = 'tenant_id'
      where n.nspname = 'public' and c.relkind = 'r'
        and not exists (
          select 1 from pg_index i where i.indrelid = c.oid and i.indkey[0] = a.attnum
        )`);
    expect(unindexed).toEqual([]);
  });

  it("keeps the client role unprivileged", async () => {
    const role = await rows<{ super: boolean; bypass: boolean; login: boolean; owns: number }>(`
      select r.rolsuper as super, r.rolbypassrls as bypass, r.rolcanlogin as login,
             (select count(*)::int from pg_class c where c.relowner = r.oid) as owns
      from pg_roles r where r.rolname = 'sovra_app'`);
    expect(role).toEqual([{ super: false, bypass: false, login: false, owns: 0 }]);
  });

  it("covers every tenant-owned table in the isolation suite", async () => {
    const tables = await rows<{ table: string }>(`
      select c.relname as table
      from pg_class c
      join pg_namespace n on n.oid = c.relnamespace
      join pg_attribute a on a.attrelid = c.oid and a.attname = 'tenant_id' and not a.attisdropped
      where n.nspname = 'public' and c.relkind = 'r'
      order by 1`);
    const covered = [...TENANT_TABLES.map((spec) => spec.table), ...SPECIALLY_TESTED_TABLES];

    expect(tables.map((row) => row.table)).toEqual([...covered].sort());
  });
});
