import { appendAudit, type Db } from "@sos/db";
import {
  insertNewRegistrations,
  lockRegistrationsByCode,
  updateRegistration,
} from "@sos/db/repositories/registration";
import {
  PAYMENT_METHOD_LABELS,
  PAYMENT_METHODS,
  type PaymentMethod,
  RegistrationDetailsFields,
} from "@sos/domain";
import { toHalfWidth } from "@sos/rules";
import { z } from "zod";
import type { ApiConfig } from "../../context";
import type { ImportOutcome, ImportRegistrationsOutput } from "../../schemas/vendor-portal";
import type { VendorActor } from "./actor";
import {
  type CsvRow,
  decodeCsv,
  type ImportEncoding,
  readRegistrationCsv,
} from "./registration-csv";
import { paymentMethodsOf } from "./settings";

/**
 * Loads the vendor's existing customers (source "import"): each row is checked
 * on its own and reported as created, updated, unchanged or refused with its
 * reasons; the accepted rows are written together in one transaction.
 *
 * A registration the facility made itself on the storefront is not overwritten
 * unless the vendor asks for it: the purchase link goes to its email, and an old
 * customer file must not silently redirect it.
 */

export type ImportResult = ImportRegistrationsOutput;
export type ImportRowResult = ImportResult["rows"][number];

const RowSchema = z.object(RegistrationDetailsFields);
type RowDetails = z.infer<typeof RowSchema>;

/** Codes and the labels people write for them, compared without spaces. */
const PAYMENT_WORDS: ReadonlyMap<string, PaymentMethod> = new Map([
  ...PAYMENT_METHODS.map((m) => [m, m] as const),
  ...PAYMENT_METHODS.map((m) => [PAYMENT_METHOD_LABELS.ja[m], m] as const),
  ["請求書", "invoice"],
  ["掛売り", "invoice"],
  ["掛け払い", "invoice"],
  ["振込", "bank_transfer"],
  ["銀行振り込み", "bank_transfer"],
  ["代引", "cash_on_delivery"],
  ["代引き", "cash_on_delivery"],
]);

type PaymentCell = { ok: true; value: PaymentMethod | null } | { ok: false; reason: string };

function readPaymentMethod(
  cell: string | undefined,
  offered: readonly PaymentMethod[],
): PaymentCell {
  const word = toHalfWidth(cell ?? "").replace(/\s+/g, "");
  if (word === "") return { ok: true, value: null };
  const method = PAYMENT_WORDS.get(word) ?? PAYMENT_WORDS.get(word.toLowerCase());
  const choices = offered.map((m) => PAYMENT_METHOD_LABELS.ja[m]).join("・");
  if (method === undefined) {
    return {
      ok: false,
      reason: `お支払い方法「${cell?.trim()}」は使えません（${choices}のいずれか）`,
    };
  }
  if (!offered.includes(method)) {
    return {
      ok: false,
      reason: `お支払い方法「${PAYMENT_METHOD_LABELS.ja[method]}」は現在取り扱っていません（${choices}のいずれか）`,
    };
  }
  return { ok: true, value: method };
}

interface ValidRow {
  line: number;
  details: RowDetails;
  paymentMethod: PaymentMethod | null;
}

function validateRow(
  row: CsvRow,
  offered: readonly PaymentMethod[],
): { ok: true; row: ValidRow } | { ok: false; reasons: string[] } {
  const parsed = RowSchema.safeParse({
    institutionCode: row.cells.institutionCode ?? "",
    facilityName: row.cells.facilityName ?? "",
    postcode: row.cells.postcode ?? "",
    address: row.cells.address ?? "",
    phone: row.cells.phone ?? "",
    email: row.cells.email ?? "",
  });
  const payment = readPaymentMethod(row.cells.paymentMethod, offered);
  const reasons = parsed.success ? [] : [...new Set(parsed.error.issues.map((i) => i.message))];
  if (!payment.ok) reasons.push(payment.reason);
  if (!parsed.success || !payment.ok) return { ok: false, reasons };
  return { ok: true, row: { line: row.line, details: parsed.data, paymentMethod: payment.value } };
}

function rawText(value: string | undefined): string | null {
  const text = (value ?? "").trim();
  return text === "" ? null : text;
}

const COMPARED_FIELDS = [
  "facilityName",
  "postcode",
  "address",
  "phone",
  "email",
  "paymentMethod",
] as const;

const FIELD_LABELS: Readonly<Record<(typeof COMPARED_FIELDS)[number], string>> = {
  facilityName: "施設名",
  postcode: "郵便番号",
  address: "住所",
  phone: "電話番号",
  email: "メールアドレス",
  paymentMethod: "お支払い方法",
};

const CHUNK = 500;

function chunks<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let at = 0; at < items.length; at += size) out.push(items.slice(at, at + size));
  return out;
}

interface CheckedRows {
  results: ImportRowResult[];
  /** The valid rows, each code's first only, in file order. */
  valid: { result: ImportRowResult; row: ValidRow }[];
  codes: string[];
}

