import type { Db } from "@sos/db";
import { createTestDatabase, type TestDatabase } from "@sos/db/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { callerAs } from "./fixtures/institution-world";
import {
  completeByPrefecture,
  createReviewWorld,
  fileRequest,
  type ReviewWorld,
} from "./fixtures/review-world";

let tdb: TestDatabase;
let db: Db;
let world: ReviewWorld;

beforeAll(async () => {
  tdb = await createTestDatabase();
  db = tdb.db;
  world = await createReviewWorld(db);
});

afterAll(async () => {
  await tdb.destroy();
});

describe("the institution's view of its request history", () => {
  it("shows the outcome but not the reviewers' working steps, names or notes", async () => {
    const filed = await fileRequest(db, world.clock, world.a);
    const saved = await world.tokyoCaller.review.savePrefectureReview({
      id: filed.id,
      expectedVersion: filed.version,
      supplyNeeded: true,
      notes: "電話で在庫を確認済み（内部メモ）",
      complete: false,
    });
    const completed = await completeByPrefecture(world.tokyoCaller, saved);
    const returned = await world.ministryCaller.review.returnToPrefecture({
      id: filed.id,
      expectedVersion: completed.version,
      reason: "数量の根拠を再確認してください",
    });
    const again = await completeByPrefecture(world.tokyoCaller, returned);
    await world.ministryCaller.review.approve({
      items: [
        {
          id: filed.id,
          expectedVersion: again.version,
          quantitySets: 1,
          adjustReason: "在庫配分の調整",
        },
      ],
    });

    const reviewerView = await world.ministryCaller.review.get({ id: filed.id });
    const reviewerActions = reviewerView.history.map((h) => h.action);
    expect(reviewerActions).toEqual(
      expect.arrayContaining([
        "prefecture_save",
        "prefecture_complete",
        "return_to_prefecture",
        "approve",
      ]),
    );

    const institution = await callerAs(db, world.a.user, world.clock);
    const detail = await institution.sos.get({ id: filed.id });
    expect(detail.history.map((h) => h.action)).toEqual(["create", "apply_passed", "approve"]);
    const approve = detail.history.at(-1);
    expect(approve?.actor).toBeNull();
    expect(approve?.actorRoleLabel).toBeTruthy();
    expect(approve?.changes).toEqual({});
    const text = JSON.stringify(detail.history);
    expect(text).not.toContain("内部メモ");
    expect(text).not.toContain("在庫配分の調整");
    expect(text).not.toContain("数量の根拠");
    expect(detail.status).toBe("accepted");
  });
});
