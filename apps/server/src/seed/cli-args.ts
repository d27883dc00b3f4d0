import { parseArgs } from "node:util";
import { NATIONAL_INSTITUTIONS, NATIONAL_WEEKS } from "./national";

export const SEED_USAGE = `使い方 / usage: pnpm seed [--demo] [--national [--institutions N] [--weeks W]]

  --demo            デモデータ（全都道府県・医療機関約300件・週次調査・商品・デモアカウント）を
                    空のデータベースに投入します（既定）/ demo data into an empty database (default)
  --national        全国規模のデータ（既定 ${NATIONAL_INSTITUTIONS.toLocaleString("ja-JP")}件・${NATIONAL_WEEKS}週分）を投入します
                    / national-scale data for load tests
  --institutions N  --national の医療機関数 / number of institutions
  --weeks W         --national の週次調査の週数 / weeks of survey history
  -h, --help        この説明 / this help

接続先は DATABASE_URL、未設定なら組み込み PostgreSQL（DATA_DIR/postgres、EMBEDDED_PG_PORT）です。`;

export class SeedUsageError extends Error {}

export interface SeedCommand {
  demo: boolean;
  national: { institutions: number; weeks: number } | null;
}

function positiveInteger(name: string, value: string | undefined, fallback: number): number {
  if (value === undefined) return fallback;
  const digits = value.replaceAll("_", "").replaceAll(",", "");
  if (!/^[0-9]+$/.test(digits) || Number(digits) < 1) {
    throw new SeedUsageError(
      `${name} には正の整数を指定してください / ${name} must be a positive integer`,
    );
  }
  return Number(digits);
}

export function parseSeedArgs(argv: readonly string[]): SeedCommand | "help" {
  // `pnpm seed -- --national` forwards the separator itself.
  const args = argv[0] === "--" ? argv.slice(1) : [...argv];
  let values: ReturnType<typeof parse>["values"];
  try {
    values = parse(args).values;
  } catch (error) {
    throw new SeedUsageError(error instanceof Error ? error.message : String(error));
  }
  if (values.help) return "help";
  const national = values.national === true;
  if (!national && (values.institutions !== undefined || values.weeks !== undefined)) {
    throw new SeedUsageError(
      "--institutions と --weeks は --national と一緒に指定してください / --institutions and --weeks need --national",
    );
  }
  return {
    demo: values.demo === true || !national,
    national: national
      ? {
          institutions: positiveInteger(
            "--institutions",
            values.institutions,
            NATIONAL_INSTITUTIONS,
          ),
          weeks: positiveInteger("--weeks", values.weeks, NATIONAL_WEEKS),
        }
      : null,
  };
}

function parse(args: string[]) {
  return parseArgs({
    args,
    strict: true,
    allowPositionals: false,
    options: {
      demo: { type: "boolean" },
      national: { type: "boolean" },
      institutions: { type: "string" },
      weeks: { type: "string" },
      help: { type: "boolean", short: "h" },
    },
  });
}
