import { parseArgs } from "node:util";
import { z } from "zod";

export const BENCH_USAGE = `使い方 / usage:
  pnpm bench [--quick] [--institutions N] [--reps R] [--seconds S] [--only p1,p2]
  pnpm bench --deadline-hour [--institutions N] [--minutes M]

  --quick            小さな規模（医療機関 20,000件、3分以内）/ a small size that finishes in under 3 minutes
  --institutions N   医療機関数（既定 180,000）/ institutions (default 180,000)
  --reps R           製品とベースラインを交互に R 回（既定 3）/ product and baseline back to back, R times
  --seconds S        スループット測定1回の秒数 / seconds of one throughput measurement
  --only LIST        測る組だけ（${"survey,signin,queue,csv,mail,bundles,processes,allocation,registry"}）/ only these pairs
  --deadline-hour    締切の1時間: 全医療機関が1回ログインして1回回答する / the deadline hour as a run
  --minutes M        締切の1時間を M 分に圧縮（既定 10）/ the hour compressed into M minutes

接続先は DATABASE_URL のサーバー（使い捨てのデータベースを作成）、未設定なら使い捨ての組み込み PostgreSQL です。`;

export const PAIRS = [
  "survey",
  "signin",
  "queue",
  "csv",
  "mail",
  "bundles",
  "processes",
  "allocation",
  "registry",
] as const;
export type PairName = (typeof PAIRS)[number];

export interface BenchOptions {
  mode: "pairs" | "deadline-hour";
  quick: boolean;
  institutions: number;
  /** Filed requests: `targetItems` accepted (on the target list), the rest in review this week. */
  requests: number;
  targetItems: number;
  /** Distinct institutions whose sessions answer the survey in the throughput runs. */
  sessions: number;
  /** Concurrent HTTP connections of the load generator. */
  connections: number;
  reps: number;
  /** Length of one throughput measurement. */
  seconds: number;
  /** Purchase-link mails per repetition. */
  mails: number;
  only: ReadonlySet<PairName>;
  minutes: number;
}

const count = (max: number) =>
  z
    .string()
    .transform((value) => value.replaceAll("_", "").replaceAll(",", ""))
    .pipe(z.string().regex(/^[0-9]+$/, { error: "正の整数を指定してください" }))
    .transform(Number)
    .pipe(z.number().int().min(1).max(max));

const Args = z.object({
  quick: z.boolean().default(false),
  "deadline-hour": z.boolean().default(false),
  institutions: count(2_000_000).optional(),
  reps: count(20).optional(),
  seconds: count(600).optional(),
  minutes: count(60).optional(),
  only: z
    .string()
    .transform((value) => value.split(",").map((part) => part.trim()))
    .pipe(z.array(z.enum(PAIRS)).min(1))
    .optional(),
  help: z.boolean().default(false),
});

export class BenchUsageError extends Error {}

const FULL = { institutions: 180_000, sessions: 20_000, seconds: 10, mails: 2_000 };
const QUICK = { institutions: 20_000, sessions: 5_000, seconds: 3, mails: 150 };

export function parseBenchArgs(argv: readonly string[]): BenchOptions | "help" {
  // `pnpm bench -- --quick` forwards the separator itself.
  const args = argv.filter((arg) => arg !== "--");
  let raw: unknown;
  try {
    raw = parseArgs({
      args,
      options: {
        quick: { type: "boolean" },
        "deadline-hour": { type: "boolean" },
        institutions: { type: "string" },
        reps: { type: "string" },
        seconds: { type: "string" },
        minutes: { type: "string" },
        only: { type: "string" },
        help: { type: "boolean", short: "h" },
      },
    }).values;
  } catch (error) {
    throw new BenchUsageError(error instanceof Error ? error.message : String(error));
  }
  const parsed = Args.safeParse(raw);
  if (!parsed.success) {
    throw new BenchUsageError(
      parsed.error.issues.map((issue) => `--${issue.path.join(".")}: ${issue.message}`).join("\n"),
    );
  }
  const a = parsed.data;
  if (a.help) return "help";
  const size = a.quick ? QUICK : FULL;
  const institutions = a.institutions ?? size.institutions;
  if (institutions < 1_000) {
    throw new BenchUsageError(
      "--institutions は 1,000 以上 / --institutions must be at least 1,000",
    );
  }
  // The issue's proportions: 180,000 institutions, 200,000 requests, 180,000 target items.
  const targetItems = institutions;
  const requests = Math.round((institutions * 10) / 9);
  return {
    mode: a["deadline-hour"] ? "deadline-hour" : "pairs",
    quick: a.quick,
    institutions,
    requests,
    targetItems,
    sessions: Math.min(size.sessions, institutions),
    connections: 32,
    reps: a.reps ?? 3,
    seconds: a.seconds ?? size.seconds,
    mails: Math.min(size.mails, Math.floor(targetItems / 4)),
    only: new Set(a.only ?? PAIRS),
    minutes: a.minutes ?? 10,
  };
}
