import { formatNumber } from "@sos/domain";
import { toHalfWidth } from "@sos/rules";
import { CsvError } from "csv-parse";
import { parse } from "csv-parse/sync";
import iconv from "iconv-lite";
import { DomainError } from "../../errors";

/**
 * Reading the vendor's customer list: a CSV exported from its own systems or
 * saved from Excel, so UTF-8 (with or without a BOM) or Shift_JIS (CP932).
 */

export const IMPORT_ENCODINGS = ["auto", "utf8", "cp932"] as const;
export type ImportEncoding = (typeof IMPORT_ENCODINGS)[number];
export type DetectedEncoding = Exclude<ImportEncoding, "auto">;

/** Data rows accepted in one file; a larger customer base is imported in parts. */
export const MAX_IMPORT_ROWS = 10_000;

const UTF8_BOM = [0xef, 0xbb, 0xbf] as const;

function hasUtf8Bom(bytes: Uint8Array): boolean {
  return UTF8_BOM.every((byte, i) => bytes[i] === byte);
}

function strictUtf8(bytes: Uint8Array): string | null {
  try {
    // fatal: a byte sequence that is not UTF-8 throws instead of becoming U+FFFD;
    // the BOM, if any, is dropped.
    return new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    return null;
  }
}

function unreadable(messageJa: string): DomainError {
  return new DomainError("CSV_UNREADABLE", { messageJa });
}

/**
 * "auto": a BOM means UTF-8; otherwise a file that is valid UTF-8 is UTF-8
 * (Shift_JIS Japanese text essentially never is), and anything else is CP932.
 */
export function decodeCsv(
  bytes: Uint8Array,
  encoding: ImportEncoding,
): { text: string; encoding: DetectedEncoding } {
  if (bytes.length === 0) throw unreadable("ファイルが空です。");
  if (encoding === "cp932") {
    if (hasUtf8Bom(bytes)) {
      throw unreadable(
        "このファイルは UTF-8 形式です。文字コードに「UTF-8」または「自動判定」を選んでください。",
      );
    }
    return { text: iconv.decode(Buffer.from(bytes), "cp932"), encoding: "cp932" };
  }
  const utf8 = strictUtf8(bytes);
  if (utf8 !== null) return { text: utf8, encoding: "utf8" };
  if (encoding === "utf8") {
    throw unreadable(
      "UTF-8 として読み取れませんでした。Shift_JIS（Excel の「CSV（コンマ区切り）」）のファイルなら、文字コードに「Shift_JIS」または「自動判定」を選んでください。",
    );
  }
  return { text: iconv.decode(Buffer.from(bytes), "cp932"), encoding: "cp932" };
}

export const IMPORT_COLUMNS = [
  "institutionCode",
  "facilityName",
  "postcode",
  "address",
  "phone",
  "email",
  "paymentMethod",
] as const;
export type ImportColumn = (typeof IMPORT_COLUMNS)[number];

/** The heading shown in messages, as a template file would have it. */
export const IMPORT_COLUMN_LABELS: Readonly<Record<ImportColumn, string>> = {
  institutionCode: "医療機関コード",
  facilityName: "施設名",
  postcode: "郵便番号",
  address: "住所",
  phone: "電話番号",
  email: "メールアドレス",
  paymentMethod: "お支払い方法",
};

const OPTIONAL_COLUMNS: ReadonlySet<ImportColumn> = new Set(["paymentMethod"]);

/** Headings people actually use for each column, compared without spaces or case. */
const HEADER_ALIASES: Readonly<Record<ImportColumn, readonly string[]>> = {
  institutionCode: [
    "医療機関コード",
    "医療機関コード(10桁)",
    "コード",
    "institution_code",
    "institutioncode",
    "code",
  ],
  facilityName: [
    "施設名",
    "医療機関名",
    "施設名称",
    "名称",
    "facility_name",
    "facilityname",
    "name",
  ],
  postcode: ["郵便番号", "〒", "postcode", "postal_code", "zip"],
  address: ["住所", "所在地", "address"],
  phone: ["電話番号", "電話", "tel", "phone"],
  email: ["メールアドレス", "メール", "e-mail", "email", "mail"],
  paymentMethod: [
    "お支払い方法",
    "支払方法",
    "支払い方法",
    "payment_method",
    "paymentmethod",
    "payment",
  ],
};

function headerKey(cell: string): string {
  return toHalfWidth(cell).replace(/\s+/g, "").toLowerCase();
}

const COLUMN_BY_HEADER: ReadonlyMap<string, ImportColumn> = new Map(
  IMPORT_COLUMNS.flatMap((column) =>
    HEADER_ALIASES[column].map((alias) => [headerKey(alias), column] as const),
  ),
);

export interface CsvRow {
  /** Line number in the file (1 = the header), for messages the vendor can find. */
  line: number;
  cells: Partial<Record<ImportColumn, string>>;
}

interface ParsedRecord {
  record: string[];
  info: { lines: number };
}

function parseRecords(text: string): ParsedRecord[] {
  try {
    return parse(text, {
      info: true,
      relax_column_count: true,
      skip_empty_lines: true,
      // A BOM that survived decoding (e.g. a doubly encoded file) is not part of the first heading.
      bom: true,
    }) as unknown as ParsedRecord[];
  } catch (error) {
    if (error instanceof CsvError) {
      const line = (error as CsvError & { lines?: number }).lines;
      throw unreadable(
        `CSVの形式に誤りがあります${line === undefined ? "" : `（${line}行目付近）`}。引用符（"）の閉じ忘れなどがないか確認してください。`,
      );
    }
    throw error;
  }
}

/** Header → columns, then one CsvRow per data line (wholly blank lines are skipped). */
export function readRegistrationCsv(text: string): CsvRow[] {
  const records = parseRecords(text);
  const [header, ...data] = records;
  if (header === undefined) throw unreadable("ファイルにデータがありません。");

  const positions = new Map<ImportColumn, number>();
  header.record.forEach((cell, index) => {
    const column = COLUMN_BY_HEADER.get(headerKey(cell));
    if (column === undefined) return;
    if (positions.has(column)) {
      throw unreadable(
        `見出し「${IMPORT_COLUMN_LABELS[column]}」の列が2つあります。1つにしてください。`,
      );
    }
    positions.set(column, index);
  });
  const missing = IMPORT_COLUMNS.filter((c) => !OPTIONAL_COLUMNS.has(c) && !positions.has(c));
  if (missing.length > 0) {
    throw unreadable(
      `1行目の見出しに次の列がありません：${missing.map((c) => IMPORT_COLUMN_LABELS[c]).join("、")}。見出しは ${IMPORT_COLUMNS.map((c) => IMPORT_COLUMN_LABELS[c]).join("、")} としてください（お支払い方法は省略可）。`,
    );
  }

  const rows = data
    .filter(({ record }) => record.some((cell) => cell.trim() !== ""))
    .map(({ record, info }) => {
      const cells: Partial<Record<ImportColumn, string>> = {};
      for (const [column, index] of positions) {
        const value = record[index];
        if (value !== undefined) cells[column] = value;
      }
      return { line: info.lines, cells };
    });
  if (rows.length === 0) throw unreadable("見出し行の下にデータがありません。");
  if (rows.length > MAX_IMPORT_ROWS) {
    throw unreadable(
      `一度に取り込めるのは${formatNumber(MAX_IMPORT_ROWS)}行までです（このファイルは${formatNumber(rows.length)}行）。ファイルを分けて取り込んでください。`,
    );
  }
  return rows;
}
