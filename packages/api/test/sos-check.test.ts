import { assessEligibility } from "@sos/rules";
import { describe, expect, it } from "vitest";
import { runSystemCheck } from "../src/services/sos";
import { appliedMail, reviewLink } from "../src/services/sos/officer-mail";

const survey = (figures: { stock: number; consumption: number; purchases: number } | null) => ({
  id: "00000000-0000-4000-8000-000000000001",
  weekStart: "2026-11-25",
  figures,
});

describe("runSystemCheck", () => {
  it("passes the manual's worked example with nothing against it", () => {
    const result = runSystemCheck({
      survey: survey({ stock: 2000, consumption: 1000, purchases: 400 }),
      sanctions: [],
      openRequestExists: false,
    });
    expect(result).toMatchObject({
      passed: true,
      reasons: [],
      assessment: { eligible: true, monthlyShortfall: 2400, limitSets: 2 },
    });
  });

  it("fails at the strict boundary (stock equal to the threshold)", () => {
    const result = runSystemCheck({
      survey: survey({ stock: 2400, consumption: 1000, purchases: 400 }),
      sanctions: [],
      openRequestExists: false,
    });
    expect(result.passed).toBe(false);
    expect(result.reasons.map((r) => r.code)).toEqual(["survey_not_eligible"]);
    expect(result.reasons[0]?.surveyId).toBe("00000000-0000-4000-8000-000000000001");
  });

  it("explains purchases covering consumption without a negative threshold", () => {
    const result = runSystemCheck({
      survey: survey({ stock: 0, consumption: 400, purchases: 1000 }),
      sanctions: [],
      openRequestExists: false,
    });
    expect(result.reasons[0]?.message).toBe(
      "週次調査の回答が緊急配布の条件を満たしていません。1週間の購入見込み量 1,000枚 が1週間の想定消費量 400枚 以上のため、在庫が減らない見込みです。回答内容が正しいか確認してください。",
    );
  });

  it("lists every failure in a fixed order: survey, sanctions (each), open request", () => {
    const result = runSystemCheck({
      survey: survey(null),
      sanctions: [{ reason: "転売" }, { reason: "虚偽の回答" }],
      openRequestExists: true,
    });
    expect(result.passed).toBe(false);
    expect(result.reasons.map((r) => [r.code, r.surveyId !== null])).toEqual([
      ["survey_unanswered", true],
      ["sanctioned", false],
      ["sanctioned", false],
      ["open_request_exists", false],
    ]);
    expect(result.reasons[2]?.message).toContain("（理由：虚偽の回答）");
    expect(result.figures).toBeNull();
    expect(result.assessment).toBeNull();
  });
});

describe("the officers' mail", () => {
  const facts = {
    requestId: "00000000-0000-4000-8000-0000000000aa",
    institution: {
      code: "1312345678",
      name: "千代田病院",
      prefectureCode: 13,
      prefectureName: "東京都",
    },
    contactName: "山田　花子",
    contactPhone: null,
    notes: "",
    weekStart: "2026-11-25",
    appliedAt: new Date("2026-12-02T08:00:01Z"),
    figures: { stock: 2000, consumption: 1000, purchases: 400 },
    assessment: assessEligibility({ stock: 2000, consumption: 1000, purchases: 400 }),
    late: true,
    handleFrom: "2026-12-03",
    deadline: new Date("2026-12-02T08:00:00Z"),
  };

  it("links to the request in the review console, whatever slash the base URL ends with", () => {
    expect(reviewLink("https://sos.example.jp/", facts.requestId)).toBe(
      "https://sos.example.jp/review/requests/00000000-0000-4000-8000-0000000000aa",
    );
  });

  it("says when a late request will be handled and when the prefecture is due", () => {
    const mail = appliedMail(
      "東京 太郎",
      facts,
      reviewLink("https://sos.example.jp", facts.requestId),
    );
    expect(mail.subject).toBe("【SOS Supply】緊急配布要請が申請されました（千代田病院）");
    expect(mail.text).toContain("東京 太郎 様");
    expect(mail.text).toContain("東京都の医療機関から緊急配布要請が申請されました。");
    expect(mail.text).toContain("千代田病院（医療機関コード：1312345678）");
    expect(mail.text).toContain("担当者：山田　花子　電話：（未入力）");
    expect(mail.text).toContain("2026年12月2日（水）17:00");
    expect(mail.text).toContain("2026年12月3日（木）以降の対応となります。");
    // handling from Thursday 12-03 → the prefecture's part is due that Thursday 17:00
    expect(mail.text).toContain("都道府県の入力期限（原則）：2026年12月3日（木）17:00");
    expect(mail.text).toContain(
      "判定：在庫量 2,000枚 ＜（1,000枚 − 400枚）× 4 ＝ 2,400枚 → 配布対象 該当",
    );
    expect(mail.text).toContain("  （なし）");
  });
});
