import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { appendAudit } from "../src/audit";
import { SENT_SECRET_MAIL_TEXT } from "../src/outbox";
import { createTestDatabase, type TestDatabase } from "../src/testing/test-database";
import {
  insertInstitution,
  insertInstitutionUser,
  insertPrefectures,
  insertRequest,
} from "./fixtures";

let t: TestDatabase;

beforeAll(async () => {
  t = await createTestDatabase();
  await insertPrefectures(t.db);
});
afterAll(async () => {
  await t?.destroy();
});

function newRequest(institutionId: string, prefectureCode: number, userId: string) {
  return insertRequest(t.db, institutionId, userId, prefectureCode);
}

describe("institutions", () => {
  it("refuse a code that is not 10 digits", async () => {
    const bad = t.db.insertInto("institutions").values({
      code: "12345",
      name: "x",
      type: "clinic",
      prefectureCode: 13,
      postcode: "1000001",
      address: "a",
      phone: "0312345678",
      email: "a@b.jp",
    });
    await expect(bad.execute()).rejects.toThrow(/check constraint/);
  });

  it("refuse a duplicate institution code", async () => {
    const a = await insertInstitution(t.db);
    const dup = t.db.insertInto("institutions").values({ ...a, id: undefined as never });
    await expect(dup.execute()).rejects.toThrow(/duplicate key/);
  });

  it("refuse an unknown prefecture and an unknown type", async () => {
    const base = {
      code: "9999999999",
      name: "x",
      postcode: "1000001",
      address: "a",
      phone: "0312345678",
      email: "a@b.jp",
    };
    await expect(
      t.db
        .insertInto("institutions")
        .values({ ...base, type: "clinic", prefectureCode: 48 })
        .execute(),
    ).rejects.toThrow(/foreign key|check/);
    await expect(
      t.db
        .insertInto("institutions")
        .values({ ...base, type: "spa" as never, prefectureCode: 13 })
        .execute(),
    ).rejects.toThrow(/check constraint/);
  });
});

describe("users", () => {
  it("tie an institution user to an institution and only then", async () => {
    const noInstitution = t.db.insertInto("users").values({
      username: "lonely",
      displayName: "x",
      email: "a@b.jp",
      role: "institution",
      institutionId: null,
      prefectureCode: null,
      passwordHash: "x",
    });
    await expect(noInstitution.execute()).rejects.toThrow(/check constraint/);
    const officerWithoutPrefecture = t.db.insertInto("users").values({
      username: "officer",
      displayName: "x",
      email: "a@b.jp",
      role: "prefecture",
      institutionId: null,
      prefectureCode: null,
      passwordHash: "x",
    });
    await expect(officerWithoutPrefecture.execute()).rejects.toThrow(/check constraint/);
  });

  it("treat usernames case-insensitively as unique", async () => {
    const values = {
      displayName: "x",
      email: "a@b.jp",
      role: "ministry" as const,
      institutionId: null,
      prefectureCode: null,
      passwordHash: "x",
    };
    await t.db
      .insertInto("users")
      .values({ ...values, username: "Ministry1" })
      .execute();
    await expect(
      t.db
        .insertInto("users")
        .values({ ...values, username: "ministry1" })
        .execute(),
    ).rejects.toThrow(/duplicate key/);
  });
});

describe("weekly surveys", () => {
  it("allow one survey per institution and week", async () => {
    const inst = await insertInstitution(t.db);
    const row = { institutionId: inst.id, weekStart: "2026-11-25" };
    await t.db.insertInto("weeklySurveys").values(row).execute();
    await expect(t.db.insertInto("weeklySurveys").values(row).execute()).rejects.toThrow(
      /duplicate key/,
    );
  });

  it("refuse negative quantities, half answers and weeks not starting on Wednesday", async () => {
    const inst = await insertInstitution(t.db);
    const answered = { answeredAt: new Date(), stock: -1, consumption: 1, purchases: 0 };
    await expect(
      t.db
        .insertInto("weeklySurveys")
        .values({ institutionId: inst.id, weekStart: "2026-11-25", ...answered })
        .execute(),
    ).rejects.toThrow(/check constraint/);
    await expect(
      t.db
        .insertInto("weeklySurveys")
        .values({ institutionId: inst.id, weekStart: "2026-11-25", stock: 5 })
        .execute(),
    ).rejects.toThrow(/check constraint/);
    await expect(
      t.db
        .insertInto("weeklySurveys")
        .values({ institutionId: inst.id, weekStart: "2026-11-26" })
        .execute(),
    ).rejects.toThrow(/check constraint/);
  });
});

