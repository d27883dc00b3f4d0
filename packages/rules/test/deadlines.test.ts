import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  ACTIVE_DAYS,
  addDaysYmd,
  dayOfWeek,
  isActive,
  isBusinessDay,
  nextBusinessDay,
  notEligibleNoticeFrom,
  prefectureDeadline,
  sosDeadline,
  sosHandling,
  surveyCreationTime,
  surveyWeekOf,
  timeUntil,
  tokyoDate,
  tokyoTime,
} from "../src/index";

/** An instant written as Tokyo wall-clock time: "2026-11-25T17:00" → 2026-11-25T17:00+09:00. */
const jst = (wall: string) => new Date(`${wall}+09:00`);
const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/** Instants from 2000 to the end of 2049, where the holiday data is complete. */
const anyInstant = fc
  .integer({ min: Date.parse("2000-01-01T00:00:00Z"), max: Date.parse("2049-12-01T00:00:00Z") })
  .map((ms) => new Date(ms));

/** The Tokyo wall-clock "HH:mm:ss.SSS" of an instant (Tokyo is UTC+9 all year). */
const tokyoClock = (t: Date) => new Date(t.getTime() + 9 * HOUR).toISOString().slice(11, 23);

describe("surveyCreationTime — Wednesday 18:35 Tokyo", () => {
  it("2026-11-25 → 09:35 UTC the same day", () => {
    expect(surveyCreationTime("2026-11-25").toISOString()).toBe("2026-11-25T09:35:00.000Z");
  });

  it("a Wednesday that is a public holiday still opens at 18:35 (秋分の日 2026-09-23)", () => {
    expect(surveyCreationTime("2026-09-23")).toEqual(jst("2026-09-23T18:35"));
  });

  it.each(["2026-11-24", "2026-11-26", "2026-11-29"])("%s is not a Wednesday → RangeError", (d) => {
    expect(() => surveyCreationTime(d)).toThrow(RangeError);
  });

  it("an invalid day → RangeError", () => {
    expect(() => surveyCreationTime("2026-02-31")).toThrow(RangeError);
  });
});

describe("surveyWeekOf — Wednesday 18:35 to the next Wednesday 18:35", () => {
  it.each([
    ["2026-11-25T18:34:59.999", "2026-11-18", "a millisecond before the new week: still last week"],
    ["2026-11-25T18:35:00.000", "2026-11-25", "the new week opens at 18:35:00.000"],
    ["2026-11-25T17:00:00.000", "2026-11-18", "the deadline instant belongs to the closing week"],
    ["2026-11-25T00:00:00.000", "2026-11-18", "Wednesday midnight"],
    ["2026-11-26T09:00:00.000", "2026-11-25", "Thursday"],
    ["2026-11-29T23:59:59.999", "2026-11-25", "Sunday night"],
    ["2026-12-02T18:34:59.999", "2026-11-25", "last moment of the week"],
    ["2026-12-31T12:00:00.000", "2026-12-30", "New Year's Eve (week opened in the closure)"],
    ["2027-01-01T00:00:00.000", "2026-12-30", "a week that spans two years"],
  ])("%s Tokyo → week of %s (%s)", (wall, weekStart) => {
    const week = surveyWeekOf(jst(wall));
    expect(week.weekStart).toBe(weekStart);
    expect(week.opensAt).toEqual(jst(`${weekStart}T18:35`));
    expect(week.closesAt).toEqual(jst(`${addDaysYmd(weekStart, 7)}T18:35`));
  });

  it("uses the Tokyo day, not the UTC day: Wed 00:30 Tokyo is still Tuesday in UTC", () => {
    // 2026-11-24T15:30Z is Wednesday 00:30 in Tokyo, before that Wednesday's 18:35.
    expect(surveyWeekOf(new Date("2026-11-24T15:30:00Z")).weekStart).toBe("2026-11-18");
    // 2026-11-25T09:35Z is Wednesday 18:35 in Tokyo (and Tuesday 23:35 in Honolulu).
    expect(surveyWeekOf(new Date("2026-11-25T09:35:00Z")).weekStart).toBe("2026-11-25");
    expect(surveyWeekOf(new Date("2026-11-24T23:35:00-10:00")).weekStart).toBe("2026-11-25");
  });

  it("returns plain Dates", () => {
    const week = surveyWeekOf(jst("2026-11-26T09:00"));
    expect(Object.getPrototypeOf(week.opensAt)).toBe(Date.prototype);
    expect(Object.getPrototypeOf(week.closesAt)).toBe(Date.prototype);
  });

  it("an invalid Date → RangeError", () => {
    expect(() => surveyWeekOf(new Date("nope"))).toThrow(RangeError);
  });
});

