// The migration runner and drift: the hand-written SQL must match schema.prisma.
import { readFileSync } from "node:fs";
import path from "node:path";
import { getDMMF } from "@prisma/get-dmmf";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { checksum, migrate, MIGRATIONS_DIR, readMigrations } from "../prisma/migrator";
import { TEST_DATABASE_URL } from "./test-env";

const client = new pg.Client({ connectionString: TEST_DATABASE_URL });
beforeAll(() => client.connect());
afterAll(() => client.end());

/** Prisma's PostgreSQL column type for a scalar without @db attribute. */
const DEFAULT_TYPES: Record<string, string> = {
  String: "text",
  Int: "integer",
  BigInt: "bigint",
  Float: "double precision",
  Boolean: "boolean",
  DateTime: "timestamp(3) without time zone",
  Json: "jsonb",
  Decimal: "numeric(65,30)",
  Bytes: "bytea",
};

function expectedType(field: { kind: string; type: string; nativeType?: readonly unknown[] | null; dbName?: string | null }, enums: Map<string, string>): string {
  if (field.kind === "enum") return `"${enums.get(field.type) ?? field.type}"`;
  const native = field.nativeType as [string, string[]] | null | undefined;
  if (native) {
    const [name, args] = native;
    if (name === "Timestamptz") return `timestamp(${args[0] ?? 6}) with time zone`;
    if (name === "Timestamp") return `timestamp(${args[0] ?? 6}) without time zone`;
    if (name === "Uuid") return "uuid";
    if (name === "VarChar") return `character varying(${args[0]})`;
    return name.toLowerCase();
  }
  return DEFAULT_TYPES[field.type]!;
}

describe("migrations", () => {
  it("records every migration like Prisma Migrate: sha256 checksum, finished, one step", async () => {
    const files = await readMigrations();
    expect(files.length).toBeGreaterThan(0);
    const { rows } = await client.query(`SELECT id, migration_name, checksum, finished_at, rolled_back_at, applied_steps_count FROM "_prisma_migrations" ORDER BY migration_name`);
    expect(rows.map((row) => row.migration_name)).toEqual(files.map((file) => file.name));
    for (const [index, file] of files.entries()) {
      const row = rows[index]!;
      const bytes = readFileSync(path.join(MIGRATIONS_DIR, file.name, "migration.sql"));
      expect(row.checksum).toBe(checksum(bytes));
      expect(row.checksum).toMatch(/^[0-9a-f]{64}$/);
      expect(row.id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
      expect(row.finished_at).toBeInstanceOf(Date);
      expect(row.rolled_back_at).toBeNull();
      expect(row.applied_steps_count).toBe(1);
    }
  });

  it("has Prisma's exact bookkeeping table", async () => {
    const { rows } = await client.query(
      `SELECT column_name, data_type, character_maximum_length, is_nullable, column_default FROM information_schema.columns WHERE table_name = '_prisma_migrations' ORDER BY ordinal_position`,
    );
    expect(rows.map((row) => [row.column_name, row.data_type, row.character_maximum_length, row.is_nullable])).toEqual([
      ["id", "character varying", 36, "NO"],
      ["checksum", "character varying", 64, "NO"],
      ["finished_at", "timestamp with time zone", null, "YES"],
      ["migration_name", "character varying", 255, "NO"],
      ["logs", "text", null, "YES"],
      ["rolled_back_at", "timestamp with time zone", null, "YES"],
      ["started_at", "timestamp with time zone", null, "NO"],
      ["applied_steps_count", "integer", null, "NO"],
    ]);
  });

  it("is idempotent: a second run applies nothing", async () => {
    const result = await migrate(TEST_DATABASE_URL);
    expect(result).toEqual({ applied: [], createdDatabase: false });
  });

  it("creates a missing database, then applies everything in order", async () => {
    const name = `portcheck_migrate_${process.pid}`;
    const url = TEST_DATABASE_URL.replace(/\/[^/]+$/, `/${name}`);
    await client.query(`DROP DATABASE IF EXISTS ${name}`);
    try {
      const result = await migrate(url);
      expect(result.createdDatabase).toBe(true);
      expect(result.applied).toEqual((await readMigrations()).map((file) => file.name));
    } finally {
      await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    }
  });

  it("rolls back a failing migration completely and records nothing", async () => {
    const name = `portcheck_badmig_${process.pid}`;
    const url = TEST_DATABASE_URL.replace(/\/[^/]+$/, `/${name}`);
    const { mkdtemp, mkdir, writeFile } = await import("node:fs/promises");
    const dir = await mkdtemp(path.join((await import("node:os")).tmpdir(), "migrations-"));
    await mkdir(path.join(dir, "20260101000000_good"));
    await writeFile(path.join(dir, "20260101000000_good", "migration.sql"), "CREATE TABLE good (id int);");
    await mkdir(path.join(dir, "20260102000000_bad"));
    await writeFile(path.join(dir, "20260102000000_bad", "migration.sql"), "CREATE TABLE half (id int);\nSELECT * FROM no_such_table;");
    await client.query(`DROP DATABASE IF EXISTS ${name}`);
    try {
      await expect(migrate(url, { dir })).rejects.toThrow(/20260102000000_bad failed and was rolled back/);
      const other = new pg.Client({ connectionString: url });
      await other.connect();
      const tables = await other.query(`SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' ORDER BY table_name`);
      const recorded = await other.query(`SELECT migration_name FROM "_prisma_migrations"`);
      await other.end();
      expect(tables.rows.map((row) => row.table_name)).toEqual(["_prisma_migrations", "good"]);
      expect(recorded.rows.map((row) => row.migration_name)).toEqual(["20260101000000_good"]);
    } finally {
      await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    }
  });

  it("has no drift: every model and field of schema.prisma exists with the right type and nullability", async () => {
    const dmmf = getDMMF({ datamodel: readFileSync(path.join(MIGRATIONS_DIR, "..", "schema.prisma"), "utf8") });
    if ("type" in dmmf) throw dmmf.error;
    const { datamodel } = dmmf;
    const enums = new Map(datamodel.enums.map((item) => [item.name, item.dbName ?? item.name]));
    const { rows } = await client.query(
      `SELECT table_name, column_name, format_type(a.atttypid, a.atttypmod) AS type, c.is_nullable
         FROM information_schema.columns c
         JOIN pg_attribute a ON a.attrelid = (quote_ident(c.table_schema) || '.' || quote_ident(c.table_name))::regclass AND a.attname = c.column_name
        WHERE c.table_schema = 'public'`,
    );
    const columns = new Map(rows.map((row) => [`${row.table_name}.${row.column_name}`, row]));
    let checked = 0;
    for (const model of datamodel.models) {
      for (const field of model.fields) {
        if (field.kind === "object") continue;
        const key = `${model.dbName ?? model.name}.${field.dbName ?? field.name}`;
        const column = columns.get(key);
        expect(column, `${key} is missing from the database`).toBeDefined();
        const type = expectedType(field, enums) + (field.isList ? "[]" : "");
        expect(column.type, `${key} type`).toBe(type);
        // Prisma creates scalar lists without NOT NULL.
        expect(column.is_nullable, `${key} nullability`).toBe(field.isRequired && !field.isList ? "NO" : "YES");
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(10);

    for (const item of datamodel.enums) {
      const { rows: values } = await client.query(`SELECT unnest(enum_range(NULL::"${item.dbName ?? item.name}"))::text AS value`);
      expect(values.map((row) => row.value), `enum ${item.name}`).toEqual(item.values.map((value) => value.dbName ?? value.name));
    }
  });
});
