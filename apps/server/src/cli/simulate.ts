import { parseArgs } from "node:util";
import { runForecastSimulation, runSignalsSuite } from "@sos/rules/simulation";

/**
 * `pnpm simulate [--institutions N] [--weeks W] [--clean C] [--seed S]`:
 * issue 18's validation figures, computed on seeded synthetic data (no
 * database, no server): the stock-out forecast against a simulated year of
 * the national data set, and the resale/anomaly signals against ten planted
 * patterns among clean institutions. Figures, not assertions; the rules'
 * tests assert the goals at a small scale.
 */
const USAGE = `使い方 / usage: pnpm simulate [--institutions N] [--weeks W] [--clean C] [--seed S]
  --institutions N  医療機関数（既定 180,000）/ institutions (default 180,000)
  --weeks W         模擬する週数（既定 52）/ simulated weeks (default 52)
  --clean C         不正の兆候の検証で混ぜる正常な医療機関数（既定 10,000）/ clean institutions around the planted patterns (default 10,000)
  --seed S          乱数の種（既定 18）/ the seed (default 18)`;

function count(value: string | undefined, fallback: number, name: string): number {
  if (value === undefined) return fallback;
  const n = Number(value.replaceAll("_", "").replaceAll(",", ""));
  if (!Number.isSafeInteger(n) || n < 1)
    throw new Error(`--${name} は正の整数 / must be a positive integer`);
  return n;
}

const pct = (value: number) => value.toFixed(1);
const num = (value: number) => value.toLocaleString("en-US");

function main(): void {
  const { values } = parseArgs({
    args: process.argv.slice(2).filter((arg) => arg !== "--"),
    options: {
      institutions: { type: "string" },
      weeks: { type: "string" },
      clean: { type: "string" },
      seed: { type: "string" },
      help: { type: "boolean", short: "h" },
    },
  });
  if (values.help) {
    console.log(USAGE);
    return;
  }
  const institutions = count(values.institutions, 180_000, "institutions");
  const weeks = count(values.weeks, 52, "weeks");
  const seed = count(values.seed, 18, "seed");
  const clean = count(values.clean, 10_000, "clean");
  console.log(
    `SOS Supply simulate: ${num(institutions)} institutions, ${weeks} weeks, seed ${seed}`,
  );

  const started = performance.now();
  const f = runForecastSimulation({ institutions, weeks, seed });
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  console.log(
    `forecast: ${pct(f.flaggedAheadPercent)} % of SOS flagged >= 1 week ahead, ${pct(f.falseAlarmPercent)} % false alarms`,
  );
  const share = (part: number, whole: number) => pct(whole === 0 ? 0 : (100 * part) / whole);
  console.log(
    `  ${num(f.sosRequests)} SOS requests, ${num(f.flaggedWeeks)} flagged weeks (${seconds} s); ` +
      `first request of an episode: ${share(f.firstRequestsFlaggedAhead, f.firstRequests)} % foreseen of ${num(f.firstRequests)}; ` +
      `strict one-week reading: ${share(f.sosFlaggedWeekBefore, f.sosRequests)} % flagged the week before, ` +
      `${share(f.falseAlarmsNextWeek, f.flaggedWeeks)} % of flags not followed the next week`,
  );

  const suiteStarted = performance.now();
  const s = runSignalsSuite({ clean, seed });
  const suiteSeconds = ((performance.now() - suiteStarted) / 1000).toFixed(1);
  console.log(
    `signals: ${s.caught}/${s.planted} planted caught, ${pct(s.cleanFlaggedPercent)} % clean flagged`,
  );
  const byKind = Object.entries(s.cleanByKind)
    .map(([kind, n]) => `${kind} ${num(n)}`)
    .join(", ");
  console.log(
    `  ${num(s.cleanFlagged)} of ${num(s.clean)} clean institutions flagged (${byKind}); missed: ${s.missed.length === 0 ? "none" : s.missed.join(", ")} (${suiteSeconds} s)`,
  );
}

try {
  main();
} catch (error) {
  console.error(error instanceof Error ? error.message : error, `\n\n${USAGE}`);
  process.exitCode = 2;
}
