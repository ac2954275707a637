import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";

import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";

import { MigrationError } from "../src/errors";
import { migrate } from "../src/migrate";
import { MIGRATION_IDS } from "../src/migration-manifest";
import { getMigrationStatus } from "../src/migration-status";
import { createPool } from "../src/pool";
import { createTestDatabase, type TestDatabase } from "../src/testing";

let db: TestDatabase;

beforeAll(async () => {
  db = await createTestDatabase({ migrate: false });
});

afterAll(async () => {
  await db?.drop();
});

describe("the project's migrations", () => {
  it("apply once even when two runners start together, then are a no-op", async () => {
    const other = createPool({ url: db.url, max: 2 });
    const [first, second] = await Promise.all([migrate(db.pool), migrate(other)]).finally(() =>
      other.end(),
    );

    const appliedByEither = [...first.applied, ...second.applied].sort();
    expect(appliedByEither).toEqual([...MIGRATION_IDS]);

    const again = await migrate(db.pool);
    expect(again).toEqual({ applied: [], alreadyApplied: [...MIGRATION_IDS] });

    const recorded = await db.pool.query("select id from sovra.schema_migrations order by id");
    expect(recorded.rows.map((row) => row.id)).toEqual([...MIGRATION_IDS]);
    expect(await getMigrationStatus(db.pool)).toEqual({
      applied: MIGRATION_IDS.length,
      pending: [],
      unknown: [],
    });
  });
});

describe("a migrations folder of its own", () => {
  let directory: string;
  let scratch: TestDatabase;

  beforeAll(async () => {
    scratch = await createTestDatabase({ migrate: false });
  });

  afterAll(async () => {
    await scratch?.drop();
  });

  afterEach(async () => {
    await rm(directory, { recursive: true, force: true });
  });

  async function folder(files: Record<string, string>): Promise<string> {
    directory = await mkdtemp(join(tmpdir(), "sovra-migrations-"));
    for (const [name, sql] of Object.entries(files)) {
      await writeFile(join(directory, name), sql);
    }
    return directory;
  }

  it("rolls a failing migration back whole and names it", async () => {
    const dir = await folder({
      "a1_ok.sql": "create table probe_ok (id int);",
      "a2_bad.sql": "create table probe_half (id int);\nselect 1 / 0;",
    });

    const run = migrate(scratch.pool, { directory: dir, manifest: ["a1_ok", "a2_bad"] });

    await expect(run).rejects.toBeInstanceOf(MigrationError);
    await expect(run).rejects.toMatchObject({ migrationId: "a2_bad" });
    const tables = await scratch.pool.query(
      "select to_regclass('probe_ok') as ok, to_regclass('probe_half') as half",
    );
    expect(tables.rows[0]).toEqual({ ok: "probe_ok", half: null });
  });

  it("refuses a migration whose file changed after it was applied", async () => {
    const dir = await folder({ "b1.sql": "create table probe_changed (id int);" });
    await migrate(scratch.pool, { directory: dir, manifest: ["b1"] });
    await writeFile(join(dir, "b1.sql"), "create table probe_changed (id bigint);");

    await expect(migrate(scratch.pool, { directory: dir, manifest: ["b1"] })).rejects.toThrow(
      /b1 failed: its file changed/,
    );
  });

  it("refuses a file that the manifest does not list", async () => {
    const dir = await folder({ "c1.sql": "select 1;", "c2.sql": "select 2;" });
    await expect(migrate(scratch.pool, { directory: dir, manifest: ["c1"] })).rejects.toThrow(
      /c2 failed: the file is not listed/,
    );
  });
});
