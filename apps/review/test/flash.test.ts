import { describe, expect, it } from "vitest";
import { type DecisionFlash, decisionFlashOf, decisionTitle } from "../src/requests/flash";

describe("the outcome carried to the next page", () => {
  it("is read back as written, with the not-eligible notice time", () => {
    const flash: DecisionFlash = {
      kind: "notEligible",
      institutionName: "千代田中央病院",
      noticeAt: "2026-11-27T00:00:00.000Z",
    };
    expect(decisionFlashOf({ reviewFlash: flash })).toEqual(flash);
    expect(decisionTitle(flash)).toBe("「千代田中央病院」の要請を対象外としました");
  });

  it("names each decision", () => {
    const name = "神田内科クリニック";
    expect(decisionTitle({ kind: "completed", institutionName: name })).toBe(
      "「神田内科クリニック」の都道府県確認を完了しました",
    );
    expect(decisionTitle({ kind: "approved", institutionName: name })).toBe(
      "「神田内科クリニック」の要請を承認しました（受付完了）",
    );
    expect(decisionTitle({ kind: "returned", institutionName: name })).toBe(
      "「神田内科クリニック」の要請を都道府県に差し戻しました",
    );
  });

  it("is ignored when it is not the app's own", () => {
    for (const state of [
      null,
      {},
      { reviewFlash: "completed" },
      { reviewFlash: { kind: "deleted", institutionName: "x" } },
      { reviewFlash: { kind: "approved" } },
    ]) {
      expect(decisionFlashOf(state)).toBeNull();
    }
  });
});
