import { Id, PrefectureCode } from "@sos/domain";
import { z } from "zod";
import { IsoDateTime, Person } from "./common";

/**
 * The target-list router's shapes (④ 対象医療機関リスト). Each output type is
 * the schema's input side (z.input): the services hand over Dates, which
 * IsoDateTime turns into ISO strings on the way out.
 */

/** The file's columns, in order; an unrepresentable character is reported by its column. */
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

// ---- inputs ----

export const BatchIdInput = z.object({ batchId: Id });

// ---- outputs ----

export const TargetBatchOutput = z.object({
  id: Id,
  number: z.number().int().min(1),
  issuedAt: IsoDateTime,
  issuedBy: Person,
  itemCount: z.number().int().min(0),
  totalSets: z.number().int().min(0),
  totalPieces: z.number().int().min(0),
});
export type TargetBatchSummary = z.input<typeof TargetBatchOutput>;

export const TargetListOutput = z.object({
  batches: z.array(TargetBatchOutput),
  pending: z.object({ count: z.number().int().min(0), sets: z.number().int().min(0) }),
});
export type TargetList = z.input<typeof TargetListOutput>;
/** Accepted requests not on any list yet. */
export type PendingHandOver = TargetList["pending"];

export const TargetItemOutput = z.object({
  id: Id,
  requestId: Id,
  institutionId: Id,
  institutionCode: z.string(),
  name: z.string(),
  prefectureCode: PrefectureCode,
  prefectureName: z.string(),
  postcode: z.string(),
  address: z.string(),
  phone: z.string(),
  contactName: z.string(),
  email: z.string(),
  limitSets: z.number().int().min(1),
  limitPieces: z.number().int().min(1000),
});
export type TargetItemView = z.input<typeof TargetItemOutput>;

export const TargetBatchDetailOutput = TargetBatchOutput.extend({
  items: z.array(TargetItemOutput),
});
export type TargetBatchDetail = z.input<typeof TargetBatchDetailOutput>;

export const UnrepresentableOutput = z.object({
  /** The spreadsheet row (the header is row 1, the first institution row 2). */
  row: z.number().int().min(2),
  column: z.enum(TARGET_LIST_CSV_HEADER),
  char: z.string(),
  codePoint: z.string(),
  institutionCode: z.string(),
  institutionName: z.string(),
});
/** A character Shift_JIS (CP932) lacks, where the file has it. */
export type UnrepresentableChar = z.input<typeof UnrepresentableOutput>;

export const CsvCheckOutput = z.object({
  batchId: Id,
  number: z.number().int().min(1),
  rowCount: z.number().int().min(0),
  unrepresentable: z.array(UnrepresentableOutput),
});
export type CsvCheck = z.input<typeof CsvCheckOutput>;
