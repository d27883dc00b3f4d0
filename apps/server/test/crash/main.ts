// pnpm test:crash [--rounds N] [--seed S] [--external]
// kill -9 of the server at random moments of a burst of writes, N rounds (50 by
// default, CRASH_ROUNDS too), then the figures. Exits 1 unless every acknowledged
// write survived, every mail went out within 60 s of its restart and none was
// delivered twice except where the outbox recorded a cut-off attempt.
import { parseArgs } from "node:util";
import { type CrashReport, runCrashLoop } from "./crash-loop";
import { crashVerdict } from "./verdict";

const { values } = parseArgs({
  options: {
    rounds: { type: "string", default: process.env.CRASH_ROUNDS ?? "50" },
    seed: { type: "string" },
    external: { type: "boolean", default: false },
  },
});
const rounds = Number(values.rounds);
if (!Number.isInteger(rounds) || rounds < 1) {
  console.error("--rounds: 1 以上の整数を指定してください / a positive integer");
  process.exit(2);
}
const externalUrl = process.env.DATABASE_URL;
if (values.external && !externalUrl) {
  console.error("--external: DATABASE_URL を指定してください / set DATABASE_URL");
  process.exit(2);
}
const seed = values.seed === undefined ? Date.now() % 1_000_000 : Number(values.seed);
console.log(`seed ${seed} (--seed ${seed} replays these kill moments)`);

const report: CrashReport = await runCrashLoop({
  rounds,
  seed,
  database:
    values.external && externalUrl ? { kind: "external", url: externalUrl } : { kind: "embedded" },
  log: (line) => console.log(line),
});
const verdict = crashVerdict(report);
console.log(verdict.summary);
process.exit(verdict.passed ? 0 : 1);
