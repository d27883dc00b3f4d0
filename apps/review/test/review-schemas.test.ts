import { describe, expect, it } from "vitest";
import {
  APPROVE_AT_LEAST_ONE,
  adjustReasonRequired,
  ministryDecisionSchema,
} from "../src/requests/ministry-decision-schema";
import {
  overLimitMessage,
  overrideReasonRequired,
  type PrefectureReviewDraft,
  prefectureReviewSchema,
  QUANTITY_AT_LEAST_ONE,
  SUPPLY_REQUIRED,
} from "../src/requests/prefecture-review-schema";

const draft = (values: Partial<PrefectureReviewDraft>): PrefectureReviewDraft => ({
  supply: "yes",
  quantity: "3",
  overLimit: false,
  overrideReason: "",
  notes: "",
  ...values,
});

function messages(result: {
  success: boolean;
  error?: { issues: Array<{ path: PropertyKey[]; message: string }> };
}) {
  return Object.fromEntries(
    (result.error?.issues ?? []).map((issue) => [String(issue.path[0]), issue.message]),
  );
}

describe("prefectureReviewSchema", () => {
  it("completes at the limit", () => {
    expect(prefectureReviewSchema(3, true).parse(draft({}))).toEqual({
      supplyNeeded: true,
      quantitySets: 3,
      overrideReason: "",
      notes: "",
      complete: true,
    });
  });

  it("needs 配送要否 to complete, not to save a draft", () => {
    expect(messages(prefectureReviewSchema(3, true).safeParse(draft({ supply: "" })))).toEqual({
      supply: SUPPLY_REQUIRED,
    });
    expect(prefectureReviewSchema(3, false).parse(draft({ supply: "", quantity: "" }))).toEqual({
      supplyNeeded: null,
      quantitySets: null,
      overrideReason: "",
      notes: "",
      complete: false,
    });
  });

  it("refuses more than the limit without the override, and the override without a reason", () => {
    expect(messages(prefectureReviewSchema(3, true).safeParse(draft({ quantity: "4" })))).toEqual({
      quantity: overLimitMessage(3),
    });
    expect(
      messages(
        prefectureReviewSchema(3, true).safeParse(
          draft({ quantity: "4", overLimit: true, overrideReason: "　" }),
        ),
      ),
    ).toEqual({ overrideReason: overrideReasonRequired(3) });
    expect(
      prefectureReviewSchema(3, true).parse(
        draft({ quantity: "4", overLimit: true, overrideReason: " 病棟開設 " }),
      ),
    ).toMatchObject({ quantitySets: 4, overrideReason: "病棟開設" });
  });

  it("drops a reason that justifies nothing", () => {
    expect(
      prefectureReviewSchema(3, true).parse(
        draft({ quantity: "2", overLimit: true, overrideReason: "念のため" }),
      ),
    ).toMatchObject({ quantitySets: 2, overrideReason: "" });
  });

  it("makes 配送不要 zero sets whatever the box says", () => {
    expect(
      prefectureReviewSchema(3, true).parse(draft({ supply: "no", quantity: "9" })),
    ).toMatchObject({
      supplyNeeded: false,
      quantitySets: 0,
      overrideReason: "",
    });
  });

  it("needs at least one set when supply is needed", () => {
    expect(messages(prefectureReviewSchema(3, true).safeParse(draft({ quantity: "0" })))).toEqual({
      quantity: QUANTITY_AT_LEAST_ONE,
    });
    expect(messages(prefectureReviewSchema(3, false).safeParse(draft({ quantity: "" })))).toEqual({
      quantity: "数量（セット）を入力してください",
    });
  });
});

describe("ministryDecisionSchema", () => {
  it("approves the prefecture's quantity without a reason", () => {
    expect(ministryDecisionSchema(4).parse({ quantity: "4", adjustReason: "" })).toEqual({
      quantitySets: 4,
      adjustReason: "",
    });
  });

  it("needs a reason for another quantity", () => {
    expect(
      messages(ministryDecisionSchema(4).safeParse({ quantity: "6", adjustReason: "" })),
    ).toEqual({
      adjustReason: adjustReasonRequired(4),
    });
    expect(ministryDecisionSchema(4).parse({ quantity: "6", adjustReason: "協議済み" })).toEqual({
      quantitySets: 6,
      adjustReason: "協議済み",
    });
  });

  it("approves at least one set", () => {
    expect(
      messages(ministryDecisionSchema(0).safeParse({ quantity: "0", adjustReason: "" })),
    ).toEqual({
      quantity: APPROVE_AT_LEAST_ONE,
    });
  });
});