describe("SOS requests", () => {
  it("belong to their institution's prefecture only", async () => {
    const inst = await insertInstitution(t.db, 13);
    const user = await insertInstitutionUser(t.db, inst.id);
    await expect(newRequest(inst.id, 27, user.id)).rejects.toThrow(/foreign key/);
    const ok = await newRequest(inst.id, 13, user.id);
    expect(ok.status).toBe("draft");
    await expect(
      t.db
        .updateTable("institutions")
        .set({ prefectureCode: 27 })
        .where("id", "=", inst.id)
        .execute(),
    ).rejects.toThrow(/foreign key/);
  });

  it("require the conditions tick", async () => {
    const inst = await insertInstitution(t.db);
    const user = await insertInstitutionUser(t.db, inst.id);
    await expect(
      t.db
        .insertInto("sosRequests")
        .values({
          institutionId: inst.id,
          prefectureCode: 13,
          weekStart: "2026-11-25",
          conditionsConfirmed: false,
          createdBy: user.id,
          errorReasons: "[]",
        })
        .execute(),
    ).rejects.toThrow(/check constraint/);
  });

  it("allow only one open request per institution and week", async () => {
    const inst = await insertInstitution(t.db);
    const user = await insertInstitutionUser(t.db, inst.id);
    const survey = await t.db
      .insertInto("weeklySurveys")
      .values({
        institutionId: inst.id,
        weekStart: "2026-11-25",
        stock: 100,
        consumption: 1000,
        purchases: 0,
        answeredAt: new Date(),
      })
      .returning("id")
      .executeTakeFirstOrThrow();
    const a = await newRequest(inst.id, 13, user.id);
    const b = await newRequest(inst.id, 13, user.id);
    const open = {
      status: "reviewing" as const,
      reviewStage: "prefecture" as const,
      appliedAt: new Date(),
      surveyId: survey.id,
    };
    await t.db.updateTable("sosRequests").set(open).where("id", "=", a.id).execute();
    await expect(
      t.db.updateTable("sosRequests").set(open).where("id", "=", b.id).execute(),
    ).rejects.toThrow(/duplicate key/);
  });

  it("refuse a reviewing request without a review stage", async () => {
    const inst = await insertInstitution(t.db);
    const user = await insertInstitutionUser(t.db, inst.id);
    const a = await newRequest(inst.id, 13, user.id);
    await expect(
      t.db
        .updateTable("sosRequests")
        .set({ status: "reviewing", appliedAt: new Date() })
        .where("id", "=", a.id)
        .execute(),
    ).rejects.toThrow(/check constraint/);
  });
});

describe("stock and orders", () => {
  it("never let stock go negative", async () => {
    const product = await t.db
      .insertInto("products")
      .values({ name: "ニトリル手袋" })
      .returning("id")
      .executeTakeFirstOrThrow();
    const size = await t.db
      .insertInto("productSizes")
      .values({ productId: product.id, size: "M", stockSets: 1 })
      .returning("id")
      .executeTakeFirstOrThrow();
    await expect(
      t.db
        .updateTable("productSizes")
        .set((eb) => ({ stockSets: eb("stockSets", "-", 2) }))
        .where("id", "=", size.id)
        .execute(),
    ).rejects.toThrow(/check constraint/);
  });
});

