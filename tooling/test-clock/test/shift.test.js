import { afterEach, describe, expect, it } from "vitest";
import { testClockOffsetMs } from "../index.js";
import { realNow, restoreClock, shiftClockBy, shiftClockTo } from "../shift.js";

const DAY = 86_400_000;
// The setup file may have shifted this run already (SOS_TEST_CLOCK_OFFSET): start from it.
const runOffset = Date.now() - realNow();

afterEach(() => shiftClockBy(runOffset));

describe("a shifted clock", () => {
  it("is what the environment asked this run for", () => {
    expect(Math.abs(runOffset - testClockOffsetMs())).toBeLessThan(1000);
  });

  it("moves Date.now() and new Date() by the offset and keeps ticking", async () => {
    shiftClockBy(90 * DAY);
    expect(Math.abs(Date.now() - realNow() - 90 * DAY)).toBeLessThan(50);
    // biome-ignore lint/complexity/useDateNow: what is tested is new Date() itself
    expect(Math.abs(new Date().getTime() - realNow() - 90 * DAY)).toBeLessThan(50);
    const before = Date.now();
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(Date.now()).toBeGreaterThan(before);
  });

  it("never stacks: shifting again replaces the offset", () => {
    shiftClockBy(DAY);
    shiftClockBy(DAY);
    expect(Math.abs(Date.now() - realNow() - DAY)).toBeLessThan(50);
  });

  it("leaves dates built from a value alone, and they are ordinary dates", () => {
    shiftClockBy(365 * DAY);
    const fixed = new Date("2026-12-02T08:01:00Z");
    expect(fixed.toISOString()).toBe("2026-12-02T08:01:00.000Z");
    expect(new Date(0).getTime()).toBe(0);
    expect(new Date(2027, 0, 4).getFullYear()).toBe(2027);
    expect(fixed).toBeInstanceOf(Date);
    expect(new Date()).toBeInstanceOf(Date);
    expect(Object.prototype.toString.call(new Date())).toBe("[object Date]");
    expect(Date.UTC(2027, 0, 4)).toBe(Date.parse("2027-01-04T00:00:00Z"));
    expect(typeof Date()).toBe("string");
  });

  it("keeps classes that extend Date working, on the shifted clock", () => {
    shiftClockBy(90 * DAY);
    class Stamp extends Date {
      label() {
        return this.toISOString().slice(0, 10);
      }
    }
    const fixed = new Stamp("2026-11-24T15:00:00Z");
    expect(fixed).toBeInstanceOf(Stamp);
    expect(fixed.label()).toBe("2026-11-24");
    expect(Math.abs(new Stamp().getTime() - realNow() - 90 * DAY)).toBeLessThan(50);
    expect(Math.abs(Stamp.now() - realNow() - 90 * DAY)).toBeLessThan(50);
  });

  it("can be set to an instant, and restored", () => {
    shiftClockTo("2030-01-01T00:00:00Z");
    expect(Math.abs(Date.now() - Date.parse("2030-01-01T00:00:00Z"))).toBeLessThan(50);
    restoreClock();
    expect(Math.abs(Date.now() - realNow())).toBeLessThan(5);
  });
});
