import { TZDate } from "@date-fns/tz";
import { format } from "date-fns";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { dayOfWeek, TOKYO, tokyoDate, tokyoTime } from "../src/index";

// The rules compute Tokyo time by arithmetic (UTC+9 from 1952 on, src/tokyo-clock.ts).
// date-fns/tz, which asks the runtime's zone data on every call, is the oracle here.

const tz = (ms: number) => new TZDate(ms, TOKYO);
const oracleDate = (ms: number) => format(tz(ms), "yyyy-MM-dd");
const oracleTime = (ymd: string, hours: number, minutes: number) => {
  const [year, month, day] = ymd.split("-").map(Number);
  return TZDate.tz(TOKYO, year ?? 0, (month ?? 0) - 1, day ?? 0, hours, minutes).getTime();
};

/** Instants from 1990-01-01 to 2100-12-31, to the millisecond. */
const instant1990to2100 = fc.integer({
  min: Date.UTC(1990, 0, 1),
  max: Date.UTC(2100, 11, 31, 23, 59, 59, 999),
});

describe("Tokyo time by arithmetic agrees with date-fns/tz", () => {
  it("tokyoDate and the weekday of any instant 1990-2100", () => {
    fc.assert(
      fc.property(instant1990to2100, (ms) => {
        const day = tokyoDate(new Date(ms));
        expect(day).toBe(oracleDate(ms));
        expect(dayOfWeek(day)).toBe(tz(ms).getDay());
      }),
      { numRuns: 2000 },
    );
  });

  it("tokyoTime of any wall-clock time on any day 1990-2100, run-over hours included", () => {
    fc.assert(
      fc.property(
        instant1990to2100,
        fc.integer({ min: 0, max: 30 }),
        fc.integer({ min: 0, max: 59 }),
        (ms, hours, minutes) => {
          const day = oracleDate(ms);
          expect(tokyoTime(day, hours, minutes).getTime()).toBe(oracleTime(day, hours, minutes));
        },
      ),
      { numRuns: 2000 },
    );
  });

  it("around every day boundary (Tokyo midnight = 15:00 UTC), to the millisecond", () => {
    fc.assert(
      fc.property(instant1990to2100, fc.integer({ min: -2, max: 1 }), (ms, delta) => {
        const midnight = Math.floor((ms + 9 * 3_600_000) / 86_400_000) * 86_400_000 - 9 * 3_600_000;
        const t = midnight + delta;
        expect(tokyoDate(new Date(t))).toBe(oracleDate(t));
      }),
      { numRuns: 500 },
    );
  });

  it("before 1952, from the zone data: summer time 1948-1951 and local mean time before 1888", () => {
    // Every half hour across each clock change (Intl is asked for these, as date-fns/tz did).
    const changes = [
      Date.UTC(1887, 11, 31, 15),
      Date.UTC(1948, 4, 1, 15),
      Date.UTC(1948, 8, 11, 15),
      Date.UTC(1949, 3, 2, 15),
      Date.UTC(1949, 8, 10, 15),
      Date.UTC(1950, 4, 6, 15),
      Date.UTC(1950, 8, 9, 15),
      Date.UTC(1951, 4, 5, 15),
      Date.UTC(1951, 8, 8, 15),
      Date.UTC(1951, 11, 31, 15),
    ];
    for (const change of changes) {
      for (let ms = change - 36 * 3_600_000; ms <= change + 36 * 3_600_000; ms += 1_800_000) {
        expect(tokyoDate(new Date(ms)), new Date(ms).toISOString()).toBe(oracleDate(ms));
        const day = oracleDate(ms);
        for (const [hours, minutes] of [
          [0, 0],
          [0, 30],
          [1, 0],
          [17, 0],
          [23, 59],
        ] as const) {
          expect(tokyoTime(day, hours, minutes).getTime(), `${day} ${hours}:${minutes}`).toBe(
            oracleTime(day, hours, minutes),
          );
        }
      }
    }
  });
});
