import { describe, expect, it } from "vitest";

// Guards the two-zone setup in vitest.config.ts: if TZ stopped reaching the
// workers, every other file would silently run in one zone only.
describe("process time zone of this run", () => {
  it("is the zone the project asked for", () => {
    const expected = process.env.EXPECTED_TZ;
    expect(expected).toBeDefined();
    expect(Intl.DateTimeFormat().resolvedOptions().timeZone).toBe(expected);
  });

  it("is not Tokyo, so Tokyo-specific results cannot come from the local clock", () => {
    // 2026-11-25T00:00+09:00 is 15:00 UTC on the 24th: a non-Tokyo local date differs.
    expect(new Date("2026-11-25T00:00:00+09:00").getDate()).toBe(24);
  });
});
