import type { Db } from "@sos/db";
import { createTestDatabase, type TestDatabase } from "@sos/db/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { testRouter } from "../src/testing/probe-router";
import {
  CALLER_KINDS,
  type CallerWorld,
  callerOf,
  createCallerWorld,
  guardedState,
} from "./fixtures/caller-world";
import type { Caller } from "./fixtures/institution-world";
import { type Cells, type Outcome, outcomeOf, REFUSALS, rows } from "./fixtures/procedure-calls";
import { listProcedures } from "./support/procedures";

const procedureTypes = new Map(listProcedures(testRouter).map((p) => [p.path, p.type]));

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

async function lastAuditId(): Promise<string> {
  const row = await db
    .selectFrom("auditLog")
    .select((eb) => eb.fn.max("id").as("id"))
    .executeTakeFirst();
  return String(row?.id ?? 0);
}

/** The access.denied entries written since `after`, by anyone. */
async function denialsSince(after: string) {
  return db
    .selectFrom("auditLog")
    .select(["actorUserId", "targetType", "targetId", "details"])
    .where("action", "=", "access.denied")
    .where("id", ">", after)
    .execute();
}

/**
 * What the audit log must hold after a call answered `outcome` (ASVS 16.3.2): a
 * wrong role names the procedure; another's object names the object, although
 * the caller was told only NOT_FOUND; nothing else is a denial.
 */
function expectedDenials(outcome: Outcome, path: string, userId: string | null) {
  if (outcome === "FORBIDDEN") {
    return [{ actorUserId: userId, targetType: "procedure", targetId: path }];
  }
  if (outcome === "NOT_FOUND") {
    return [
      {
        actorUserId: userId,
        targetType: expect.stringMatching(
          /^(sos_request|weekly_survey|institution|user|delegation|order)$/,
        ),
        targetId: expect.stringMatching(/^[0-9a-f-]{36}$/),
        details: { procedure: path, reason: "out_of_scope" },
      },
    ];
  }
  return [];
}

describe("authorization matrix: every procedure × every kind of caller", () => {
  it("has one row for every procedure of the router, and none for a procedure that is gone", () => {
    const procedures = listProcedures(testRouter)
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
      const auditedBefore = await lastAuditId();
      const outcome = await outcomeOf(call(caller, world));
      const want = expected[kind];
      const userId = kind === "anonymous" ? null : world.users[kind].user.id;
      const denials = await denialsSince(auditedBefore);
      expect(denials, `${path} as ${kind}: access.denied entries`).toEqual(
        expectedDenials(want, path, userId).map((denial) => expect.objectContaining(denial)),
      );
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

describe("another's object by id: NOT_FOUND to the caller, access.denied in the audit log", () => {
  const UNKNOWN = "7d0c5a2e-93b1-4c6f-9e0a-2f4b8d1c6a35";

  /** One call's answer and the denials it left. */
  async function attempt(
    kind: "institutionB" | "prefectureOther" | "prefectureSame",
    ask: (c: Caller) => Promise<unknown>,
  ) {
    const caller = await callerOf(db, world, kind);
    const after = await lastAuditId();
    const outcome = await outcomeOf(ask(caller));
    if (outcome.ok) throw new Error("expected a refusal");
    return {
      answer: { code: outcome.error.code, message: outcome.error.message },
      denials: await denialsSince(after),
    };
  }

  it.each([
    {
      what: "an institution asking for another institution's request",
      kind: "institutionB" as const,
      ask: (c: Caller, id: string) => c.sos.get({ id }),
      foreign: () => world.a.atPrefecture.id,
      type: "sos_request",
    },
    {
      what: "an institution asking for another institution's survey",
      kind: "institutionB" as const,
      ask: (c: Caller, id: string) => c.survey.get({ id }),
      foreign: () => world.a.surveyId,
      type: "weekly_survey",
    },
    {
      what: "an officer asking for another prefecture's request",
      kind: "prefectureOther" as const,
      ask: (c: Caller, id: string) => c.review.get({ id }),
      foreign: () => world.a.atPrefecture.id,
      type: "sos_request",
    },
  ])(
    "$what: the same answer as an unknown id, audited only when it exists",
    async ({ kind, ask, foreign, type }) => {
      const unknown = await attempt(kind, (c) => ask(c, UNKNOWN));
      const outOfScope = await attempt(kind, (c) => ask(c, foreign()));
      expect(unknown.answer.code).toBe("NOT_FOUND");
      expect(outOfScope.answer).toEqual(unknown.answer);
      expect(unknown.denials).toEqual([]);
      expect(outOfScope.denials).toEqual([
        {
          actorUserId: world.users[kind].user.id,
          targetType: type,
          targetId: foreign(),
          details: { procedure: expect.any(String), reason: "out_of_scope" },
        },
      ]);
    },
  );

  it("records nothing for an object of the caller's own scope it may not see (a draft of its prefecture)", async () => {
    const draft = await attempt("prefectureSame", (c) => c.review.get({ id: world.a.draft.id }));
    expect(draft.answer.code).toBe("NOT_FOUND");
    expect(draft.denials).toEqual([]);
  });
});