/** Each row on its own: valid, or refused with its reasons; a code's later rows are refused. */
function checkRows(csvRows: readonly CsvRow[], offered: readonly PaymentMethod[]): CheckedRows {
  const results: ImportRowResult[] = [];
  const valid: CheckedRows["valid"] = [];
  const firstLineByCode = new Map<string, number>();
  for (const csvRow of csvRows) {
    const checked = validateRow(csvRow, offered);
    const result: ImportRowResult = {
      line: csvRow.line,
      institutionCode: checked.ok
        ? checked.row.details.institutionCode
        : rawText(csvRow.cells.institutionCode),
      facilityName: checked.ok
        ? checked.row.details.facilityName
        : rawText(csvRow.cells.facilityName),
      outcome: "refused",
      reasons: checked.ok ? [] : checked.reasons,
      changedFields: [],
    };
    results.push(result);
    if (!checked.ok) continue;
    const code = checked.row.details.institutionCode;
    const firstLine = firstLineByCode.get(code);
    if (firstLine !== undefined) {
      result.reasons.push(
        `同じ医療機関コードが${firstLine}行目にもあります（最初の行のみ取り込みます）`,
      );
      continue;
    }
    firstLineByCode.set(code, csvRow.line);
    valid.push({ result, row: checked.row });
  }
  return { results, valid, codes: [...firstLineByCode.keys()] };
}

type ExistingRegistration = Awaited<ReturnType<typeof lockRegistrationsByCode>>[number];

async function lockExisting(trx: Db, codes: readonly string[]) {
  const existing = new Map<string, ExistingRegistration>();
  for (const part of chunks(codes, CHUNK)) {
    for (const row of await lockRegistrationsByCode(trx, part)) {
      existing.set(row.institutionCode, row);
    }
  }
  return existing;
}

/**
 * Updates the rows whose code is registered (a web registration only when asked)
 * and returns the rows whose code is not.
 */
async function updateExisting(
  trx: Db,
  valid: CheckedRows["valid"],
  existing: ReadonlyMap<string, ExistingRegistration>,
  { overwriteWeb, now }: { overwriteWeb: boolean; now: Date },
): Promise<CheckedRows["valid"]> {
  const toCreate: CheckedRows["valid"] = [];
  for (const entry of valid) {
    const { details, paymentMethod } = entry.row;
    const current = existing.get(details.institutionCode);
    if (current === undefined) {
      toCreate.push(entry);
      continue;
    }
    if (current.source === "web" && !overwriteWeb) {
      entry.result.reasons.push(
        "施設がWebで登録した内容があるため更新しませんでした（上書きする場合は「Web登録も上書きする」を選んで取り込んでください）",
      );
      continue;
    }
    const next = {
      ...details,
      paymentMethod: paymentMethod ?? (current.paymentMethod as PaymentMethod),
    };
    const changed = COMPARED_FIELDS.filter((field) => current[field] !== next[field]);
    if (changed.length === 0) {
      entry.result.outcome = "unchanged";
      continue;
    }
    // Now the vendor's own record: no longer what the institution confirmed.
    await updateRegistration(trx, current.id, {
      ...next,
      source: "import",
      updatedAt: now,
      confirmedAt: null,
      confirmedVia: null,
    });
    entry.result.outcome = "updated";
    entry.result.changedFields = changed.map((field) => FIELD_LABELS[field]);
  }
  return toCreate;
}

/** One insert per chunk; a code registered on the storefront meanwhile is refused. */
async function createNew(
  trx: Db,
  toCreate: CheckedRows["valid"],
  { defaultMethod, now }: { defaultMethod: PaymentMethod; now: Date },
): Promise<void> {
  for (const part of chunks(toCreate, CHUNK)) {
    const created = new Set(
      await insertNewRegistrations(
        trx,
        part.map(({ row }) => ({
          ...row.details,
          paymentMethod: row.paymentMethod ?? defaultMethod,
          source: "import" as const,
          createdAt: now,
          updatedAt: now,
        })),
      ),
    );
    for (const { result, row } of part) {
      if (created.has(row.details.institutionCode)) {
        result.outcome = "created";
      } else {
        // Registered on the storefront while this file was being read.
        result.reasons.push(
          "取り込み中に同じ医療機関コードが登録されました。もう一度取り込んでください",
        );
      }
    }
  }
}

export async function importRegistrations(
  db: Db,
  {
    bytes,
    encoding,
    overwriteWeb,
    actor,
    now,
    config,
  }: {
    bytes: Uint8Array;
    encoding: ImportEncoding;
    overwriteWeb: boolean;
    actor: VendorActor;
    now: Date;
    config: ApiConfig;
  },
): Promise<ImportResult> {
  const decoded = decodeCsv(bytes, encoding);
  const offered = paymentMethodsOf(config);
  const { results, valid, codes } = checkRows(readRegistrationCsv(decoded.text), offered);

  await db.transaction().execute(async (trx) => {
    const existing = await lockExisting(trx, codes);
    const toCreate = await updateExisting(trx, valid, existing, { overwriteWeb, now });
    await createNew(trx, toCreate, { defaultMethod: offered[0] ?? "invoice", now });
    await appendAudit(trx, {
      action: "vendor_registration.import",
      actorUserId: actor.userId,
      actorRole: "vendor",
      targetType: "vendor_registration",
      ip: actor.ip,
      details: {
        encoding: decoded.encoding,
        rows: results.length,
        overwriteWeb,
        ...countOutcomes(results),
      },
    });
  });

  return {
    encoding: decoded.encoding,
    totalRows: results.length,
    ...countOutcomes(results),
    rows: results,
  };
}

function countOutcomes(rows: readonly ImportRowResult[]): Record<ImportOutcome, number> {
  const counts: Record<ImportOutcome, number> = {
    created: 0,
    updated: 0,
    unchanged: 0,
    refused: 0,
  };
  for (const row of rows) counts[row.outcome] += 1;
  return counts;
}
