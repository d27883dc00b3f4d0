import { CompiledQuery, type Kysely, type QueryResult } from "kysely";
import type { Database } from "./schema";

/**
 * A hot statement whose SQL text is fixed once, at module load: each call only
 * binds its parameters, so no query builder runs and nothing is compiled per
 * request. The text goes to PostgreSQL as an unnamed statement, which works
 * behind PgBouncer in transaction mode as well. Results pass through the
 * Kysely instance's plugins (column names come back camelCased).
 */
export interface CompiledStatement<Row, Params extends readonly unknown[]> {
  readonly sql: string;
  execute(db: Kysely<Database>, ...params: Params): Promise<QueryResult<Row>>;
}

export function compiledStatement<Row, Params extends readonly unknown[]>(
  sqlText: string,
): CompiledStatement<Row, Params> {
  return {
    sql: sqlText,
    execute: (db, ...params) => db.executeQuery<Row>(CompiledQuery.raw(sqlText, [...params])),
  };
}
