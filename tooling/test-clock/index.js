// Plain JavaScript: vitest configs load it through Node without a TypeScript step.
import { fileURLToPath } from "node:url";
import { realNow } from "./shift.js";

/**
 * One variable moves the whole suite to another day: the test processes' Date, the
 * servers they start and the browsers they drive. `+90d`, `1y`, `-2w`, `12h`, or a
 * date (`2027-12-07`: the same time of day on that date, Tokyo).
 */
export const TEST_CLOCK_ENV = "SOS_TEST_CLOCK_OFFSET";

const UNITS = { h: 3_600_000, d: 86_400_000, w: 7 * 86_400_000 };
const DAY_MS = UNITS.d;

/** The offset in milliseconds that `spec` asks for, seen from `from` (ms). */
export function parseClockOffset(spec, from = realNow()) {
  const text = (spec ?? "").trim();
  if (text === "" || text === "0") return 0;
  const relative = /^([+-]?)(\d+)\s*([hdwmy])$/.exec(text);
  if (relative) {
    const sign = relative[1] === "-" ? -1 : 1;
    const amount = Number(relative[2]);
    const unit = relative[3];
    if (unit === "m" || unit === "y") {
      // Calendar months and years: "+1y" from 2026-12-07 is 2027-12-07, the same hour.
      const target = new Date(from);
      target.setUTCMonth(target.getUTCMonth() + sign * amount * (unit === "y" ? 12 : 1));
      return target.getTime() - from;
    }
    return sign * amount * UNITS[unit];
  }
  const date = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (date) {
    const target = Date.UTC(Number(date[1]), Number(date[2]) - 1, Number(date[3]));
    const tokyoToday = Math.floor((from + 9 * 3_600_000) / DAY_MS) * DAY_MS;
    return target - tokyoToday;
  }
  throw new Error(
    `${TEST_CLOCK_ENV}=${text}: expected an offset such as +90d, 1y, -2w, 12h or a date YYYY-MM-DD`,
  );
}

/** The offset this run was asked for, from the environment. */
export function testClockOffsetMs(env = process.env) {
  return parseClockOffset(env[TEST_CLOCK_ENV]);
}

/**
 * What a vitest config spreads into `test` so its tests run on the shifted clock:
 * the setup file, and the offset handed to it (through `provide`, which reaches
 * browser-mode tests too, where there is no process.env).
 */
export function testClockConfig() {
  return {
    setupFiles: [fileURLToPath(new URL("./setup.js", import.meta.url))],
    provide: { testClockOffsetMs: testClockOffsetMs() },
  };
}
