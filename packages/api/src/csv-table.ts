import { formatNumber } from "@sos/domain";
import { toHalfWidth } from "@sos/rules";
import { CsvError } from "csv-parse";
import { parse } from "csv-parse/sync";
import iconv from "iconv-lite";
import { DomainError } from "./errors";

/**
 * Reading a CSV that people upload: exported from their own systems or saved
 * from Excel, so UTF-8 (with or without a BOM) or Shift_JIS (CP932), with a
 * heading row whose wording varies. Shared by the vendor's customer import and
 * the ministry's registry import.
 */

export const IMPORT_ENCODINGS = ["auto", "utf8", "cp932"] as const;
export type ImportEncoding = (typeof IMPORT_ENCODINGS)[number];
export type DetectedEncoding = Exclude<ImportEncoding, "auto">;

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

/** The columns a file must (or may) have, and the headings people write for them. */
export interface CsvTableSpec<C extends string> {
  columns: readonly C[];
  /** The heading shown in messages, as a template file would have it. */
  labels: Readonly<Record<C, string>>;
  aliases: Readonly<Record<C, readonly string[]>>;
  optional?: ReadonlySet<C>;
  /** Data rows accepted in one file. */
  maxRows: number;
  /** Said after the expected headings when some are missing, e.g. which may be left out. */
  headingNote?: string;
  /** Said when the file has more than maxRows rows. */
  tooManyRowsAdvice: string;
}

export interface CsvTableRow<C extends string> {
  /** Line number in the file (1 = the header), for messages people can find. */
  line: number;
  cells: Partial<Record<C, string>>;
}

function headerKey(cell: string): string {
  return toHalfWidth(cell).replace(/\s+/g, "").toLowerCase();
}

interface ParsedRecord {
  record: string[];
  info: { lines: number };
}

function parseRecords(text: string): ParsedRecord[] {
  try {
    // One line end throughout: csv-parse takes the first line's end as the record
    // delimiter, so in a file that mixes CRLF and LF (rows pasted from elsewhere)
    // an LF line would run on into the next. CR alone (old Mac files) ends a line too.
    return parse(text.replace(/\r\n?/g, "\n"), {
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

/** Header → columns, then one row per data line (wholly blank lines are skipped). */
export function readCsvTable<C extends string>(
  text: string,
  spec: CsvTableSpec<C>,
): CsvTableRow<C>[] {
  const records = parseRecords(text);
  const [header, ...data] = records;
  if (header === undefined) throw unreadable("ファイルにデータがありません。");

  const byHeader = new Map<string, C>(
    spec.columns.flatMap((column) =>
      spec.aliases[column].map((alias) => [headerKey(alias), column] as const),
    ),
  );
  const positions = new Map<C, number>();
  header.record.forEach((cell, index) => {
    const column = byHeader.get(headerKey(cell));
    if (column === undefined) return;
    if (positions.has(column)) {
      throw unreadable(`見出し「${spec.labels[column]}」の列が2つあります。1つにしてください。`);
    }
    positions.set(column, index);
  });
  const missing = spec.columns.filter((c) => !spec.optional?.has(c) && !positions.has(c));
  if (missing.length > 0) {
    throw unreadable(
      `1行目の見出しに次の列がありません：${missing.map((c) => spec.labels[c]).join("、")}。見出しは ${spec.columns.map((c) => spec.labels[c]).join("、")} としてください${spec.headingNote ?? ""}。`,
    );
  }

  const rows = data
    .filter(({ record }) => record.some((cell) => cell.trim() !== ""))
    .map(({ record, info }) => {
      const cells: Partial<Record<C, string>> = {};
      for (const [column, index] of positions) {
        const value = record[index];
        if (value !== undefined) cells[column] = value;
      }
      return { line: info.lines, cells };
    });
  if (rows.length === 0) throw unreadable("見出し行の下にデータがありません。");
  if (rows.length > spec.maxRows) {
    throw unreadable(
      `一度に取り込めるのは${formatNumber(spec.maxRows)}行までです（このファイルは${formatNumber(rows.length)}行）。${spec.tooManyRowsAdvice}`,
    );
  }
  return rows;
}
