import { type CsvTableRow, type CsvTableSpec, readCsvTable } from "../../csv-table";

/**
 * Reading the vendor's customer list: a CSV exported from its own systems or
 * saved from Excel, so UTF-8 (with or without a BOM) or Shift_JIS (CP932).
 */

export {
  type DetectedEncoding,
  decodeCsv,
  IMPORT_ENCODINGS,
  type ImportEncoding,
} from "../../csv-table";

/** Data rows accepted in one file; a larger customer base is imported in parts. */
export const MAX_IMPORT_ROWS = 10_000;

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

export type CsvRow = CsvTableRow<ImportColumn>;

const SPEC: CsvTableSpec<ImportColumn> = {
  columns: IMPORT_COLUMNS,
  labels: IMPORT_COLUMN_LABELS,
  aliases: HEADER_ALIASES,
  optional: OPTIONAL_COLUMNS,
  maxRows: MAX_IMPORT_ROWS,
  headingNote: "（お支払い方法は省略可）",
  tooManyRowsAdvice: "ファイルを分けて取り込んでください。",
};

/** Header → columns, then one CsvRow per data line (wholly blank lines are skipped). */
export function readRegistrationCsv(text: string): CsvRow[] {
  return readCsvTable(text, SPEC);
}
