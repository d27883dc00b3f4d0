import { INSTITUTION_TYPE_LABELS, type InstitutionType, PREFECTURES } from "@sos/domain";
import { canonicalJson, SMALL_CELL_THRESHOLD } from "@sos/rules";
import type { FigureRow, Measure } from "./figures-table";
import { isoTokyo } from "./paths";

/** The dataset's name and version, written into every JSON file. */
export const FIGURES_DATASET = "sos-weekly-figures/1";

/** What a withheld cell holds in the CSV (as e-Stat writes 秘匿); null in the JSON. */
export const SUPPRESSED_MARK = "x";

export const SUPPRESSION_NOTE_JA = `集計対象の医療機関（要請・注文）が1〜${SMALL_CELL_THRESHOLD - 1}件のセルは秘匿します（CSV は「${SUPPRESSED_MARK}」、JSON は null と suppressed）。さらに、都道府県×種別・都道府県×サイズ・種別×サイズの各合計と全国のサイズ別合計のどれからも秘匿したセルが計算で戻らないよう、秘匿セルが1つだけになる合計には、そのうち最も小さい（0を除く）セルも秘匿します（二次秘匿）。0のセルを秘匿する場合は、それが0だと分かってしまわないよう、同じ行の上位の件数（承認件数に対する要請件数など）も秘匿します。合計行は掲載しません。`;

export const COLUMNS_JA: Record<string, string> = {
  week_start: "対象週（週次調査の週の開始日、水曜日）",
  cutoff_at: "対象週の要請の締切",
  as_of: "集計時点（次の週の締切）",
  prefecture_code: "都道府県コード（JIS X 0401）",
  prefecture: "都道府県",
  institution_type: "施設種別（コード）",
  institution_type_ja: "施設種別",
  size: "サイズ",
  requests:
    "要請件数（システムチェックを通過した要請。サイズ別の要望があるサイズごとに数え、指定のない要請はM）",
  approvals: "承認件数（集計時点までに国が承認した要請）",
  allocated_sets: "割当セット数（供給不足時の割当を確定した週のみ。ない週は空欄）",
  bought_sets: "購入セット数（集計時点までの注文、取消を除く）",
};

const CSV_COLUMNS = Object.keys(COLUMNS_JA);

const prefectureName = (code: number) => PREFECTURES[code - 1]?.name ?? String(code);

const cellText = (row: FigureRow, m: Measure): string => {
  if (row.suppressed.includes(m)) return SUPPRESSED_MARK;
  const v = row.values[m];
  return v === null ? "" : String(v);
};

/** RFC 4180: CRLF, a field quoted only when it holds a comma, quote or line break. */
function csvField(text: string): string {
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

export interface FiguresHead {
  weekStart: string;
  cutoffAt: Date;
  asOf: Date;
  allocationCommitted: boolean;
}

/** The CSV: UTF-8 without BOM, a header row of the column names in COLUMNS_JA. */
export function figuresCsv(head: FiguresHead, rows: readonly FigureRow[]): string {
  const lines = [CSV_COLUMNS.join(",")];
  for (const row of rows) {
    lines.push(
      [
        head.weekStart,
        isoTokyo(head.cutoffAt),
        isoTokyo(head.asOf),
        String(row.prefectureCode),
        prefectureName(row.prefectureCode),
        row.type,
        INSTITUTION_TYPE_LABELS.ja[row.type as InstitutionType] ?? row.type,
        row.size,
        cellText(row, "requests"),
        cellText(row, "approvals"),
        cellText(row, "allocatedSets"),
        cellText(row, "boughtSets"),
      ]
        .map(csvField)
        .join(","),
    );
  }
  return `${lines.join("\r\n")}\r\n`;
}

/** The JSON: canonical (keys sorted, no whitespace), so the same figures give the same bytes. */
export function figuresJson(head: FiguresHead, rows: readonly FigureRow[]): string {
  return canonicalJson({
    dataset: FIGURES_DATASET,
    weekStart: head.weekStart,
    cutoffAt: isoTokyo(head.cutoffAt),
    asOf: isoTokyo(head.asOf),
    allocationCommitted: head.allocationCommitted,
    suppression: {
      threshold: SMALL_CELL_THRESHOLD,
      csvMark: SUPPRESSED_MARK,
      noteJa: SUPPRESSION_NOTE_JA,
    },
    columnsJa: COLUMNS_JA,
    rows: rows.map((row) => ({
      prefectureCode: row.prefectureCode,
      prefecture: prefectureName(row.prefectureCode),
      institutionType: row.type,
      size: row.size,
      requests: row.values.requests,
      approvals: row.values.approvals,
      allocatedSets: row.values.allocatedSets,
      boughtSets: row.values.boughtSets,
      suppressed: row.suppressed,
    })),
  });
}
