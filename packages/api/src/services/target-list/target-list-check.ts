import type { Db } from "@sos/db";
import { findCp932Check, storeCp932CheckJson } from "@sos/db/repositories/target-list";
import { z } from "zod";
import { DomainError } from "../../errors";
import {
  TARGET_LIST_CSV_HEADER,
  type UnrepresentableChar,
  UnrepresentableOutput,
} from "../../schemas/target-list";
import {
  codePointLabel,
  cp932Lacks,
  REPLACEMENT_CHAR,
  toCp932Variants,
  unrepresentableChars,
} from "../review/shift-jis";
import { type ListItem, listItems } from "./target-list-rows";

/** What a stored check holds for each character: the output's shape, checked more closely. */
const UnrepresentableCharSchema = UnrepresentableOutput.extend({
  char: z.string().min(1),
  /** e.g. "U+20BB7" */
  codePoint: z.string().regex(/^U\+[0-9A-F]{4,6}$/),
});

/** Whether Shift_JIS (CP932) holds a list: what target_batches.cp932_check keeps. */
const Cp932CheckSchema = z.object({
  rowCount: z.number().int().min(0),
  unrepresentable: z.array(UnrepresentableCharSchema),
});
export type Cp932Check = z.infer<typeof Cp932CheckSchema>;

/** Every character CP932 lacks in one item's cells, once per cell, after mapping JIS forms. */
function lackingIn(item: ListItem, row: number): UnrepresentableChar[] {
  const found: UnrepresentableChar[] = [];
  item.cells.forEach((cell, columnIndex) => {
    for (const char of new Set(unrepresentableChars(toCp932Variants(cell)))) {
      found.push({
        row,
        column: TARGET_LIST_CSV_HEADER[columnIndex] ?? TARGET_LIST_CSV_HEADER[0],
        char,
        codePoint: codePointLabel(char),
        institutionCode: item.institutionCode,
        institutionName: item.name,
      });
    }
  });
  return found;
}

/** Reads the whole list once; only a row with a character CP932 lacks is looked at cell by cell. */
export async function computeCp932Check(db: Db, batchId: string): Promise<Cp932Check> {
  const unrepresentable: UnrepresentableChar[] = [];
  let rowCount = 0;
  for await (const items of listItems(db, batchId)) {
    for (const item of items) {
      rowCount += 1;
      if (item.cells.some(cp932Lacks)) unrepresentable.push(...lackingIn(item, rowCount + 1));
    }
  }
  return { rowCount, unrepresentable };
}

/**
 * Decides once, after a list is issued, what a Shift_JIS file of it would lose:
 * a list never changes, so downloads and the screen's warning read this instead
 * of going through 180,000 rows each time.
 */
export async function storeCp932Check(db: Db, batchId: string): Promise<Cp932Check> {
  const check = await computeCp932Check(db, batchId);
  await storeCp932CheckJson(db, batchId, check);
  return check;
}

/** The stored check, or (a list issued before it was kept, or not yet on a replica) a fresh one. */
export async function cp932CheckOf(db: Db, batchId: string): Promise<Cp932Check> {
  const batch = await findCp932Check(db, batchId);
  if (batch === undefined) throw new DomainError("NOT_FOUND");
  if (batch.cp932Check === null) return computeCp932Check(db, batchId);
  return Cp932CheckSchema.parse(batch.cp932Check);
}

const LISTED_IN_MESSAGE = 5;

export function unrepresentableError(found: readonly UnrepresentableChar[]): DomainError {
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
