import { createTestUser, type TestUser } from "@sos/api/testing";
import { createDb } from "@sos/db";
import { createTestDatabase } from "@sos/db/testing";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { mutate, query, signInOverHttp } from "./support/http";
import { startTestServer, type TestServer } from "./support/test-server";

// survey.answer over real HTTP at the deadline: past the answer gate's queue a
// request is refused at once with 503, Retry-After and the product's error
// shape; a retry storm with one idempotency key saves once.

let server: TestServer;
let staff: TestUser;
let token: string;
let surveyId: string;

beforeAll(async () => {
  server = await startTestServer({
    settings: { answerAdmission: { concurrency: 1, queueLimit: 0, retryAfterSeconds: 3 } },
  });
  staff = await createTestUser(server.tdb.db, "institution");
  token = await signInOverHttp(server.url, staff);
  const current = await query<{ id: string }>(server.url, "survey.current", undefined, { token });
  surveyId = current.body.result?.data.id ?? "";
});

afterAll(async () => {
  await server.close();
});

const FIGURES = { stock: "２，０００", consumption: 1000, purchases: 400 };

async function receiptCount(): Promise<number> {
  const rows = await server.tdb.db.selectFrom("surveyReceipts").select("id").execute();
  return rows.length;
}

describe("survey.answer over HTTP", () => {
  it("past capacity answers 503 with Retry-After and 混雑しています in the product's shape; the admitted one is saved", async () => {
    // Another transaction holds the survey's row: the first answer takes the only place and waits.
    const blocker = new pg.Client({ connectionString: server.tdb.url });
    await blocker.connect();
    try {
      await blocker.query("begin");
      await blocker.query("select 1 from weekly_surveys where id = $1 for update", [surveyId]);
      const admitted = mutate(server.url, "survey.answer", { id: surveyId, ...FIGURES }, { token });
      // Wait until the first answer is inside the statement (waiting for the lock).
      for (let i = 0; i < 200; i += 1) {
        const { rows } = await blocker.query<{ n: number }>(
          "select count(*)::int as n from pg_locks where not granted",
        );
        if ((rows[0]?.n ?? 0) > 0) break;
        await new Promise((resolve) => setTimeout(resolve, 10));
      }
      const refused = await mutate(
        server.url,
        "survey.answer",
        { id: surveyId, ...FIGURES, stock: 5 },
        { token },
      );
      expect(refused.status).toBe(503);
      expect(refused.headers.get("retry-after")).toBe("3");
      expect(refused.body.error).toEqual({
        message: "混雑しています。しばらくしてから再度お試しください。",
        code: -32603,
        data: { code: "SERVICE_UNAVAILABLE", httpStatus: 503, domainCode: "OVERLOADED" },
      });
      await blocker.query("commit");
      const saved = await admitted;
      expect(saved.status).toBe(200);
      expect(saved.headers.get("retry-after")).toBeNull();
      expect(await receiptCount()).toBe(1);
    } finally {
      await blocker.end();
    }
  });

  it("50 simultaneous submits with one idempotency key make one receipt and one row change", async () => {
    const before = await receiptCount();
    const idempotencyKey = crypto.randomUUID();
    const input = { id: surveyId, ...FIGURES, stock: 1500, idempotencyKey };
    // A retry storm: every 503 is sent again with the same key, as the apps' client does.
    const submit = async (): Promise<string> => {
      for (;;) {
        const answer = await mutate<{ receipt: { number: string } }>(
          server.url,
          "survey.answer",
          input,
          { token },
        );
        if (answer.status === 200) return answer.body.result?.data.receipt.number ?? "";
        expect(answer.status).toBe(503);
        await new Promise((resolve) => setTimeout(resolve, 5));
      }
    };
    const numbers = await Promise.all(Array.from({ length: 50 }, submit));
    expect(new Set(numbers).size).toBe(1);
    expect(await receiptCount()).toBe(before + 1);
    const audit = await server.tdb.db
      .selectFrom("auditLog")
      .select("details")
      .where("targetId", "=", surveyId)
      .where("action", "in", ["survey.answer", "survey.edit"])
      .execute();
    expect(audit.filter((row) => JSON.stringify(row.details).includes("1500"))).toHaveLength(1);
  });
});

describe("the database work of one answer over HTTP", () => {
  it("is 2 statements in all: the session check (with the read-only switch) and the answer", async () => {
    const tdb = await createTestDatabase();
    const statements: string[] = [];
    const counted = createDb(tdb.url, {
      max: 4,
      log: (event) => {
        if (event.level === "query") statements.push(event.query.sql);
      },
    });
    const counting = await startTestServer({ tdb: { ...tdb, db: counted } });
    try {
      const user = await createTestUser(tdb.db, "institution");
      const session = await signInOverHttp(counting.url, user);
      const current = await query<{ id: string }>(counting.url, "survey.current", undefined, {
        token: session,
      });
      statements.length = 0;
      const saved = await mutate(
        counting.url,
        "survey.answer",
        { id: current.body.result?.data.id, ...FIGURES, idempotencyKey: crypto.randomUUID() },
        { token: session },
      );
      expect(saved.status).toBe(200);
      expect(statements).toHaveLength(2);
      expect(statements[0]).toMatch(/from sessions/);
      expect(statements[1]).toMatch(/insert into survey_receipts/);
    } finally {
      await counting.close();
      await counted.destroy();
      await tdb.destroy();
    }
  });
});
