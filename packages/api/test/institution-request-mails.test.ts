import type { Db } from "@sos/db";
import { createTestDatabase, type TestDatabase } from "@sos/db/testing";
import { surveyWeekOf } from "@sos/rules";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import {
  type Caller,
  callerAs,
  FORM,
  NOT_ELIGIBLE,
  putSurvey,
  refusal,
} from "./fixtures/institution-world";
import {
  completeByPrefecture,
  createReviewWorld,
  ELIGIBLE,
  type FiledRequest,
  fileRequest,
  type ReviewWorld,
  resetRequests,
  TUESDAY,
} from "./fixtures/review-world";

/**
 * Issue 16 #5: the institution is mailed when its request is received (filed for
 * review, 都道府県・国確認中) and when it is accepted (承認, 受付完了), through the
 * outbox in the transaction of the change, to its own address only.
 */

let tdb: TestDatabase;
let db: Db;
let world: ReviewWorld;
let tokyo: Caller;
let ministry: Caller;

beforeAll(async () => {
  tdb = await createTestDatabase();
  db = tdb.db;
  world = await createReviewWorld(db);
  tokyo = world.tokyoCaller;
  ministry = world.ministryCaller;
});

afterAll(async () => {
  await tdb.destroy();
});

beforeEach(async () => {
  world.clock.set(TUESDAY);
  await resetRequests(db);
});

async function emailOf(institutionId: string): Promise<string> {
  const row = await db
    .selectFrom("institutions")
    .select("email")
    .where("id", "=", institutionId)
    .executeTakeFirstOrThrow();
  return row.email;
}

async function mailsOfKind(kind: string) {
  return db
    .selectFrom("mailOutbox")
    .select(["id", "toAddress", "subject", "textBody", "status"])
    .where("kind", "=", kind)
    .orderBy("toAddress")
    .execute();
}

async function jobFor(mailId: string) {
  return db
    .selectFrom("graphile_worker.jobs" as never)
    .select(["task_identifier as task", "key"] as never)
    .where("key" as never, "=", `mail:${mailId}` as never)
    .executeTakeFirst() as Promise<{ task: string; key: string } | undefined>;
}

async function withMinistry(filed: FiledRequest): Promise<FiledRequest> {
  const done = await completeByPrefecture(tokyo, filed);
  return { ...filed, version: done.version };
}

describe("受付 mail on filing", () => {
  it("mails the filing institution only, with the request, its limit, the next steps and the links", async () => {
    const filed = await fileRequest(db, world.clock, world.a, ELIGIBLE, {
      contactName: "山田 花子",
    });
    const mails = await mailsOfKind("sos_received");
    expect(mails).toHaveLength(1);
    const [mail] = mails;
    if (!mail) throw new Error("no mail");
    expect(mail.toAddress).toBe(await emailOf(world.a.institutionId));
    expect(mail.toAddress).not.toBe(await emailOf(world.b.institutionId));
    expect(mail.subject).toBe("【SOS Supply】緊急配布要請を受け付けました（都道府県・国確認中）");
    expect(mail.textBody).toContain("山田 花子 様");
    expect(mail.textBody).toContain("購入上限数（算定値）：2セット（2,000枚）");
    expect(mail.textBody).toContain("締切までの申請です。");
    expect(mail.textBody).toContain("要請は配布の決定ではありません。");
    expect(mail.textBody).toContain("http://localhost:3000/vendor/register");
    expect(mail.textBody).toContain(`http://localhost:3000/institution/requests/${filed.id}`);
    expect(mail.status).toBe("pending");
    expect((await jobFor(mail.id))?.task).toBe("send_mail");

    const audit = await db
      .selectFrom("auditLog")
      .select("details")
      .where("action", "=", "sos.apply.passed")
      .where("targetId", "=", filed.id)
      .executeTakeFirstOrThrow();
    expect(audit.details).toMatchObject({ receiptMailId: mail.id });
  });

  it("says from which business day a request filed after the Wednesday 17:00 deadline is handled", async () => {
    world.clock.set("2026-12-02 17:10:00");
    await fileRequest(db, world.clock, world.a);
    const [mail] = await mailsOfKind("sos_received");
    expect(mail?.textBody).toContain("水曜17時の締切後の申請のため、");
    expect(mail?.textBody).toContain("以降の対応となります。");
    expect(mail?.textBody).not.toContain("締切までの申請です。");
  });

  it("mails nothing when the system check fails (エラーあり)", async () => {
    const caller = await callerAs(db, world.a.user, world.clock);
    await putSurvey(
      db,
      world.a.institutionId,
      surveyWeekOf(world.clock.now).weekStart,
      NOT_ELIGIBLE,
    );
    const draft = await caller.sos.create(FORM);
    const applied = await caller.sos.checkAndApply({ id: draft.id, version: draft.version });
    expect(applied.outcome).toBe("error");
    expect(await mailsOfKind("sos_received")).toEqual([]);
  });

  it("mails nothing when another institution tries to file the request", async () => {
    const caller = await callerAs(db, world.a.user, world.clock);
    await putSurvey(db, world.a.institutionId, surveyWeekOf(world.clock.now).weekStart, ELIGIBLE);
    const draft = await caller.sos.create(FORM);
    const other = await callerAs(db, world.b.user, world.clock);
    const refused = await refusal(
      other.sos.checkAndApply({ id: draft.id, version: draft.version }),
    );
    expect(refused.data.code).toBe("NOT_FOUND");
    expect(await mailsOfKind("sos_received")).toEqual([]);
  });
});

