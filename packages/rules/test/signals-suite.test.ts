import { describe, expect, it } from "vitest";
import { runSignalsSuite } from "../src/simulation/index";

describe("the seeded suite of planted resale patterns (small scale)", () => {
  it("meets the issue's goals: ≥ 9 of 10 planted patterns caught, ≤ 2 % of clean institutions flagged", () => {
    const result = runSignalsSuite({ clean: 2000, seed: 18 });
    expect(result.planted).toBe(10);
    expect(result.caught).toBeGreaterThanOrEqual(9);
    expect(result.cleanFlaggedPercent).toBeLessThanOrEqual(2);
    // The clean population is not spotless: the figure measures something.
    expect(result.cleanFlagged).toBeGreaterThan(0);
  }, 60_000);

  it("is the same for the same seed", () => {
    expect(runSignalsSuite({ clean: 300, seed: 5 })).toEqual(
      runSignalsSuite({ clean: 300, seed: 5 }),
    );
  });
});
