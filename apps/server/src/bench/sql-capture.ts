import pg from "pg";

/**
 * The statements a piece of product code sends to PostgreSQL, captured at the
 * driver (pg's Client.query) while `work` runs in this process, so that the
 * bare baseline runs exactly the product's SQL with the same parameters, however
 * its query builder writes them today. Statements that overlapped in time ran
 * side by side (Promise.all) and are replayed side by side.
 */
export interface CapturedStatement {
  text: string;
  values: unknown[];
  startedAt: number;
  endedAt: number;
}

type QueryFn = (this: pg.Client, ...args: unknown[]) => unknown;

export async function captureSql<T>(
  work: () => Promise<T>,
): Promise<{ result: T; statements: CapturedStatement[] }> {
  const statements: CapturedStatement[] = [];
  const proto = pg.Client.prototype as unknown as { query: QueryFn };
  const original = proto.query;
  proto.query = function capture(this: pg.Client, ...args: unknown[]) {
    const [first, second] = args;
    const text = typeof first === "string" ? first : (first as { text?: string })?.text;
    const values = Array.isArray(second)
      ? second
      : ((first as { values?: unknown[] })?.values ?? []);
    const returned = original.apply(this, args);
    if (typeof text === "string" && returned instanceof Promise) {
      const entry: CapturedStatement = { text, values, startedAt: performance.now(), endedAt: 0 };
      statements.push(entry);
      return returned.finally(() => {
        entry.endedAt = performance.now();
      });
    }
    return returned;
  };
  try {
    const result = await work();
    return { result, statements };
  } finally {
    proto.query = original;
  }
}

/** Statements grouped into rounds: those that overlapped in time go together. */
export function rounds(statements: readonly CapturedStatement[]): CapturedStatement[][] {
  const groups: CapturedStatement[][] = [];
  let current: CapturedStatement[] = [];
  let currentEnd = -Infinity;
  for (const statement of [...statements].sort((a, b) => a.startedAt - b.startedAt)) {
    if (current.length > 0 && statement.startedAt >= currentEnd) {
      groups.push(current);
      current = [];
      currentEnd = -Infinity;
    }
    current.push(statement);
    currentEnd = Math.max(currentEnd, statement.endedAt);
  }
  if (current.length > 0) groups.push(current);
  return groups;
}

/** Runs the captured rounds bare through a pg pool; the elapsed ms. */
export async function replay(
  pool: pg.Pool,
  groups: readonly CapturedStatement[][],
): Promise<number> {
  const started = performance.now();
  for (const group of groups) {
    await Promise.all(group.map((s) => pool.query(s.text, s.values)));
  }
  return performance.now() - started;
}
