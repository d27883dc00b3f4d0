import { describe, expect, it } from "vitest";
import { IsoDateTime, Page, PageLimit, pageSizeUpTo, Search, Version } from "../src/schemas/common";

describe("the routers' common schemas", () => {
  it("sends instants as UTC ISO strings", () => {
    expect(IsoDateTime.parse(new Date(Date.UTC(2026, 11, 2, 8)))).toBe("2026-12-02T08:00:00.000Z");
  });

  it("takes versions from 1", () => {
    expect(Version.safeParse(1).success).toBe(true);
    expect(Version.safeParse(0).success).toBe(false);
    expect(Version.safeParse(1.5).success).toBe(false);
  });

  it("pages from 1 with bounded sizes", () => {
    expect(Page.parse(undefined)).toBe(1);
    expect(Page.safeParse(0).success).toBe(false);
    expect(Page.safeParse(100_001).success).toBe(false);
    expect(pageSizeUpTo(100).parse(undefined)).toBe(50);
    expect(pageSizeUpTo(100).safeParse(101).success).toBe(false);
    expect(pageSizeUpTo(200).safeParse(200).success).toBe(true);
    expect(PageLimit.parse(undefined)).toBeUndefined();
    expect(PageLimit.safeParse(101).success).toBe(false);
  });

  it("reads a blank search as none and trims the rest", () => {
    expect(Search.parse("  ")).toBeNull();
    expect(Search.parse(undefined)).toBeNull();
    expect(Search.parse(null)).toBeNull();
    expect(Search.parse(" さくら ")).toBe("さくら");
    expect(Search.safeParse("あ".repeat(101)).success).toBe(false);
  });
});
