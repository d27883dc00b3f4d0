import type { CompiledQuery } from "kysely";
import Cursor from "pg-cursor";
import { type Db, poolOf } from "./connect";

export interface StreamRowsOptions {
  /** Rows fetched per round trip: what is held in memory at once. */
  rowsPerRead?: number;
}

const DEFAULT_ROWS_PER_READ = 2000;

/**
 * A long read (a 180,000-row download) through a server-side cursor: rows come
 * `rowsPerRead` at a time, as arrays in the query's column order (no per-row
 * objects or name mapping, which cost more than the fetch itself at this size).
 * The next read is asked for before the caller works on the current rows, so the
 * database produces while Node formats. Nothing is read before the first pull;
 * the connection is held only while the generator runs and goes back to the
 * pool when it ends, fails or is returned early (a download cut off).
 *
 * Needs the Db made by createDb (not a transaction): a cursor needs a
 * connection of its own for as long as the caller reads.
 */
export async function* streamRows(
  db: Db,
  query: CompiledQuery,
  options: StreamRowsOptions = {},
): AsyncGenerator<unknown[][], void, undefined> {
  const pool = poolOf(db);
  if (pool === undefined) throw new Error("streamRows needs a Db made by createDb");
  const rowsPerRead = options.rowsPerRead ?? DEFAULT_ROWS_PER_READ;
  const client = await pool.connect();
  const cursor = client.query(
    new Cursor<unknown[]>(query.sql, [...query.parameters], { rowMode: "array" }),
  );
  let pending: Promise<unknown[][]> | null = cursor.read(rowsPerRead);
  let broken = false;
  try {
    for (;;) {
      const rows: unknown[][] = await pending;
      if (rows.length === 0) {
        pending = null;
        return;
      }
      pending = cursor.read(rowsPerRead);
      yield rows;
    }
  } catch (error) {
    broken = true;
    throw error;
  } finally {
    // A read still on the wire must finish before the portal can be closed.
    if (pending !== null) await pending.catch(() => {});
    await cursor.close().catch(() => {
      broken = true;
    });
    // A connection that failed mid-read is dropped rather than reused.
    client.release(broken);
  }
}