describe("sosHandling — on time until Wednesday 17:00:00.000 Tokyo, late until 18:35", () => {
  it.each([
    ["2026-11-25T16:59:59.999", "2026-11-25", false, "2026-11-25", "on time: a millisecond before"],
    [
      "2026-11-25T17:00:00.000",
      "2026-11-25",
      false,
      "2026-11-25",
      "on time: exactly 17:00 is within 'by 17:00'",
    ],
    [
      "2026-11-25T17:00:00.001",
      "2026-11-25",
      true,
      "2026-11-26",
      "late: a millisecond after → next business day",
    ],
    [
      "2026-11-25T18:34:59.999",
      "2026-11-25",
      true,
      "2026-11-26",
      "late: until the new survey week opens",
    ],
    [
      "2026-11-25T18:35:00.000",
      "2026-12-02",
      false,
      "2026-12-02",
      "on time for next week once the new survey opens",
    ],
    [
      "2026-11-26T09:00:00.000",
      "2026-12-02",
      false,
      "2026-12-02",
      "Thursday: on time for the next Wednesday",
    ],
    ["2026-11-24T10:00:00.000", "2026-11-25", false, "2026-11-25", "Tuesday: on time for tomorrow"],
    ["2026-11-29T03:00:00.000", "2026-12-02", false, "2026-12-02", "filed on a Sunday night"],
  ])(
    "filed %s Tokyo → deadline %s 17:00, late %s, handled from %s (%s)",
    (wall, deadlineDay, late, handleFrom) => {
      expect(sosHandling(jst(wall))).toEqual({
        deadline: jst(`${deadlineDay}T17:00`),
        late,
        handleFrom,
      });
    },
  );

  it("the deadline is 08:00 UTC: the same instants written in UTC", () => {
    expect(sosHandling(new Date("2026-11-25T08:00:00.000Z")).late).toBe(false);
    expect(sosHandling(new Date("2026-11-25T08:00:00.001Z")).late).toBe(true);
    expect(sosDeadline(new Date("2026-11-25T07:59:59.999Z")).toISOString()).toBe(
      "2026-11-25T08:00:00.000Z",
    );
  });

  describe("holidays", () => {
    it("a deadline Wednesday that is a holiday (秋分の日 2026-09-23) keeps its 17:00 deadline; handling starts the next business day", () => {
      expect(sosHandling(jst("2026-09-23T16:00"))).toEqual({
        deadline: jst("2026-09-23T17:00"),
        late: false,
        handleFrom: "2026-09-24",
      });
    });

    it("filed on time on the Friday before Silver Week (2026-09-18) → handled from Thursday 2026-09-24", () => {
      expect(sosHandling(jst("2026-09-18T10:00"))).toEqual({
        deadline: jst("2026-09-23T17:00"),
        late: false,
        handleFrom: "2026-09-24",
      });
      // The same Friday's next business day skips Sat, Sun, 敬老の日, 国民の休日 and 秋分の日.
      expect(nextBusinessDay("2026-09-18")).toBe("2026-09-24");
    });

    it("late on the holiday Wednesday 2026-09-23 → next business day 2026-09-24", () => {
      expect(sosHandling(jst("2026-09-23T17:30"))).toMatchObject({
        late: true,
        handleFrom: "2026-09-24",
      });
    });

    it("a substitute-holiday Wednesday (2026-05-06) moves handling to Thursday 2026-05-07", () => {
      expect(sosHandling(jst("2026-04-30T12:00"))).toEqual({
        deadline: jst("2026-05-06T17:00"),
        late: false,
        handleFrom: "2026-05-07",
      });
    });

    it("late on a Wednesday before a Thursday holiday (2027-09-22, 秋分の日 on the 23rd) → Friday", () => {
      expect(sosHandling(jst("2027-09-22T17:01"))).toMatchObject({
        late: true,
        handleFrom: "2027-09-24",
      });
    });
  });

  describe("year-end", () => {
    it("deadline on 2026-12-30, inside the closure: on time, handled from 2027-01-04", () => {
      expect(sosHandling(jst("2026-12-28T15:00"))).toEqual({
        deadline: jst("2026-12-30T17:00"),
        late: false,
        handleFrom: "2027-01-04",
      });
    });

    it("late on 2026-12-30 → 2027-01-04", () => {
      expect(sosHandling(jst("2026-12-30T17:30")).handleFrom).toBe("2027-01-04");
    });

    it("late on 2025-12-31 → 2026-01-05 (Jan 1 holiday, Jan 2 closure, weekend)", () => {
      expect(sosHandling(jst("2025-12-31T18:00"))).toEqual({
        deadline: jst("2025-12-31T17:00"),
        late: true,
        handleFrom: "2026-01-05",
      });
    });

    it("late on 2026-12-23, before the closure → Thursday 2026-12-24", () => {
      expect(sosHandling(jst("2026-12-23T17:00:00.001")).handleFrom).toBe("2026-12-24");
    });
  });

  it("an invalid Date → RangeError", () => {
    expect(() => sosHandling(new Date(Number.NaN))).toThrow(RangeError);
  });
});

