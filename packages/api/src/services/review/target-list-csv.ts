import type { Db } from "@sos/db";
import { formatPhone, formatPostcode, tokyoDate } from "@sos/rules";
import { DomainError } from "../../errors";
import { csvText, neutraliseCell, utf8WithBom } from "./csv";
import {
  codePointLabel,
  encodeCp932,
  REPLACEMENT_CHAR,
  replaceUnrepresentable,
  toCp932Variants,
  unrepresentableChars,
} from "./shift-jis";
import { findTargetBatch, type TargetItemView, targetBatchItems } from "./target-list";

export const TARGET_LIST_CSV_HEADER = [
  "医療機関名",
  "医療機関コード",
  "都道府県",
  "郵便番号",
  "住所",
  "電話番号",
  "担当者名",
  "メールアドレス",
  "購入上限数（セット）",
  "購入上限数（枚）",
] as const;
export type TargetListColumn = (typeof TARGET_LIST_CSV_HEADER)[number];

export const CSV_ENCODINGS = ["utf8-bom", "cp932"] as const;
export type CsvEncoding = (typeof CSV_ENCODINGS)[number];

export interface UnrepresentableChar {
  /** The spreadsheet row (the header is row 1, the first institution row 2). */
  row: number;
  column: TargetListColumn;
  char: string;
  /** e.g. "U+20BB7" */
  codePoint: string;
  institutionCode: string;
  institutionName: string;
}

export interface CsvFile {
  /** Japanese file name, e.g. 対象医療機関リスト_第3号_20261203_SJIS.csv */
  filename: string;
  /** ASCII fallback for old clients (Content-Disposition filename=). */
  asciiFilename: string;
  contentType: string;
  body: Buffer;
  /** cp932 only: what was replaced by 〓 (empty for UTF-8, which holds everything). */
  unrepresentable: UnrepresentableChar[];
}

function cells(item: TargetItemView): string[] {
  return [
    item.name,
    item.institutionCode,
    item.prefectureName,
    formatPostcode(item.postcode),
    item.address,
    formatPhone(item.phone),
    item.contactName,
    item.email,
    String(item.limitSets),
    String(item.limitPieces),
  ].map(neutraliseCell);
}

/** Every character CP932 lacks, cell by cell, after mapping JIS/Microsoft variants. */
export function findUnrepresentable(items: readonly TargetItemView[]): UnrepresentableChar[] {
  const found: UnrepresentableChar[] = [];
  items.forEach((item, index) => {
    cells(item).forEach((cell, columnIndex) => {
      for (const char of new Set(unrepresentableChars(toCp932Variants(cell)))) {
        found.push({
          row: index + 2,
          column: TARGET_LIST_CSV_HEADER[columnIndex] ?? TARGET_LIST_CSV_HEADER[0],
          char,
          codePoint: codePointLabel(char),
          institutionCode: item.institutionCode,
          institutionName: item.name,
        });
      }
    });
  });
  return found;
}

const LISTED_IN_MESSAGE = 5;

function unrepresentableError(found: UnrepresentableChar[]): DomainError {
  const listed = found
    .slice(0, LISTED_IN_MESSAGE)
    .map((f) => `${f.row}行目「${f.column}」の「${f.char}」（${f.codePoint}）`)
    .join("、");
  const more = found.length > LISTED_IN_MESSAGE ? `ほか${found.length - LISTED_IN_MESSAGE}件` : "";
  const fieldErrors: Record<string, string[]> = {};
  for (const f of found) {
    const key = `rows.${f.row}.${f.column}`;
    fieldErrors[key] = [
      ...(fieldErrors[key] ?? []),
      `「${f.char}」（${f.codePoint}）はShift_JISで表せません`,
    ];
  }
  return new DomainError("SHIFT_JIS_UNREPRESENTABLE", {
    messageJa: `Shift_JIS（CP932）で表せない文字が${found.length}件あります：${listed}${more}。置き換えを了承する場合は「${REPLACEMENT_CHAR}」に置き換えて出力してください。UTF-8 形式なら置き換えずに出力できます。`,
    fieldErrors,
  });
}

/**
 * The target list as a CSV file for the vendor (and Excel): UTF-8 with a BOM,
 * or Shift_JIS (CP932). CP932 cannot hold every character; those are refused
 * (SHIFT_JIS_UNREPRESENTABLE, with the list) unless `allowReplacement` is
 * given, in which case they become 〓 and are listed in `unrepresentable`.
 */
export async function targetListCsv(
  db: Db,
  batchId: string,
  encoding: CsvEncoding,
  options: { allowReplacement?: boolean } = {},
): Promise<CsvFile> {
  const [batch, items] = await Promise.all([
    findTargetBatch(db, batchId),
    targetBatchItems(db, batchId),
  ]);
  const base = `対象医療機関リスト_第${batch.number}号_${tokyoDate(batch.issuedAt).replaceAll("-", "")}`;
  const asciiBase = `target-list-${String(batch.number).padStart(3, "0")}`;
  const rows = items.map(cells);

  if (encoding === "utf8-bom") {
    return {
      filename: `${base}_UTF-8.csv`,
      asciiFilename: `${asciiBase}-utf8.csv`,
      contentType: "text/csv; charset=utf-8",
      body: utf8WithBom(csvText(TARGET_LIST_CSV_HEADER, rows)),
      unrepresentable: [],
    };
  }
  const unrepresentable = findUnrepresentable(items);
  if (unrepresentable.length > 0 && options.allowReplacement !== true) {
    throw unrepresentableError(unrepresentable);
  }
  const text = replaceUnrepresentable(toCp932Variants(csvText(TARGET_LIST_CSV_HEADER, rows)));
  return {
    filename: `${base}_SJIS.csv`,
    asciiFilename: `${asciiBase}-sjis.csv`,
    contentType: "text/csv; charset=Shift_JIS",
    body: encodeCp932(text),
    unrepresentable,
  };
}

/** What a Shift_JIS export would lose, so the screen can warn before anyone downloads. */
export async function targetListCsvCheck(
  db: Db,
  batchId: string,
): Promise<{
  batchId: string;
  number: number;
  rowCount: number;
  unrepresentable: UnrepresentableChar[];
}> {
  const [batch, items] = await Promise.all([
    findTargetBatch(db, batchId),
    targetBatchItems(db, batchId),
  ]);
  return {
    batchId,
    number: batch.number,
    rowCount: items.length,
    unrepresentable: findUnrepresentable(items),
  };
}
