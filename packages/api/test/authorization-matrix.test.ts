import type { Db } from "@sos/db";
import { createTestDatabase, type TestDatabase } from "@sos/db/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { appRouter } from "../src/root";
import {
  CALLER_KINDS,
  type CallerWorld,
  callerOf,
  createCallerWorld,
  guardedState,
} from "./fixtures/caller-world";
import { type Cells, type Outcome, outcomeOf, REFUSALS, rows } from "./fixtures/procedure-calls";
import { listProcedures } from "./support/procedures";

const procedureTypes = new Map(listProcedures(appRouter).map((p) => [p.path, p.type]));

let tdb: TestDatabase;
let db: Db;
let world: CallerWorld;

beforeAll(async () => {
  tdb = await createTestDatabase();
  db = tdb.db;
  world = await createCallerWorld(db);
});

afterAll(async () => {
  await tdb.destroy();
});

describe("authorization matrix: every procedure × every kind of caller", () => {
  it("has one row for every procedure of the router, and none for a procedure that is gone", () => {
    const procedures = listProcedures(appRouter)
      .map((procedure) => procedure.path)
      .sort();
    expect(rows.map((row) => row.path).sort()).toEqual(procedures);
  });

  // Refusals first, so that a row's allowed calls (which may change A's objects)
  // run after every refused one of the same row.
  const order = (cells: Cells) =>
    [...CALLER_KINDS].sort(
      (x, y) => Number(REFUSALS.has(cells[y])) - Number(REFUSALS.has(cells[x])),
    );

  it.each(rows)("$path", async ({ path, cells: expected, call }) => {
    const type = procedureTypes.get(path);
    const seen: Partial<Cells> = {};
    for (const kind of order(expected)) {
      const caller = await callerOf(db, world, kind);
      const before = await guardedState(db);
      const outcome = await outcomeOf(call(caller, world));
      const want = expected[kind];
      if (REFUSALS.has(want)) {
        seen[kind] = outcome.ok ? "ok" : (outcome.error.code as Outcome);
        expect(await guardedState(db), `${path} as ${kind} changed nothing`).toBe(before);
        continue;
      }
      if (!outcome.ok) {
        const code = outcome.error.code;
        // A query the caller may make must answer; a mutation may still refuse the state.
        seen[kind] = REFUSALS.has(code) || type === "query" ? (code as Outcome) : want;
        continue;
      }
      if (want === "hidden") {
        const text = JSON.stringify(outcome.result);
        const leaked = world.secrets.filter((secret) => text.includes(secret));
        seen[kind] = leaked.length === 0 ? "hidden" : "ok";
      } else {
        seen[kind] = want;
      }
    }
    expect(seen).toEqual(expected);
  });
});