describe("prefectureDeadline — Thursday 17:00 after the deadline, as a rule", () => {
  it.each([
    ["2026-11-24T10:00", "2026-11-26", "ordinary week: the Thursday after Wednesday's deadline"],
    ["2026-11-25T17:00", "2026-11-26", "filed at the deadline instant"],
    [
      "2026-11-25T17:30",
      "2026-11-26",
      "late Wednesday filing, handled Thursday: due the same Thursday",
    ],
    ["2026-11-25T18:35", "2026-12-03", "filed into the next survey week"],
    ["2026-09-18T10:00", "2026-09-24", "holiday Wednesday deadline: handled and due Thursday"],
    ["2027-09-21T10:00", "2027-09-24", "Thursday is 秋分の日: due the next business day, Friday"],
    [
      "2027-09-22T17:30",
      "2027-09-30",
      "late before a Thursday holiday: handled Friday, due the next Thursday",
    ],
    [
      "2026-12-28T15:00",
      "2027-01-07",
      "deadline inside the closure: due the first Thursday after it",
    ],
    ["2026-12-22T09:00", "2026-12-24", "the last ordinary week of the year"],
  ])("filed %s Tokyo → due %s 17:00 (%s)", (wall, dueDay) => {
    expect(prefectureDeadline(jst(wall))).toEqual(jst(`${dueDay}T17:00`));
  });

  it("is 08:00 UTC", () => {
    expect(prefectureDeadline(jst("2026-11-24T10:00")).toISOString()).toBe(
      "2026-11-26T08:00:00.000Z",
    );
  });
});

describe("notEligibleNoticeFrom — Friday 00:00 Tokyo of the request week", () => {
  it.each([
    ["2026-11-24T10:00", "2026-11-27", "ordinary week: two days after the deadline"],
    ["2026-11-25T17:30", "2026-11-27", "a late Wednesday filing, handled Thursday"],
    ["2026-11-25T18:35", "2026-12-04", "filed into the next survey week"],
    ["2026-09-18T10:00", "2026-09-25", "Silver Week"],
    ["2026-03-17T10:00", "2026-03-20", "the Friday is 春分の日: still the earliest day, not moved"],
    ["2026-12-28T15:00", "2027-01-08", "after the year-end closure"],
    ["2027-09-22T17:30", "2027-09-24", "late before a Thursday holiday: handled from that Friday"],
  ])("filed %s Tokyo → from %s 00:00 (%s)", (wall, day) => {
    expect(notEligibleNoticeFrom(jst(wall))).toEqual(jst(`${day}T00:00`));
  });

  it("Friday 00:00 Tokyo is Thursday 15:00 UTC", () => {
    expect(notEligibleNoticeFrom(jst("2026-11-24T10:00")).toISOString()).toBe(
      "2026-11-26T15:00:00.000Z",
    );
  });
});

describe("isActive — filed within the past 30 days, both ends inclusive", () => {
  const now = jst("2026-11-25T12:00");
  it.each([
    [0, true, "filed just now"],
    [DAY, true, "a day ago"],
    [29 * DAY, true, "29 days ago"],
    [30 * DAY - 1, true, "just under 30 days"],
    [30 * DAY, true, "exactly 30 x 24 h"],
    [30 * DAY + 1, false, "a millisecond over"],
    [31 * DAY, false, "31 days ago"],
    [-1, false, "a millisecond in the future (clock skew)"],
  ])("age %i ms → %s (%s)", (age, active) => {
    expect(isActive(new Date(now.getTime() - age), now)).toBe(active);
  });

  it("counts 30 days, not 30 calendar-day boundaries", () => {
    expect(ACTIVE_DAYS).toBe(30);
    expect(isActive(jst("2026-10-26T12:00"), now)).toBe(true);
    expect(isActive(jst("2026-10-26T11:59:59.999"), now)).toBe(false);
  });

  it("invalid Dates → RangeError", () => {
    expect(() => isActive(new Date(Number.NaN), now)).toThrow(RangeError);
    expect(() => isActive(now, new Date(Number.NaN))).toThrow(RangeError);
  });
});

