import type { Db } from "@sos/db";
import { createTestDatabase, type TestDatabase } from "@sos/db/testing";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import {
  type Caller,
  callerAs,
  ELIGIBLE,
  FORM,
  putSurvey,
  refusal,
} from "./fixtures/institution-world";
import {
  createReviewWorld,
  type ReviewWorld,
  resetRequests,
  TUESDAY,
  WEEK,
} from "./fixtures/review-world";

let tdb: TestDatabase;
let db: Db;
let world: ReviewWorld;
let ministry: Caller;
let institutionCode: string;

beforeAll(async () => {
  tdb = await createTestDatabase();
  db = tdb.db;
  world = await createReviewWorld(db);
  ministry = world.ministryCaller;
  institutionCode = (
    await db
      .selectFrom("institutions")
      .select("code")
      .where("id", "=", world.a.institutionId)
      .executeTakeFirstOrThrow()
  ).code;
});

afterAll(async () => {
  await tdb.destroy();
});

beforeEach(async () => {
  world.clock.set(TUESDAY);
  await resetRequests(db);
});

/** The institution's own path: survey answered, 新規 → 保存 → システムチェック&申請. */
async function institutionApplies() {
  await putSurvey(db, world.a.institutionId, WEEK, ELIGIBLE);
  const caller = await callerAs(db, world.a.user, world.clock);
  const draft = await caller.sos.create(FORM);
  return caller.sos.checkAndApply({ id: draft.id, version: draft.version });
}

/** "1390000001" typed as "１３９０－０００００１" (full-width digits with a hyphen). */
function typedLikeAPerson(code: string): string {
  const wide = code.replace(/[0-9]/g, (d) => String.fromCharCode(d.charCodeAt(0) + 0xfee0));
  return `${wide.slice(0, 4)}－${wide.slice(4)}`;
}