describe("受付完了 mail on approval", () => {
  it("mails each approved institution its own approved quantity, one mail per request", async () => {
    const a = await withMinistry(await fileRequest(db, world.clock, world.a));
    const b = await withMinistry(await fileRequest(db, world.clock, world.b));
    await ministry.review.approve({
      items: [
        { id: a.id, expectedVersion: a.version, quantitySets: 1, adjustReason: "在庫の配分" },
        { id: b.id, expectedVersion: b.version },
      ],
    });
    const mails = await mailsOfKind("sos_accepted");
    const byAddress = new Map(mails.map((mail) => [mail.toAddress, mail]));
    expect(mails).toHaveLength(2);
    const toA = byAddress.get(await emailOf(world.a.institutionId));
    const toB = byAddress.get(await emailOf(world.b.institutionId));
    expect(toA?.subject).toBe("【SOS Supply】緊急配布要請が承認されました（受付完了）");
    expect(toA?.textBody).toContain("承認数量：1セット（1,000枚）");
    expect(toA?.textBody).toContain(`http://localhost:3000/institution/requests/${a.id}`);
    expect(toB?.textBody).toContain("承認数量：2セット（2,000枚）");
    expect(toB?.textBody).toContain("購入は1回限りです。");
    expect(toB?.textBody).toContain("http://localhost:3000/vendor/register");
    expect((await jobFor(toA?.id ?? ""))?.task).toBe("send_mail");

    const audits = await db
      .selectFrom("auditLog")
      .select(["targetId", "details"])
      .where("action", "=", "review.approve")
      .execute();
    const ids = new Set(mails.map((mail) => mail.id));
    for (const audit of audits) {
      expect(ids.has((audit.details as { acceptedMailId: string }).acceptedMailId)).toBe(true);
    }
  });

  it("mails nobody when the batch is refused (one stale item: none approved)", async () => {
    const a = await withMinistry(await fileRequest(db, world.clock, world.a));
    const b = await withMinistry(await fileRequest(db, world.clock, world.b));
    const refused = await refusal(
      ministry.review.approve({
        items: [
          { id: a.id, expectedVersion: a.version },
          { id: b.id, expectedVersion: b.version - 1 },
        ],
      }),
    );
    expect(refused.data.code).toBe("CONFLICT");
    expect(await mailsOfKind("sos_accepted")).toEqual([]);
  });

  it("a prefecture officer cannot approve, and nothing is mailed", async () => {
    const a = await withMinistry(await fileRequest(db, world.clock, world.a));
    const refused = await refusal(
      tokyo.review.approve({ items: [{ id: a.id, expectedVersion: a.version }] }),
    );
    expect(refused.data.code).toBe("FORBIDDEN");
    expect(await mailsOfKind("sos_accepted")).toEqual([]);
  });
});
