import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { sql } from "kysely";
import ts from "typescript";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../src/testing/test-database";

// schema.ts is written by hand; this holds it to the migrated schema. The
// `Database` interface is read with the TypeScript checker (types are gone at
// run time) and compared with information_schema, column by column.

const schemaPath = join(dirname(fileURLToPath(import.meta.url)), "../src/schema.ts");

/** What a column's declared type says, in the terms the catalog can confirm. */
interface Declared {
  /** Read type without null: string, number, boolean, Date, or other (json and the like). */
  kind: string;
  /** null when the read type is `unknown` (read through a parser): it says nothing either way. */
  nullable: boolean | null;
  /** An insert may leave it out (Generated, or `undefined` in the insert type). */
  insertOptional: boolean;
  /** An insert may not set it at all (`never`): the database fills it. */
  insertNever: boolean;
}

interface Catalog {
  kind: string;
  nullable: boolean;
  hasDefault: boolean;
}

/** The CamelCasePlugin's mapping (connect.ts), from a schema.ts name to the SQL one. */
function snake(name: string): string {
  return name.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);
}

function declaredSchema(): Map<string, Map<string, Declared>> {
  const program = ts.createProgram([schemaPath], {
    strict: true,
    target: ts.ScriptTarget.ES2022,
    module: ts.ModuleKind.Preserve,
    moduleResolution: ts.ModuleResolutionKind.Bundler,
    skipLibCheck: true,
    noEmit: true,
    types: [],
  });
  const checker = program.getTypeChecker();
  const source = program.getSourceFile(schemaPath);
  const database = source?.statements.find(
    (s): s is ts.InterfaceDeclaration => ts.isInterfaceDeclaration(s) && s.name.text === "Database",
  );
  if (!source || !database) throw new Error("schema.ts declares no Database interface");

  const typeOf = (symbol: ts.Symbol) => checker.getTypeOfSymbolAtLocation(symbol, database);
  const members = (type: ts.Type) => (type.isUnion() ? type.types : [type]);
  const has = (type: ts.Type, flag: ts.TypeFlags) => members(type).some((t) => t.flags & flag);
  const kindOf = (type: ts.Type): string => {
    const kinds = new Set(
      members(type)
        .filter((t) => !(t.flags & (ts.TypeFlags.Null | ts.TypeFlags.Undefined)))
        .map((t) => {
          if (t.flags & ts.TypeFlags.StringLike) return "string";
          if (t.flags & ts.TypeFlags.NumberLike) return "number";
          if (t.flags & ts.TypeFlags.BooleanLike) return "boolean";
          if (checker.typeToString(t) === "Date") return "Date";
          return "other";
        }),
    );
    const [only] = kinds;
    return kinds.size === 1 && only !== undefined ? only : "other";
  };

  const tables = new Map<string, Map<string, Declared>>();
  for (const table of checker.getTypeAtLocation(database).getProperties()) {
    const columns = new Map<string, Declared>();
    for (const column of typeOf(table).getProperties()) {
      const type = typeOf(column);
      // Kysely's ColumnType<S, I, U> (and Generated<S>) carries the three types as properties.
      const select = type.getProperty("__select__");
      const insert = type.getProperty("__insert__");
      const selectType = select ? typeOf(select) : type;
      const insertType = insert ? typeOf(insert) : type;
      columns.set(snake(column.name), {
        kind: kindOf(selectType),
        nullable:
          selectType.flags & (ts.TypeFlags.Unknown | ts.TypeFlags.Any)
            ? null
            : has(selectType, ts.TypeFlags.Null),
        insertOptional: has(insertType, ts.TypeFlags.Undefined),
        insertNever: (insertType.flags & ts.TypeFlags.Never) !== 0,
      });
    }
    tables.set(snake(table.name), columns);
  }
  return tables;
}

/** How pg (with connect.ts's parsers) hands a column's values to JavaScript. */
function kindOfSqlType(dataType: string): string {
  switch (dataType) {
    case "smallint":
    case "integer":
    case "real":
    case "double precision":
      return "number";
    case "boolean":
      return "boolean";
    case "timestamp with time zone":
    case "timestamp without time zone":
      return "Date";
    case "json":
    case "jsonb":
    case "ARRAY":
    case "bytea":
      return "other";
    default:
      // text, varchar, uuid, inet, date (a "YYYY-MM-DD" string), bigint and numeric (strings).
      return "string";
  }
}

async function catalogSchema(t: TestDatabase): Promise<Map<string, Map<string, Catalog>>> {
  const { rows } = await sql<{
    tableName: string;
    columnName: string;
    dataType: string;
    nullable: boolean;
    hasDefault: boolean;
  }>`
    select c.table_name, c.column_name, c.data_type,
      c.is_nullable = 'YES' as nullable,
      (c.column_default is not null or c.is_identity = 'YES' or c.is_generated = 'ALWAYS')
        as has_default
    from information_schema.columns c
    join information_schema.tables t using (table_schema, table_name)
    where c.table_schema = 'public' and t.table_type = 'BASE TABLE'
      and c.table_name not like 'kysely\\_migration%'
    order by c.table_name, c.ordinal_position`.execute(t.db);
  const tables = new Map<string, Map<string, Catalog>>();
  for (const row of rows) {
    const columns = tables.get(row.tableName) ?? new Map<string, Catalog>();
    columns.set(row.columnName, {
      kind: kindOfSqlType(row.dataType),
      nullable: row.nullable,
      hasDefault: row.hasDefault,
    });
    tables.set(row.tableName, columns);
  }
  return tables;
}

/** Every disagreement, one readable line each. */
function disagreements(
  declared: Map<string, Map<string, Declared>>,
  catalog: Map<string, Map<string, Catalog>>,
): string[] {
  const lines: string[] = [];
  for (const table of catalog.keys()) {
    if (!declared.has(table)) lines.push(`${table}: table in the database, not in schema.ts`);
  }
  for (const [table, columns] of declared) {
    const actual = catalog.get(table);
    if (!actual) {
      lines.push(`${table}: table in schema.ts, not in the database`);
      continue;
    }
    for (const column of actual.keys()) {
      if (!columns.has(column)) lines.push(`${table}.${column}: in the database, not in schema.ts`);
    }
    for (const [column, d] of columns) {
      const c = actual.get(column);
      const name = `${table}.${column}`;
      if (!c) {
        lines.push(`${name}: in schema.ts, not in the database`);
        continue;
      }
      if (c.kind !== "other" && d.kind !== c.kind) {
        lines.push(`${name}: read as ${c.kind}, declared ${d.kind}`);
      }
      if (d.nullable !== null && d.nullable !== c.nullable) {
        lines.push(
          `${name}: ${c.nullable ? "nullable" : "not null"} in the database, not in schema.ts`,
        );
      }
      // A nullable column may always be left out of an insert; `never` means the database fills it.
      if (!c.nullable && !d.insertNever && d.insertOptional !== c.hasDefault) {
        lines.push(
          c.hasDefault
            ? `${name}: has a default, but schema.ts makes every insert give it (Generated?)`
            : `${name}: has no default, but schema.ts lets an insert leave it out`,
        );
      }
    }
  }
  return lines;
}

let t: TestDatabase;

beforeAll(async () => {
  t = await createTestDatabase();
});
afterAll(async () => {
  await t?.destroy();
});

describe("schema.ts", () => {
  it("declares every table and column of the migrated schema, with its nullability and default", async () => {
    const declared = declaredSchema();
    expect(declared.size).toBeGreaterThan(10);
    expect(disagreements(declared, await catalogSchema(t))).toEqual([]);
  });
});