describe("sanctions", () => {
  it("bars an institution from its code with a reason and a date; its next request fails the system check", async () => {
    world.clock.set("2026-12-01 09:00:00");
    const sanction = await ministry.sanctions.create({
      institutionCode: typedLikeAPerson(institutionCode),
      reason: "  購入した手袋をインターネットで転売していた  ",
      effectiveFrom: "2026-12-01",
    });
    expect(sanction).toEqual({
      id: expect.any(String),
      institution: {
        id: world.a.institutionId,
        code: institutionCode,
        name: expect.any(String),
        prefectureCode: 13,
        prefectureName: "東京都",
      },
      reason: "購入した手袋をインターネットで転売していた",
      effectiveFrom: "2026-12-01",
      state: "in_force",
      createdAt: "2026-12-01T00:00:00.000Z",
      createdBy: { id: world.ministry.user.id, displayName: world.ministry.user.displayName },
      liftedAt: null,
      liftedBy: null,
      liftReason: null,
    });

    const applied = await institutionApplies();
    expect(applied.outcome).toBe("error");
    expect(applied.reasons).toEqual([
      {
        code: "sanctioned",
        message:
          "同意事項④に基づく措置により、現在この医療機関からの緊急配布要請には対応できません（理由：購入した手袋をインターネットで転売していた）。",
        surveyId: null,
      },
    ]);
    // nothing reached the prefecture
    expect(
      await db.selectFrom("mailOutbox").select("id").where("kind", "=", "sos_applied").execute(),
    ).toEqual([]);

    const audit = await db
      .selectFrom("auditLog")
      .select(["action", "targetId", "details"])
      .where("action", "like", "sanction.%")
      .execute();
    expect(audit).toEqual([
      {
        action: "sanction.create",
        targetId: world.a.institutionId,
        details: {
          sanctionId: sanction.id,
          institutionCode,
          reason: "購入した手袋をインターネットで転売していた",
          effectiveFrom: "2026-12-01",
        },
      },
    ]);
  });

  it("a sanction from a later day does not bar yet; lifting one ends the bar, and it stays on record", async () => {
    const institution = await callerAs(db, world.a.user, world.clock);
    const later = await ministry.sanctions.create({
      institutionId: world.a.institutionId,
      reason: "虚偽の回答",
      effectiveFrom: "2026-12-08",
    });
    expect(later.state).toBe("scheduled");
    const first = await institutionApplies();
    expect(first.outcome).toBe("reviewing");
    await institution.sos.withdraw({ id: first.request.id, version: first.request.version });

    const now = await ministry.sanctions.create({
      institutionId: world.a.institutionId,
      reason: "転売",
      effectiveFrom: "2026-11-30",
    });
    const barred = await institutionApplies();
    expect(barred.outcome).toBe("error");
    expect(barred.reasons.map((r) => r.message)).toEqual([
      "同意事項④に基づく措置により、現在この医療機関からの緊急配布要請には対応できません（理由：転売）。",
    ]);

    world.clock.set("2026-12-01 15:00:00");
    const lifted = await ministry.sanctions.lift({
      id: now.id,
      reason: "転売ではなく院内移管と確認できたため",
    });
    expect(lifted).toMatchObject({
      state: "lifted",
      reason: "転売",
      liftedAt: "2026-12-01T06:00:00.000Z",
      liftedBy: { id: world.ministry.user.id },
      liftReason: "転売ではなく院内移管と確認できたため",
    });
    expect((await institutionApplies()).outcome).toBe("reviewing");
    expect((await ministry.sanctions.list()).map((s) => s.id).sort()).toEqual(
      [later.id, now.id].sort(),
    );

    const again = await refusal(ministry.sanctions.lift({ id: lifted.id, reason: "再度" }));
    expect(again.data).toMatchObject({ code: "PRECONDITION_FAILED", domainCode: "INVALID_STATE" });
    expect(again.message).toBe("この措置はすでに解除されています。");
  });

  it("lists sanctions newest first, filtered by state", async () => {
    world.clock.set("2026-12-01 09:00:00");
    const first = await ministry.sanctions.create({
      institutionId: world.a.institutionId,
      reason: "転売",
      effectiveFrom: "2026-12-01",
    });
    world.clock.set("2026-12-01 10:00:00");
    const second = await ministry.sanctions.create({
      institutionId: world.b.institutionId,
      reason: "虚偽の回答",
      effectiveFrom: "2026-12-20",
    });
    world.clock.set("2026-12-01 11:00:00");
    await ministry.sanctions.lift({ id: first.id, reason: "誤認" });

    expect((await ministry.sanctions.list()).map((s) => [s.id, s.state])).toEqual([
      [second.id, "scheduled"],
      [first.id, "lifted"],
    ]);
    expect((await ministry.sanctions.list({ state: "lifted" })).map((s) => s.id)).toEqual([
      first.id,
    ]);
    expect((await ministry.sanctions.list({ state: "in_force" })).map((s) => s.id)).toEqual([]);
    world.clock.set("2026-12-20 00:00:00");
    expect((await ministry.sanctions.list({ state: "in_force" })).map((s) => s.id)).toEqual([
      second.id,
    ]);
  });

  it("names the institution it cannot find, and needs a reason", async () => {
    const unknown = await refusal(
      ministry.sanctions.create({
        institutionCode: "9999999999",
        reason: "転売",
        effectiveFrom: "2026-12-01",
      }),
    );
    expect(unknown.data).toMatchObject({ code: "NOT_FOUND", domainCode: "NOT_FOUND" });
    expect(unknown.data.fieldErrors).toEqual({
      institution: ["指定した医療機関が見つかりません。医療機関コード（10桁）を確認してください。"],
    });
    const malformed = await refusal(
      ministry.sanctions.create({
        institutionCode: "12345",
        reason: "転売",
        effectiveFrom: "2026-12-01",
      }),
    );
    expect(malformed.data.fieldErrors).toEqual({
      institutionCode: ["医療機関コードは10桁の数字で入力してください"],
    });
    const neither = await refusal(
      ministry.sanctions.create({ reason: "転売", effectiveFrom: "2026-12-01" }),
    );
    expect(neither.data.fieldErrors).toEqual({
      institutionCode: ["医療機関コードを入力してください"],
    });
    const noReason = await refusal(
      ministry.sanctions.create({
        institutionId: world.a.institutionId,
        reason: " ",
        effectiveFrom: "2026-12-01",
      }),
    );
    expect(noReason.data.fieldErrors).toEqual({ reason: ["措置の理由を入力してください"] });
    expect(await db.selectFrom("sanctions").select("id").execute()).toEqual([]);
  });

  it("names the institution a typed code stands for before the measure is confirmed", async () => {
    const institution = await db
      .selectFrom("institutions")
      .select(["id", "name", "type", "prefectureCode"])
      .where("id", "=", world.a.institutionId)
      .executeTakeFirstOrThrow();
    const target = await ministry.sanctions.target({
      institutionCode: typedLikeAPerson(institutionCode),
    });
    expect(target).toMatchObject({
      id: institution.id,
      code: institutionCode,
      name: institution.name,
      prefectureCode: institution.prefectureCode,
      type: institution.type,
      openSanctions: 0,
    });
    expect(target.prefectureName).toMatch(/[都道府県]$/);
    expect(target.typeLabel).not.toBe(institution.type);

    await ministry.sanctions.create({
      institutionCode,
      reason: "転売",
      effectiveFrom: "2026-12-10",
    });
    expect((await ministry.sanctions.target({ institutionCode })).openSanctions).toBe(1);

    const unknown = await refusal(ministry.sanctions.target({ institutionCode: "9999999999" }));
    expect(unknown.data.fieldErrors).toEqual({
      institution: ["指定した医療機関が見つかりません。医療機関コード（10桁）を確認してください。"],
    });
    // Only the ministry may look institutions up by code here.
    const tokyo = await refusal(world.tokyoCaller.sanctions.target({ institutionCode }));
    expect(tokyo.data.code).toBe("FORBIDDEN");
  });
});