describe("timeUntil — countdown", () => {
  const deadline = jst("2026-11-25T17:00");
  it.each([
    [
      jst("2026-11-23T09:00"),
      { days: 2, hours: 8, minutes: 0, overdue: false },
      "Monday 09:00 → 2d 8h",
    ],
    [
      new Date(deadline.getTime() - (DAY + 2 * HOUR + 3 * MINUTE)),
      { days: 1, hours: 2, minutes: 3, overdue: false },
      "1d 2h 3m",
    ],
    [deadline, { days: 0, hours: 0, minutes: 0, overdue: false }, "at the deadline: not overdue"],
    [
      new Date(deadline.getTime() - 1),
      { days: 0, hours: 0, minutes: 1, overdue: false },
      "1 ms left rounds up to 1 minute",
    ],
    [
      new Date(deadline.getTime() - 30_000),
      { days: 0, hours: 0, minutes: 1, overdue: false },
      "30 s left",
    ],
    [
      new Date(deadline.getTime() - MINUTE),
      { days: 0, hours: 0, minutes: 1, overdue: false },
      "exactly 1 minute",
    ],
    [
      new Date(deadline.getTime() - MINUTE - 1),
      { days: 0, hours: 0, minutes: 2, overdue: false },
      "just over 1 minute",
    ],
    [
      new Date(deadline.getTime() - HOUR),
      { days: 0, hours: 1, minutes: 0, overdue: false },
      "exactly 1 hour",
    ],
    [
      new Date(deadline.getTime() - DAY),
      { days: 1, hours: 0, minutes: 0, overdue: false },
      "exactly 1 day",
    ],
    [
      new Date(deadline.getTime() + 1),
      { days: 0, hours: 0, minutes: 0, overdue: true },
      "1 ms overdue",
    ],
    [
      new Date(deadline.getTime() + MINUTE),
      { days: 0, hours: 0, minutes: 1, overdue: true },
      "1 minute overdue",
    ],
    [
      new Date(deadline.getTime() + 2 * DAY + 5 * HOUR + 7 * MINUTE + 30_000),
      { days: 2, hours: 5, minutes: 7, overdue: true },
      "2d 5h 7m 30s overdue",
    ],
  ])("now %s → %j (%s)", (now, expected) => {
    expect(timeUntil(deadline, now)).toEqual(expected);
  });

  it("invalid Dates → RangeError", () => {
    expect(() => timeUntil(new Date(Number.NaN), deadline)).toThrow(RangeError);
  });
});

