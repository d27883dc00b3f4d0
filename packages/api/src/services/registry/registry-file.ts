import type { RegistryEntry } from "@sos/db/repositories/institution";
import {
  REGISTRY_FIELD_LABELS,
  REGISTRY_FIELDS,
  type RegistryField,
  RegistryRow,
} from "@sos/domain";
import {
  type CsvTableSpec,
  type DetectedEncoding,
  decodeCsv,
  type ImportEncoding,
  readCsvTable,
} from "../../csv-table";

/**
 * Reading the ministry's register of medical institutions: the CSV the
 * register exports (UTF-8 or Shift_JIS), checked row by row. A row with any
 * error is reported with its line and column, never guessed at.
 */

/** The whole country is about 180,000 institutions; room for growth, not for a wrong file. */
export const MAX_REGISTRY_ROWS = 300_000;

const HEADER_ALIASES: Readonly<Record<RegistryField, readonly string[]>> = {
  institutionCode: ["医療機関コード", "医療機関コード(10桁)", "institution_code", "code"],
  name: ["名称", "医療機関名", "施設名", "name"],
  type: ["種別", "施設種別", "医療機関種別", "type"],
  prefectureCode: ["都道府県", "都道府県名", "都道府県コード", "prefecture"],
  postcode: ["郵便番号", "〒", "postcode", "zip"],
  address: ["住所", "所在地", "address"],
  phone: ["電話", "電話番号", "tel", "phone"],
  email: ["e-mail", "email", "メールアドレス", "メール", "mail"],
};

const SPEC: CsvTableSpec<RegistryField> = {
  columns: REGISTRY_FIELDS,
  labels: REGISTRY_FIELD_LABELS,
  aliases: HEADER_ALIASES,
  maxRows: MAX_REGISTRY_ROWS,
  tooManyRowsAdvice: "医療機関の名簿のファイルか確認してください。",
};

export interface RegistryRowError {
  /** Line in the file (1 = the heading). */
  line: number;
  /** The column's heading, or null when the row as a whole is wrong. */
  column: string | null;
  messageJa: string;
}

export interface RegistryFile {
  encoding: DetectedEncoding;
  /** Data rows in the file. */
  rowCount: number;
  /** The valid rows, each code once. */
  entries: RegistryEntry[];
  errors: RegistryRowError[];
  /** The line of each valid row, by institution code. */
  lineOf: ReadonlyMap<string, number>;
}

function isRegistryField(key: unknown): key is RegistryField {
  return typeof key === "string" && key in REGISTRY_FIELD_LABELS;
}

/** Decodes, reads the headings and checks every row; a file it cannot read at all throws. */
export function readRegistryFile(
  bytes: Uint8Array,
  encoding: ImportEncoding = "auto",
): RegistryFile {
  const decoded = decodeCsv(bytes, encoding);
  const rows = readCsvTable(decoded.text, SPEC);
  const entries: RegistryEntry[] = [];
  const errors: RegistryRowError[] = [];
  const lineByCode = new Map<string, number>();
  for (const row of rows) {
    const parsed = RegistryRow.safeParse(
      Object.fromEntries(REGISTRY_FIELDS.map((field) => [field, row.cells[field] ?? ""])),
    );
    if (!parsed.success) {
      const seen = new Set<string>();
      for (const issue of parsed.error.issues) {
        const field = issue.path[0];
        const column = isRegistryField(field) ? REGISTRY_FIELD_LABELS[field] : null;
        const key = `${column}\u0000${issue.message}`;
        if (seen.has(key)) continue;
        seen.add(key);
        errors.push({ line: row.line, column, messageJa: issue.message });
      }
      continue;
    }
    const { institutionCode, ...rest } = parsed.data;
    const firstLine = lineByCode.get(institutionCode);
    if (firstLine !== undefined) {
      errors.push({
        line: row.line,
        column: REGISTRY_FIELD_LABELS.institutionCode,
        messageJa: `医療機関コード ${institutionCode} が${firstLine}行目にもあります。1行にまとめてください`,
      });
      continue;
    }
    lineByCode.set(institutionCode, row.line);
    entries.push({ code: institutionCode, ...rest });
  }
  return { encoding: decoded.encoding, rowCount: rows.length, entries, errors, lineOf: lineByCode };
}
