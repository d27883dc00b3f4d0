import { testClockConfig } from "@sos/test-clock";
import { defineConfig } from "vitest/config";

/**
 * The whole suite runs once per process time zone. Rules must give the same
 * answers whatever TZ the server runs in, so the zones are chosen far from
 * Tokyo on both sides: UTC (a Tokyo Wednesday 17:00 is 08:00 UTC) and
 * Honolulu (UTC-10, still the previous calendar day in Tokyo's morning).
 * test/timezone.test.ts checks that each run really is in its zone.
 */
const zones = ["UTC", "Pacific/Honolulu"] as const;

export default defineConfig({
  test: {
    projects: zones.map((tz) => ({
      test: {
        name: `TZ=${tz}`,
        include: ["test/**/*.test.ts"],
        env: { TZ: tz, EXPECTED_TZ: tz },
        ...testClockConfig(),
        // The day-for-day oracles (holidays 1965-2055, the zone data) take 5-6 s on a
        // shared machine: a guard against a hang, not a timing.
        testTimeout: 30_000,
      },
    })),
  },
});
