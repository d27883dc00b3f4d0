import { Readable } from "node:stream";
import { buffer } from "node:stream/consumers";
import type { Db } from "@sos/db";
import { targetListNumberJa } from "@sos/domain";
import { tokyoDate } from "@sos/rules";
import {
  type CsvCheck,
  TARGET_LIST_CSV_HEADER,
  type UnrepresentableChar,
} from "../../schemas/target-list";
import { csvRecord, UTF8_BOM } from "../review/csv";
import { encodeCp932Text } from "../review/shift-jis";
import { findTargetBatch } from "./target-list";
import { cp932CheckOf, unrepresentableError } from "./target-list-check";
import { listRecords } from "./target-list-rows";

export const CSV_ENCODINGS = ["utf8-bom", "cp932"] as const;
export type CsvEncoding = (typeof CSV_ENCODINGS)[number];

interface CsvFileHead {
  /** Japanese file name, e.g. 対象医療機関リスト_第3号_20261203_SJIS.csv */
  filename: string;
  /** ASCII fallback for old clients (Content-Disposition filename=). */
  asciiFilename: string;
  contentType: string;
  /** cp932 only: what was replaced by 〓 (empty for UTF-8, which holds everything). */
  unrepresentable: UnrepresentableChar[];
}

export interface CsvFile extends CsvFileHead {
  body: Buffer;
}

export interface CsvDownload extends CsvFileHead {
  /**
   * The file, read from the database while it is sent: nothing is read before
   * the first pull, a slow reader holds the cursor back, and destroying the
   * stream (a client gone) closes the cursor and gives its connection back.
   */
  body: Readable;
}

export interface CsvOptions {
  /** Write 〓 for what CP932 lacks instead of refusing the Shift_JIS file. */
  allowReplacement?: boolean;
  /** Rows per round trip and per chunk written (see streamRows). */
  rowsPerRead?: number;
}

/** The file in chunks of rows, each already in the file's encoding. */
async function* fileChunks(
  db: Db,
  batchId: string,
  encoding: CsvEncoding,
  rowsPerRead: number | undefined,
): AsyncGenerator<Buffer, void, undefined> {
  // Characters are mapped or replaced one by one, whatever surrounds them, so a
  // list encoded chunk by chunk is byte for byte the list encoded whole.
  const encode =
    encoding === "utf8-bom" ? (text: string) => Buffer.from(text, "utf8") : encodeCp932Text;
  const header = encode(csvRecord(TARGET_LIST_CSV_HEADER));
  yield encoding === "utf8-bom" ? Buffer.concat([UTF8_BOM, header]) : header;
  const options = rowsPerRead === undefined ? {} : { rowsPerRead };
  for await (const records of listRecords(db, batchId, options)) yield encode(records);
}

/**
 * The target list as a CSV file for the vendor (and Excel): UTF-8 with a BOM,
 * or Shift_JIS (CP932). CP932 cannot hold every character; those are refused
 * (SHIFT_JIS_UNREPRESENTABLE, with the list) unless `allowReplacement` is
 * given, in which case they become 〓 and are listed in `unrepresentable`.
 * Everything but the rows is settled before this returns, so the caller can
 * answer (and audit) before the first row is read.
 */
export async function openTargetListCsv(
  db: Db,
  batchId: string,
  encoding: CsvEncoding,
  options: CsvOptions = {},
): Promise<CsvDownload> {
  const batch = await findTargetBatch(db, batchId);
  const base = `対象医療機関リスト_${targetListNumberJa(batch.number)}_${tokyoDate(batch.issuedAt).replaceAll("-", "")}`;
  const asciiBase = `target-list-${String(batch.number).padStart(3, "0")}`;
  const body = () =>
    Readable.from(fileChunks(db, batchId, encoding, options.rowsPerRead), { objectMode: false });

  if (encoding === "utf8-bom") {
    return {
      filename: `${base}_UTF-8.csv`,
      asciiFilename: `${asciiBase}-utf8.csv`,
      contentType: "text/csv; charset=utf-8",
      unrepresentable: [],
      body: body(),
    };
  }
  const { unrepresentable } = await cp932CheckOf(db, batchId);
  if (unrepresentable.length > 0 && options.allowReplacement !== true) {
    throw unrepresentableError(unrepresentable);
  }
  return {
    filename: `${base}_SJIS.csv`,
    asciiFilename: `${asciiBase}-sjis.csv`,
    contentType: "text/csv; charset=Shift_JIS",
    unrepresentable,
    body: body(),
  };
}

/** The whole file in memory (tests, small lists); downloads stream it with openTargetListCsv. */
export async function targetListCsv(
  db: Db,
  batchId: string,
  encoding: CsvEncoding,
  options: CsvOptions = {},
): Promise<CsvFile> {
  const { body, ...head } = await openTargetListCsv(db, batchId, encoding, options);
  return { ...head, body: await buffer(body) };
}

/** What a Shift_JIS export would lose, so the screen can warn before anyone downloads. */
export async function targetListCsvCheck(db: Db, batchId: string): Promise<CsvCheck> {
  const batch = await findTargetBatch(db, batchId);
  const { rowCount, unrepresentable } = await cp932CheckOf(db, batchId);
  return { batchId, number: batch.number, rowCount, unrepresentable };
}
