import { describe, expect, it } from "vitest";
import {
  approvalSetsOf,
  codePointLabel,
  formatWeeksOfCover,
  pageCountOf,
  pageRangeText,
} from "../src/common/format";

describe("formatWeeksOfCover", () => {
  it("shows one decimal in weeks, and a dash when the stock does not shrink", () => {
    expect(formatWeeksOfCover(2.3333)).toBe("2.3週");
    expect(formatWeeksOfCover(2.25)).toBe("2.3週");
    expect(formatWeeksOfCover(0)).toBe("0.0週");
    expect(formatWeeksOfCover(1234.56)).toBe("1,234.6週");
    expect(formatWeeksOfCover(null)).toBe("—");
  });
});

describe("pageRangeText", () => {
  it("says where the page sits in the whole", () => {
    expect(pageRangeText(1, 50, 1234)).toBe("全 1,234 件中 1〜50 件");
    expect(pageRangeText(25, 50, 1234)).toBe("全 1,234 件中 1,201〜1,234 件");
    expect(pageRangeText(1, 50, 7)).toBe("全 7 件中 1〜7 件");
    expect(pageRangeText(1, 50, 0)).toBe("全 0 件");
  });

  it("counts pages, an empty result being one page", () => {
    expect(pageCountOf(1234, 50)).toBe(25);
    expect(pageCountOf(1250, 50)).toBe(25);
    expect(pageCountOf(0, 50)).toBe(1);
  });
});

describe("approvalSetsOf", () => {
  it("uses the prefecture's quantity, or the computed limit without one", () => {
    expect(approvalSetsOf({ limitSets: 3, prefectureReview: { quantitySets: 5 } })).toBe(5);
    expect(approvalSetsOf({ limitSets: 3, prefectureReview: { quantitySets: null } })).toBe(3);
  });
});

describe("codePointLabel", () => {
  it("names characters outside the basic plane by their whole code point", () => {
    expect(codePointLabel("𠮷")).toBe("U+20BB7");
    expect(codePointLabel("髙")).toBe("U+9AD9");
    expect(codePointLabel("A")).toBe("U+0041");
  });
});
