import type { Db } from "@sos/db";
import type { Context } from "./context";

/**
 * The connection for a heavy read (the review queue, the ministry's progress, a
 * CSV download): a read replica once it has replayed the caller's own last write,
 * else the primary. Only reads go there: a procedure's writes (audit entries
 * included) stay on ctx.db.
 */
export function readConnection(ctx: Pick<Context, "db" | "readDb">): Promise<Db> {
  return ctx.readDb ? ctx.readDb() : Promise.resolve(ctx.db);
}