describe("properties", () => {
  it("surveyWeekOf(t).opensAt <= t < closesAt; the week is 7 days and starts on a Wednesday at 18:35", () => {
    fc.assert(
      fc.property(anyInstant, (t) => {
        const week = surveyWeekOf(t);
        expect(week.opensAt.getTime()).toBeLessThanOrEqual(t.getTime());
        expect(t.getTime()).toBeLessThan(week.closesAt.getTime());
        expect(week.closesAt.getTime() - week.opensAt.getTime()).toBe(7 * DAY);
        expect(dayOfWeek(week.weekStart)).toBe(3);
        expect(week.opensAt).toEqual(surveyCreationTime(week.weekStart));
      }),
    );
  });

  it("the deadline is a Wednesday 17:00 Tokyo, 95 minutes before the survey week closes", () => {
    fc.assert(
      fc.property(anyInstant, (t) => {
        const deadline = sosDeadline(t);
        expect(dayOfWeek(tokyoDate(deadline))).toBe(3);
        expect(tokyoClock(deadline)).toBe("17:00:00.000");
        expect(surveyWeekOf(t).closesAt.getTime() - deadline.getTime()).toBe(95 * MINUTE);
      }),
    );
  });

  it("late ⇔ filed after the deadline, and late filings fall between Wednesday 17:00 and 18:35", () => {
    fc.assert(
      fc.property(anyInstant, (t) => {
        const { deadline, late } = sosHandling(t);
        expect(late).toBe(t.getTime() > deadline.getTime());
        if (late) {
          expect(tokyoDate(t)).toBe(tokyoDate(deadline));
          expect(t.getTime() - deadline.getTime()).toBeLessThan(95 * MINUTE);
        } else {
          expect(deadline.getTime() - t.getTime()).toBeLessThanOrEqual(7 * DAY - 95 * MINUTE);
        }
      }),
    );
  });

  it("handleFrom is a business day, never before the filing day; on time it is the deadline day or the next business day after it", () => {
    fc.assert(
      fc.property(anyInstant, (t) => {
        const { deadline, late, handleFrom } = sosHandling(t);
        expect(isBusinessDay(handleFrom)).toBe(true);
        expect(handleFrom >= tokyoDate(t)).toBe(true);
        const deadlineDay = tokyoDate(deadline);
        if (late) expect(handleFrom).toBe(nextBusinessDay(tokyoDate(t)));
        else
          expect(handleFrom).toBe(
            isBusinessDay(deadlineDay) ? deadlineDay : nextBusinessDay(deadlineDay),
          );
      }),
    );
  });

  it("a later filing is never handled earlier, nor due earlier at the prefecture", () => {
    fc.assert(
      fc.property(anyInstant, fc.integer({ min: 0, max: 21 * DAY }), (t, delta) => {
        const later = new Date(t.getTime() + delta);
        expect(sosHandling(later).handleFrom >= sosHandling(t).handleFrom).toBe(true);
        expect(sosDeadline(later).getTime()).toBeGreaterThanOrEqual(sosDeadline(t).getTime());
        expect(prefectureDeadline(later).getTime()).toBeGreaterThanOrEqual(
          prefectureDeadline(t).getTime(),
        );
      }),
    );
  });

  it("the prefecture is due at 17:00 of a business day, after the filing and not before handling starts", () => {
    fc.assert(
      fc.property(anyInstant, (t) => {
        const due = prefectureDeadline(t);
        const { handleFrom } = sosHandling(t);
        expect(tokyoClock(due)).toBe("17:00:00.000");
        expect(isBusinessDay(tokyoDate(due))).toBe(true);
        expect(due.getTime()).toBeGreaterThan(t.getTime());
        expect(tokyoDate(due) >= handleFrom).toBe(true);
        // A Thursday, or the business day a holiday Thursday moved it to.
        const thursday = addDaysYmd(handleFrom, (4 - dayOfWeek(handleFrom) + 7) % 7);
        expect(tokyoDate(due)).toBe(isBusinessDay(thursday) ? thursday : nextBusinessDay(thursday));
      }),
    );
  });

  it("not-eligible notices start on a Friday at 00:00 Tokyo, after the filing, within a week of handling", () => {
    fc.assert(
      fc.property(anyInstant, (t) => {
        const from = notEligibleNoticeFrom(t);
        const { handleFrom } = sosHandling(t);
        expect(dayOfWeek(tokyoDate(from))).toBe(5);
        expect(tokyoClock(from)).toBe("00:00:00.000");
        expect(from.getTime()).toBeGreaterThan(t.getTime());
        expect(tokyoDate(from) >= handleFrom).toBe(true);
        expect(tokyoDate(from) < addDaysYmd(handleFrom, 7)).toBe(true);
      }),
    );
  });

  it("isActive(f, f + k) ⇔ 0 <= k <= 30 days", () => {
    fc.assert(
      fc.property(anyInstant, fc.integer({ min: -2 * DAY, max: 40 * DAY }), (f, k) => {
        expect(isActive(f, new Date(f.getTime() + k))).toBe(k >= 0 && k <= 30 * DAY);
      }),
    );
  });

  it("timeUntil splits whole minutes into days < ∞, hours < 24, minutes < 60 and adds back up", () => {
    fc.assert(
      fc.property(anyInstant, fc.integer({ min: -60 * DAY, max: 60 * DAY }), (deadline, offset) => {
        const now = new Date(deadline.getTime() - offset);
        const { days, hours, minutes, overdue } = timeUntil(deadline, now);
        expect(overdue).toBe(offset < 0);
        expect(hours).toBeLessThan(24);
        expect(minutes).toBeLessThan(60);
        const total = days * 1440 + hours * 60 + minutes;
        expect(total).toBe(overdue ? Math.floor(-offset / MINUTE) : Math.ceil(offset / MINUTE));
      }),
    );
  });

  it("results do not depend on how the instant was written (offset, UTC, epoch ms)", () => {
    fc.assert(
      fc.property(anyInstant, (t) => {
        const copy = new Date(t.toISOString());
        expect(sosHandling(copy)).toEqual(sosHandling(t));
        expect(tokyoDate(t)).toBe(tokyoDate(new Date(t.getTime())));
        expect(tokyoTime(tokyoDate(t), 0, 0).getTime()).toBeLessThanOrEqual(t.getTime());
      }),
    );
  });
});
