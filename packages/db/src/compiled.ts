import { createHash } from "node:crypto";
import { CompiledQuery, type Kysely, type QueryResult } from "kysely";
import type { Database } from "./schema";

/**
 * A hot statement whose SQL text is fixed once, at module load: each call only
 * binds its parameters, so no query builder runs and nothing is compiled per
 * request. Results pass through the Kysely instance's plugins (column names
 * come back camelCased). A pool made with `preparedStatements` runs it as a
 * named prepared statement (parsed and planned once per connection, see
 * connect.ts); otherwise it goes unnamed, as PgBouncer 1.18 in transaction
 * mode requires.
 */
export interface CompiledStatement<Row, Params extends readonly unknown[]> {
  readonly sql: string;
  execute(db: Kysely<Database>, ...params: Params): Promise<QueryResult<Row>>;
}

// Statement text → the name it is prepared under: the same on every connection.
const preparedNames = new Map<string, string>();

/** The prepared statement name of a compiled statement's text; undefined for any other SQL. */
export function preparedStatementName(sqlText: string): string | undefined {
  return preparedNames.get(sqlText);
}

export function compiledStatement<Row, Params extends readonly unknown[]>(
  sqlText: string,
): CompiledStatement<Row, Params> {
  const digest = createHash("sha256").update(sqlText).digest("hex").slice(0, 16);
  preparedNames.set(sqlText, `sos_${digest}`);
  return {
    sql: sqlText,
    execute: (db, ...params) => db.executeQuery<Row>(CompiledQuery.raw(sqlText, [...params])),
  };
}
