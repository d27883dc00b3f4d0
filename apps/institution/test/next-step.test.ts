import { describe, expect, it } from "vitest";
import { applyNextStep } from "../src/requests/next-step";

function failedWith(...codes: string[]) {
  return {
    status: "error" as const,
    errorReasons: codes.map((code) => ({ code, message: "", surveyId: null })),
  };
}

describe("the 操作 card's next step after a failed check", () => {
  it("explains the check on a draft", () => {
    expect(applyNextStep({ status: "draft", errorReasons: [] })).toMatch(
      /まだ要請は完了していません/,
    );
  });

  it("sends to the survey when the survey was a cause, alone or with others", () => {
    for (const codes of [["survey_unanswered"], ["survey_not_eligible", "open_request_exists"]]) {
      expect(applyNextStep(failedWith(...codes))).toMatch(/週次調査の回答を確認・修正/);
    }
  });

  it("does not send to the survey for a request already open this week", () => {
    const text = applyNextStep(failedWith("open_request_exists"));
    expect(text).toMatch(/その要請の結果をお待ちください/);
    expect(text).not.toMatch(/週次調査/);
  });

  it("points a sanctioned institution to its prefecture", () => {
    expect(applyNextStep(failedWith("sanctioned"))).toMatch(/都道府県の担当者/);
  });
});
