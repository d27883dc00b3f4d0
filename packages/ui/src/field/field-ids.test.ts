import { describe, expect, it } from "vitest";
import { fieldIds, joinIds } from "./field-ids";

describe("joinIds", () => {
  it("joins the given ids and drops missing ones", () => {
    expect(joinIds(["a", undefined, "", "b"])).toBe("a b");
  });

  it("gives undefined, not an empty attribute, when nothing is left", () => {
    expect(joinIds([undefined, ""])).toBeUndefined();
  });
});

describe("fieldIds", () => {
  it("describes a control by the caller's ids, its hint, extras, then its error", () => {
    expect(
      fieldIds("stock", {
        hasHint: true,
        hasError: true,
        extra: ["stock-suffix"],
        describedBy: "note",
      }),
    ).toEqual({
      hintId: "stock-hint",
      errorId: "stock-error",
      describedBy: "note stock-hint stock-suffix stock-error",
    });
  });

  it("leaves out what is not shown", () => {
    expect(fieldIds("stock", { hasHint: false, hasError: false }).describedBy).toBeUndefined();
    expect(fieldIds("stock", { hasHint: false, hasError: true }).describedBy).toBe("stock-error");
  });
});