describe("audit log", () => {
  it("is append-only", async () => {
    await appendAudit(t.db, { action: "test.event", details: { someKey: 1 } });
    const row = await t.db
      .selectFrom("auditLog")
      .selectAll()
      .where("action", "=", "test.event")
      .executeTakeFirstOrThrow();
    expect(row.details).toEqual({ someKey: 1 });
    await expect(t.db.updateTable("auditLog").set({ action: "changed" }).execute()).rejects.toThrow(
      /append-only/,
    );
    await expect(t.db.deleteFrom("auditLog").execute()).rejects.toThrow(/append-only/);
  });
});

describe("outbox", () => {
  it("leaves neither mail nor job behind when the transaction rolls back", async () => {
    const { enqueueMail } = await import("../src/outbox");
    await expect(
      t.db.transaction().execute(async (trx) => {
        await enqueueMail(trx, {
          kind: "test",
          to: "a@example.jp",
          from: "noreply@example.jp",
          subject: "件名",
          text: "本文",
        });
        throw new Error("rollback");
      }),
    ).rejects.toThrow("rollback");
    const mails = await t.db.selectFrom("mailOutbox").select("id").execute();
    expect(mails).toHaveLength(0);
    const jobs = await sql<{
      n: number;
    }>`select count(*)::int as n from graphile_worker.jobs`.execute(t.db);
    expect(jobs.rows[0]?.n).toBe(0);

    const id = await t.db.transaction().execute((trx) =>
      enqueueMail(trx, {
        kind: "test",
        to: "a@example.jp",
        from: "noreply@example.jp",
        subject: "件名",
        text: "本文",
      }),
    );
    const after = await sql<{ n: number }>`
      select count(*)::int as n from graphile_worker.jobs where key = ${`mail:${id}`}`.execute(
      t.db,
    );
    expect(after.rows[0]?.n).toBe(1);
  });

  async function linkMail(secret: boolean) {
    const { enqueueMail } = await import("../src/outbox");
    return enqueueMail(t.db, {
      kind: "test",
      to: "a@example.jp",
      from: "noreply@example.jp",
      subject: "件名",
      text: "https://example.jp/reset-password?token=abc234",
      html: '<a href="https://example.jp/reset-password?token=abc234">再設定</a>',
      secret,
    });
  }

  function markSent(id: string, body: { textBody?: string; htmlBody?: string | null } = {}) {
    return t.db
      .updateTable("mailOutbox")
      .set({ status: "sent", sentAt: new Date(), ...body })
      .where("id", "=", id)
      .execute();
  }

  it("refuse a sent secret mail that still holds its body", async () => {
    const id = await linkMail(true);
    const row = await t.db
      .selectFrom("mailOutbox")
      .select(["secret", "textBody"])
      .where("id", "=", id)
      .executeTakeFirstOrThrow();
    expect(row).toEqual({
      secret: true,
      textBody: "https://example.jp/reset-password?token=abc234",
    });

    const refused = /mail_outbox_sent_secret_has_no_body/;
    await expect(markSent(id)).rejects.toThrow(refused);
    await expect(markSent(id, { textBody: SENT_SECRET_MAIL_TEXT })).rejects.toThrow(refused);
    await expect(markSent(id, { textBody: "", htmlBody: null })).rejects.toThrow(refused);
    await markSent(id, { textBody: SENT_SECRET_MAIL_TEXT, htmlBody: null });
  });

  it("let a secret mail keep its body until sent, and any other mail for good", async () => {
    const failed = await linkMail(true);
    await t.db
      .updateTable("mailOutbox")
      .set({ status: "failed" })
      .where("id", "=", failed)
      .execute();
    const plain = await linkMail(false);
    await markSent(plain);
    const kept = await t.db
      .selectFrom("mailOutbox")
      .select("textBody")
      .where("id", "in", [failed, plain])
      .execute();
    expect(kept.map((row) => row.textBody)).toEqual([
      "https://example.jp/reset-password?token=abc234",
      "https://example.jp/reset-password?token=abc234",
    ]);
  });
});
