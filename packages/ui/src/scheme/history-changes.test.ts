import { describe, expect, it } from "vitest";
import { describeChanges } from "./history-changes";

describe("describeChanges", () => {
  it("words an edit field by field, phone numbers formatted", () => {
    expect(
      describeChanges({
        contactName: { from: "山田 太郎", to: "佐藤 花子" },
        contactPhone: { from: null, to: "0352531111" },
        conditionsConfirmed: { from: false, to: true },
      }),
    ).toEqual([
      { key: "contactName", label: "担当者氏名", from: "山田 太郎", to: "佐藤 花子", long: false },
      { key: "contactPhone", label: "電話番号", to: "03-5253-1111", long: false },
      {
        key: "conditionsConfirmed",
        label: "緊急配布条件の確認",
        from: "未確認",
        to: "確認済み",
        long: false,
      },
    ]);
  });

  it("folds long notes and shows a cleared value as （なし）", () => {
    const notes = "在庫が急減しています。\n至急お願いします。";
    const [line] = describeChanges({ notes: { from: notes, to: "" } });
    expect(line).toEqual({ key: "notes", label: "備考", from: notes, to: "（なし）", long: true });
  });

  it("words what a system check recorded and hides internal ids", () => {
    const lines = describeChanges({
      surveyId: "7d1f4c2e-0000-4000-8000-000000000001",
      checkedFigures: { stock: 2000, consumption: 1000, purchases: 400 },
      limitSets: 2,
      errorReasons: ["survey_not_eligible", "unknown_code"],
      late: true,
      handleFrom: "2026-12-03",
    });
    expect(lines.map((line) => [line.label, line.to])).toEqual([
      [
        "判定に使った週次調査の回答",
        "在庫量 2,000枚、1週間の想定消費量 1,000枚、1週間の購入見込み量 400枚",
      ],
      ["購入上限数（自己チェック）", "2セット（2,000枚）"],
      ["エラーの内容", "週次調査の回答が配布条件を満たさない、unknown_code"],
      ["対応開始日（締切後の申請）", "2026年12月3日（木）"],
    ]);
  });

  it("leaves out an on-time handling day, empty reasons and unknown plain values", () => {
    expect(
      describeChanges({ late: false, handleFrom: "2026-12-02", errorReasons: [], internal: 1 }),
    ).toEqual([]);
  });

  it("shows an unknown edited field under its key, and review stages by name", () => {
    expect(
      describeChanges(
        { reviewStage: { from: "prefecture", to: "ministry" }, quantitySets: { from: 3, to: 2 } },
        { reviewStage: "確認段階" },
      ),
    ).toEqual([
      {
        key: "reviewStage",
        label: "確認段階",
        from: "都道府県確認中",
        to: "国確認中",
        long: false,
      },
      {
        key: "quantitySets",
        label: "quantitySets",
        from: "3セット（3,000枚）",
        to: "2セット（2,000枚）",
        long: false,
      },
    ]);
  });
});
