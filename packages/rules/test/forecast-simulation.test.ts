import { describe, expect, it } from "vitest";
import {
  LOOKAHEAD_WEEKS,
  runForecastSimulation,
  tallyInstitution,
  type WeekRecord,
} from "../src/simulation/index";

const week = (flagged: boolean, filed: boolean): WeekRecord => ({
  flagged,
  filed,
  inProgress: filed,
  pattern: "steady",
});

const emptyTally = () => ({
  sosRequests: 0,
  sosFlaggedAhead: 0,
  flaggedWeeks: 0,
  falseAlarms: 0,
  firstRequests: 0,
  firstRequestsFlaggedAhead: 0,
  sosFlaggedWeekBefore: 0,
  falseAlarmsNextWeek: 0,
});

describe("the simulation's measures (definitions)", () => {
  it("a request flagged the week before is foreseen, and that flag is no false alarm", () => {
    const tally = emptyTally();
    tallyInstitution(
      [
        week(false, false),
        week(true, false),
        week(false, true),
        ...Array(5).fill(week(false, false)),
      ],
      0,
      tally,
    );
    expect(tally).toMatchObject({
      sosRequests: 1,
      sosFlaggedAhead: 1,
      flaggedWeeks: 1,
      falseAlarms: 0,
    });
  });

  it("a flag in the filing week itself does not foresee it (at least one week earlier)", () => {
    const tally = emptyTally();
    tallyInstitution(
      [week(false, false), week(true, true), ...Array(5).fill(week(false, false))],
      0,
      tally,
    );
    expect(tally).toMatchObject({ sosRequests: 1, sosFlaggedAhead: 0, flaggedWeeks: 0 });
  });

  it(`a flag with no request in the next ${LOOKAHEAD_WEEKS} weeks is a false alarm; one after is too late`, () => {
    const tally = emptyTally();
    const weeks = [
      week(true, false),
      ...Array(LOOKAHEAD_WEEKS).fill(week(false, false)),
      week(false, true),
    ];
    tallyInstitution([...weeks, ...Array(LOOKAHEAD_WEEKS).fill(week(false, false))], 0, tally);
    expect(tally).toMatchObject({
      flaggedWeeks: 1,
      falseAlarms: 1,
      sosRequests: 1,
      sosFlaggedAhead: 0,
    });
  });
});

describe("the seeded 52-week simulation (small scale)", () => {
  it("is the same for the same seed", () => {
    const options = { institutions: 200, weeks: 52, seed: 7 };
    expect(runForecastSimulation(options)).toEqual(runForecastSimulation(options));
  });

  it("meets the issue's goals: ≥ 80 % of SOS requests flagged ≥ 1 week ahead, ≤ 10 % false alarms", () => {
    const result = runForecastSimulation({ institutions: 2000, weeks: 52, seed: 18 });
    // Enough requests and flags for the percentages to mean something.
    expect(result.sosRequests).toBeGreaterThan(1000);
    expect(result.flaggedWeeks).toBeGreaterThan(1000);
    expect(result.flaggedAheadPercent).toBeGreaterThanOrEqual(80);
    expect(result.falseAlarmPercent).toBeLessThanOrEqual(10);
  }, 60_000);
});
