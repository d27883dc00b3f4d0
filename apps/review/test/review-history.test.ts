import { describe, expect, it } from "vitest";
import { reviewHistoryChanges } from "../src/requests/review-history";

describe("reviewHistoryChanges", () => {
  it("words an approval's quantities in sets and drops the stage it left", () => {
    expect(
      reviewHistoryChanges({
        action: "approve",
        changes: {
          quantitySets: 6,
          prefectureQuantitySets: 4,
          adjustReason: "近隣施設分を含める",
          reviewStage: { from: "ministry", to: null },
        },
      }),
    ).toEqual({
      quantitySets: 6,
      prefectureQuantitySets: "4セット（4,000枚）",
      adjustReason: "近隣施設分を含める",
    });
  });

  it("keeps a return's stage change", () => {
    expect(
      reviewHistoryChanges({
        action: "return",
        changes: { reason: "再確認", reviewStage: { from: "ministry", to: "prefecture" } },
      }),
    ).toEqual({ reason: "再確認", reviewStage: { from: "ministry", to: "prefecture" } });
  });

  it("turns the over-limit record into the reason and the limit, unless they are there", () => {
    expect(
      reviewHistoryChanges({
        action: "prefecture_complete",
        changes: {
          quantitySets: { from: 3, to: 5 },
          overLimit: { limitSets: 3, quantitySets: 5, reason: "病棟開設" },
        },
      }),
    ).toEqual({ quantitySets: { from: 3, to: 5 }, overrideReason: "病棟開設", limitSets: 3 });
    expect(
      reviewHistoryChanges({
        changes: {
          overrideReason: { from: null, to: "病棟開設" },
          overLimit: { limitSets: 3, quantitySets: 5, reason: "病棟開設" },
        },
      }),
    ).toEqual({ overrideReason: { from: null, to: "病棟開設" }, limitSets: 3 });
  });

  it("says when and to whom the not-eligible notice goes, on the Tokyo clock", () => {
    expect(
      reviewHistoryChanges({
        action: "reject",
        changes: {
          reason: "在庫十分",
          notice: { mailId: "m1", to: "info@example.jp", sendAt: "2026-12-03T15:00:00.000Z" },
        },
      }),
    ).toEqual({
      reason: "在庫十分",
      noticeSendAt: "2026年12月4日（金）00:00以降に送信（info@example.jp）",
    });
  });

  it("names a hand-over by the list's number and the sets it carried", () => {
    expect(
      reviewHistoryChanges({
        action: "hand_over",
        changes: { batchId: "b1", batchNumber: 12, limitSets: 1234 },
      }),
    ).toEqual({ batchNumber: "第12号", listedSets: "1,234セット（1,234,000枚）" });
  });

  it("leaves an entry without changes alone", () => {
    expect(reviewHistoryChanges({ changes: null })).toBeNull();
  });
});
