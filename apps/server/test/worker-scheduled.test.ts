import { insertTestPrefectures } from "@sos/api/testing";
import { createTestDatabase, type TestDatabase } from "@sos/db/testing";
import { surveyWeekOf } from "@sos/rules";
import type { Runner } from "graphile-worker";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createMailTransport } from "../src/mail/transport";
import { startWorker } from "../src/worker/runner";
import { CRONTAB } from "../src/worker/scheduled";
import { type SmtpSink, startSmtpSink } from "./support/smtp-sink";

let tdb: TestDatabase;
let sink: SmtpSink;
let worker: Runner | undefined;

beforeAll(async () => {
  tdb = await createTestDatabase();
  sink = await startSmtpSink();
  await insertTestPrefectures(tdb.db);
  await tdb.db
    .insertInto("institutions")
    .values(
      ["1310000001", "1310000002", "2710000003"].map((code, i) => ({
        code,
        name: `テスト医療機関${i + 1}`,
        type: "clinic" as const,
        prefectureCode: code.startsWith("13") ? 13 : 27,
        postcode: "1000001",
        address: "東京都千代田区千代田1-1",
        phone: "0312345678",
        email: `clinic${i}@example.jp`,
        active: i !== 1,
      })),
    )
    .execute();
});

afterAll(async () => {
  await worker?.stop();
  await sink.close();
  await tdb.destroy();
});

describe("scheduled jobs", () => {
  it("fill the current survey week for every active institution as soon as the worker starts", async () => {
    worker = await startWorker({
      db: tdb.db,
      connectionString: tdb.url,
      transport: createMailTransport(sink.url),
      concurrency: 1,
      pollInterval: 200,
    });
    const { weekStart } = surveyWeekOf(new Date());
    const deadline = Date.now() + 20_000;
    let rows: Array<{ institutionId: string; weekStart: string }> = [];
    while (Date.now() < deadline) {
      rows = await tdb.db
        .selectFrom("weeklySurveys")
        .select(["institutionId", "weekStart"])
        .execute();
      if (rows.length >= 2) break;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    expect(rows).toHaveLength(2);
    expect(rows.every((r) => r.weekStart === weekStart)).toBe(true);
  });

  it("are registered in the crontab under unique job keys", () => {
    expect(CRONTAB).toMatch(
      /^\*\/5 \* \* \* \* create_weekly_surveys \?jobKey=create_weekly_surveys/m,
    );
    expect(CRONTAB).toMatch(/purge_auth_records \?jobKey=purge_auth_records/);
    // Due at each Wednesday 17:00 cutoff, published within the hour: every five minutes.
    expect(CRONTAB).toMatch(
      /^\*\/5 \* \* \* \* publish_weekly_figures \?jobKey=publish_weekly_figures/m,
    );
  });
});
