import {
  formatJaDate,
  formatNumber,
  formatPieces,
  formatSets,
  REVIEW_STAGE_LABELS,
  type ReviewStage,
  SOS_STATUS_LABELS,
  type SosStatus,
} from "@sos/domain";
import { formatPhone } from "@sos/rules";
import { FIGURE_KEYS, FIGURE_LABELS } from "./figures";

/**
 * Turns a history entry's `changes` record into lines a person can read. The API
 * writes `{ field: { from, to } }` for edited fields and plain values for what an
 * action decided (the figures a check used, the limit, the reasons). Internal keys
 * (ids) are left out; unknown edited fields still show, under their key.
 */

export interface ChangeLine {
  key: string;
  label: string;
  /** Absent for a value that was set rather than changed (e.g. at creation). */
  from?: string;
  to: string;
  /** Too long to show inline (notes): shown folded, each on its own. */
  long: boolean;
}

export const HISTORY_FIELD_LABELS: Readonly<Record<string, string>> = {
  contactName: "担当者氏名",
  contactPhone: "電話番号",
  notes: "備考",
  conditionsConfirmed: "緊急配布条件の確認",
  reviewStage: "確認段階",
  weekStart: "対象の週",
  status: "ステータス",
  checkedFigures: "判定に使った週次調査の回答",
  limitSets: "購入上限数（自己チェック）",
  errorReasons: "エラーの内容",
  handleFrom: "対応開始日（締切後の申請）",
  quantitySets: "数量",
  supplyNeeded: "配送要否",
  notEligibleReason: "対象外の理由",
  reason: "理由",
};

/** Short names of the system check's reason codes, for the history (the full text is on the request). */
export const CHECK_REASON_LABELS: Readonly<Record<string, string>> = {
  survey_unanswered: "今週の週次調査が未回答",
  survey_not_eligible: "週次調査の回答が配布条件を満たさない",
  sanctioned: "同意事項④による措置の対象",
  open_request_exists: "同じ週に申請中の要請がある",
};

const HIDDEN_KEYS = new Set(["surveyId", "late"]);
const NONE = "（なし）";
/** Free text that may run to paragraphs; shown folded when long. Other values stay inline. */
const FREE_TEXT_KEYS = new Set(["notes", "notEligibleReason", "reason", "closedReason"]);
const LONG_TEXT = 40;

function isBlank(value: unknown): boolean {
  return value === null || value === undefined || value === "";
}

function isFromTo(value: unknown): value is { from: unknown; to: unknown } {
  return typeof value === "object" && value !== null && "from" in value && "to" in value;
}

function formatFigures(value: unknown): string | null {
  if (typeof value !== "object" || value === null) return null;
  const record = value as Record<string, unknown>;
  const parts = FIGURE_KEYS.flatMap((key) => {
    const figure = record[key];
    return typeof figure === "number" ? [`${FIGURE_LABELS[key]} ${formatPieces(figure)}`] : [];
  });
  return parts.length === 0 ? null : parts.join("、");
}

function formatGeneric(value: unknown): string | null {
  if (isBlank(value)) return NONE;
  if (typeof value === "boolean") return value ? "はい" : "いいえ";
  if (typeof value === "number") return formatNumber(value);
  if (typeof value === "string") return value;
  if (Array.isArray(value)) return value.length === 0 ? NONE : value.map(String).join("、");
  return null;
}

function formatValue(key: string, value: unknown): string | null {
  if (isBlank(value)) return NONE;
  switch (key) {
    case "contactPhone":
      return typeof value === "string" ? formatPhone(value) : formatGeneric(value);
    case "conditionsConfirmed":
      return value === true ? "確認済み" : "未確認";
    case "supplyNeeded":
      return value === true ? "要" : "不要";
    case "reviewStage":
      return typeof value === "string" && value in REVIEW_STAGE_LABELS.ja
        ? REVIEW_STAGE_LABELS.ja[value as ReviewStage]
        : formatGeneric(value);
    case "status":
      return typeof value === "string" && value in SOS_STATUS_LABELS.ja
        ? SOS_STATUS_LABELS.ja[value as SosStatus]
        : formatGeneric(value);
    case "weekStart":
    case "handleFrom":
      return typeof value === "string" && /^\d{4}-\d{2}-\d{2}$/.test(value)
        ? formatJaDate(value)
        : formatGeneric(value);
    case "checkedFigures":
      return formatFigures(value);
    case "limitSets":
    case "quantitySets":
      return typeof value === "number" ? formatSets(value) : formatGeneric(value);
    case "errorReasons":
      return Array.isArray(value)
        ? value.map((code) => CHECK_REASON_LABELS[String(code)] ?? String(code)).join("、") || NONE
        : formatGeneric(value);
    default:
      return formatGeneric(value);
  }
}

function isLong(key: string, ...texts: Array<string | undefined>): boolean {
  if (!FREE_TEXT_KEYS.has(key)) return false;
  return texts.some(
    (text) => text !== undefined && (text.length > LONG_TEXT || text.includes("\n")),
  );
}

export function describeChanges(
  changes: Readonly<Record<string, unknown>> | null | undefined,
  labels: Readonly<Record<string, string>> = HISTORY_FIELD_LABELS,
): ChangeLine[] {
  if (!changes) return [];
  const lines: ChangeLine[] = [];
  for (const [key, value] of Object.entries(changes)) {
    if (HIDDEN_KEYS.has(key)) continue;
    const known = key in labels;
    const label = labels[key] ?? key;
    if (isFromTo(value)) {
      const to = formatValue(key, value.to);
      if (to === null) continue;
      if (isBlank(value.from)) {
        // Set for the first time (creation): there is no "before" worth showing.
        if (isBlank(value.to)) continue;
        lines.push({ key, label, to, long: isLong(key, to) });
        continue;
      }
      const from = formatValue(key, value.from) ?? NONE;
      lines.push({ key, label, from, to, long: isLong(key, from, to) });
      continue;
    }
    // Plain values are what an action recorded; only those this screen can word are shown.
    if (!known) continue;
    if (key === "handleFrom" && changes.late !== true) continue;
    if (key === "errorReasons" && Array.isArray(value) && value.length === 0) continue;
    const text = formatValue(key, value);
    if (text === null) continue;
    lines.push({ key, label, to: text, long: isLong(key, text) });
  }
  return lines;
}
