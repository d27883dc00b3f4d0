import { createDb, type Db } from "@sos/db";
import { createTestDatabase, emptyTables, type TestDatabase } from "@sos/db/testing";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { type AdmissionGate, createAdmissionGate } from "../src/services/survey";
import { signedInContext } from "../src/testing";
import { createTestCaller } from "../src/testing/probe-router";
import {
  addInstitutionUser,
  createInstitutionWorld,
  domainCause,
  type InstitutionWorld,
  jst,
  putSurvey,
  rejection,
  type TestClock,
  testClock,
} from "./fixtures/institution-world";

// The deadline-day write path: statements per answer, receipts, idempotent
// retries, acceptance time through a queue, and refusal past the queue.

let tdb: TestDatabase;
let db: Db;
let world: InstitutionWorld;
let clock: TestClock;
/** Every statement the counted connection pool ran, in order. */
let statements: string[];
let counted: Db;

beforeAll(async () => {
  tdb = await createTestDatabase();
  db = tdb.db;
  world = await createInstitutionWorld(db);
  clock = testClock("2026-12-03 10:00:00");
  counted = createDb(tdb.url, {
    max: 8,
    log: (event) => {
      if (event.level === "query") statements.push(event.query.sql);
    },
  });
});

afterAll(async () => {
  await counted.destroy();
  await tdb.destroy();
});

beforeEach(async () => {
  clock.set("2026-12-03 10:00:00");
  statements = [];
  await emptyTables(db);
});

async function callerWith(options: { gate?: AdmissionGate; database?: Db } = {}) {
  const ctx = await signedInContext(options.database ?? db, world.a.user, {
    now: () => clock.now,
  });
  return createTestCaller({ ...ctx, answerGate: options.gate });
}

async function currentSurveyId(): Promise<string> {
  return (await (await callerWith()).survey.current()).id;
}

const FIGURES = { stock: 2000, consumption: 1000, purchases: 400 };

async function receiptsOf(surveyWeek = "2026-12-02") {
  return db
    .selectFrom("surveyReceipts")
    .selectAll()
    .where("institutionId", "=", world.a.institutionId)
    .where("weekStart", "=", surveyWeek)
    .orderBy("id")
    .execute();
}

async function auditActions(id: string): Promise<string[]> {
  const rows = await db
    .selectFrom("auditLog")
    .select("action")
    .where("targetId", "=", id)
    .orderBy("id")
    .execute();
  return rows.map((row) => row.action);
}

/** Resolves once the gate holds `n` waiting answers (their acceptance time is taken by then). */
async function waitingIn(gate: AdmissionGate, n: number): Promise<void> {
  for (let i = 0; i < 500 && gate.waiting < n; i += 1) {
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
  expect(gate.waiting).toBe(n);
}

/** Occupies every place of a one-at-a-time gate until `release` is called. */
function hold(gate: AdmissionGate): { release: () => void; done: Promise<unknown> } {
  let release = () => {};
  const done = gate.run(
    () =>
      new Promise<void>((resolve) => {
        release = resolve;
      }),
  );
  return { release: () => release(), done };
}

describe("statements per answer", () => {
  it("saves an answer in at most 2 statements after the session check, and a copy too", async () => {
    const id = await currentSurveyId();
    await putSurvey(db, world.a.institutionId, "2026-11-25", FIGURES);
    const a = await callerWith({ database: counted });
    statements = [];
    await a.survey.answer({ id, ...FIGURES });
    // The read-only guard's lookup and the one answer statement; no BEGIN/COMMIT, no re-read.
    expect(statements).toHaveLength(2);
    expect(statements.filter((text) => /^\s*(begin|commit)/i.test(text))).toEqual([]);

    statements = [];
    await a.survey.copyPrevious({ id });
    expect(statements).toHaveLength(2);

    statements = [];
    await a.survey.answer({ id, ...FIGURES, idempotencyKey: crypto.randomUUID() });
    expect(statements).toHaveLength(2);
  });
});

describe("receipts", () => {
  it("gives every saved answer a 受付番号 and the acceptance time, found again on the page and the list", async () => {
    const id = await currentSurveyId();
    const a = await callerWith();
    const first = await a.survey.answer({
      id,
      stock: "２，０００",
      consumption: 1000,
      purchases: 400,
    });
    expect(first.receipt.number).toMatch(/^20261202-[0-9]{7,}$/);
    expect(first.receipt.acceptedAt).toBe(clock.now.toISOString());
    expect(first.latestReceipt).toEqual(first.receipt);

    clock.set("2026-12-03 11:00:00");
    const second = await a.survey.answer({ id, ...FIGURES, stock: 2500 });
    expect(second.receipt.number).not.toBe(first.receipt.number);
    expect((await a.survey.get({ id })).latestReceipt).toEqual(second.receipt);
    expect((await a.survey.list()).items[0]?.latestReceipt).toEqual(second.receipt);

    const rows = await receiptsOf();
    expect(rows.map((row) => [row.number, row.action, row.stock, row.answeredBy])).toEqual([
      [first.receipt.number, "survey.answer", 2000, world.a.user.id],
      [second.receipt.number, "survey.edit", 2500, world.a.user.id],
    ]);
  });

  it("refuses a second receipt with the same number (unique in the database)", async () => {
    const id = await currentSurveyId();
    const { receipt } = await (await callerWith()).survey.answer({ id, ...FIGURES });
    const [row] = await receiptsOf();
    if (!row) throw new Error("no receipt");
    const { id: _id, number: _number, ...rest } = row;
    await expect(
      db
        .insertInto("surveyReceipts")
        .values({ ...rest, number: receipt.number })
        .execute(),
    ).rejects.toThrow(/survey_receipts_number_key/);
  });

  it("issues no receipt when nothing is saved", async () => {
    const oldId = await putSurvey(db, world.a.institutionId, "2026-11-25", FIGURES);
    const a = await callerWith();
    const error = await rejection(a.survey.answer({ id: oldId, ...FIGURES, stock: 1 }));
    expect(error.code).toBe("PRECONDITION_FAILED");
    const theirs = await (
      await createTestCaller(await signedInContext(db, world.b.user, { now: () => clock.now }))
    ).survey.current();
    expect((await rejection(a.survey.answer({ id: theirs.id, ...FIGURES }))).code).toBe(
      "NOT_FOUND",
    );
    expect(await db.selectFrom("surveyReceipts").select("id").execute()).toEqual([]);
  });
});

describe("idempotency keys", () => {
  it("50 simultaneous submits with one key change the row once and issue one receipt", async () => {
    const id = await currentSurveyId();
    const a = await callerWith();
    const idempotencyKey = crypto.randomUUID();
    const answers = await Promise.all(
      Array.from({ length: 50 }, () => a.survey.answer({ id, ...FIGURES, idempotencyKey })),
    );
    const numbers = new Set(answers.map((answer) => answer.receipt.number));
    expect(numbers.size).toBe(1);
    expect(await receiptsOf()).toHaveLength(1);
    expect(await auditActions(id)).toEqual(["survey.answer"]);
    expect(answers.every((answer) => answer.stock === 2000 && answer.status === "answered")).toBe(
      true,
    );
  });

  it("answers a later retry with the first receipt and acceptance time, even after the week closed", async () => {
    const id = await currentSurveyId();
    const a = await callerWith();
    const idempotencyKey = crypto.randomUUID();
    const first = await a.survey.answer({ id, ...FIGURES, idempotencyKey });
    clock.set("2026-12-09 18:40:00");
    const retry = await a.survey.answer({ id, ...FIGURES, idempotencyKey });
    expect(retry.receipt).toEqual(first.receipt);
    expect(retry.answeredAt).toBe(first.answeredAt);
    expect(await receiptsOf()).toHaveLength(1);
    expect(await auditActions(id)).toEqual(["survey.answer"]);
  });

  it("refuses a key reused for other figures, and changes nothing", async () => {
    const id = await currentSurveyId();
    const a = await callerWith();
    const idempotencyKey = crypto.randomUUID();
    await a.survey.answer({ id, ...FIGURES, idempotencyKey });
    const error = await rejection(a.survey.answer({ id, ...FIGURES, stock: 9, idempotencyKey }));
    expect(error.code).toBe("CONFLICT");
    expect(domainCause(error).code).toBe("IDEMPOTENCY_KEY_REUSED");
    expect(error.message).toMatch(/既に受け付けられています/);
    expect((await a.survey.get({ id })).stock).toBe(2000);
    expect(await receiptsOf()).toHaveLength(1);
  });

  it("keeps keys apart per user: a colleague's identical key is a submission of its own", async () => {
    const colleague = await addInstitutionUser(db, world.a.institutionId);
    const id = await currentSurveyId();
    const idempotencyKey = crypto.randomUUID();
    await (await callerWith()).survey.answer({ id, ...FIGURES, idempotencyKey });
    const other = createTestCaller(await signedInContext(db, colleague, { now: () => clock.now }));
    await other.survey.answer({ id, ...FIGURES, idempotencyKey });
    expect((await receiptsOf()).map((row) => row.answeredBy)).toEqual([
      world.a.user.id,
      colleague.id,
    ]);
  });
});

describe("acceptance time through the queue", () => {
  it("an answer accepted at 16:59:59.9 and stored at 17:00:01 counts as answered before 17:00", async () => {
    const id = await currentSurveyId();
    const gate = createAdmissionGate({ concurrency: 1, queueLimit: 10 });
    const a = await callerWith({ gate });
    const busy = hold(gate);
    clock.now = jst("2026-12-09 16:59:59.900");
    const answer = a.survey.answer({ id, ...FIGURES });
    await waitingIn(gate, 1);
    clock.set("2026-12-09 17:00:01");
    busy.release();
    const saved = await answer;

    const accepted = jst("2026-12-09 16:59:59.900").toISOString();
    expect(saved.answeredAt).toBe(accepted);
    expect(saved.receipt.acceptedAt).toBe(accepted);
    const [receipt] = await receiptsOf();
    expect(receipt?.acceptedAt.toISOString()).toBe(accepted);
    expect(receipt?.storedAt.toISOString()).toBe(jst("2026-12-09 17:00:01").toISOString());
    const row = await db
      .selectFrom("weeklySurveys")
      .select(["answeredAt", "updatedAt"])
      .where("id", "=", id)
      .executeTakeFirstOrThrow();
    expect(row.answeredAt?.toISOString()).toBe(accepted);
    expect(row.updatedAt.toISOString()).toBe(jst("2026-12-09 17:00:01").toISOString());
  });

  it("an answer accepted at 18:34:59.9 is saved in the closing week although stored after 18:35", async () => {
    const id = await currentSurveyId();
    const gate = createAdmissionGate({ concurrency: 1, queueLimit: 10 });
    const a = await callerWith({ gate });
    const busy = hold(gate);
    clock.now = jst("2026-12-09 18:34:59.900");
    const answer = a.survey.answer({ id, ...FIGURES });
    await waitingIn(gate, 1);
    clock.set("2026-12-09 18:35:01");
    busy.release();
    const saved = await answer;
    expect(saved).toMatchObject({ weekStart: "2026-12-02", status: "answered", stock: 2000 });
    // Stored after the week closed: no longer editable, said so on the page.
    expect(saved.editable).toBe(false);

    // One arriving at 18:35:00 is judged on the new week and refused.
    clock.set("2026-12-09 18:35:00");
    expect((await rejection(a.survey.answer({ id, ...FIGURES, stock: 1 }))).code).toBe(
      "PRECONDITION_FAILED",
    );
  });
});

describe("overload", () => {
  it("past the queue, refuses at once with 混雑しています and changes nothing; queued answers are saved", async () => {
    const id = await currentSurveyId();
    const gate = createAdmissionGate({ concurrency: 1, queueLimit: 1, retryAfterSeconds: 7 });
    const a = await callerWith({ gate });
    const busy = hold(gate);
    const queued = a.survey.answer({ id, ...FIGURES });
    await waitingIn(gate, 1);
    const error = await rejection(a.survey.answer({ id, ...FIGURES, stock: 5 }));
    expect(error.code).toBe("SERVICE_UNAVAILABLE");
    expect(error.message).toBe("混雑しています。しばらくしてから再度お試しください。");
    expect(domainCause(error)).toMatchObject({ code: "OVERLOADED", retryAfterSeconds: 7 });
    busy.release();
    expect((await queued).stock).toBe(2000);
    expect(await receiptsOf()).toHaveLength(1);
  });
});
