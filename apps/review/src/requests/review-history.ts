import { formatJaDateTime, formatSets, type RequestHistoryEntry, toInstant } from "@sos/ui";
import { batchName } from "../target-lists/target-batch-list";

/** A history entry as the review API gives it: with the action's code. */
export interface AuditTrailEntry extends RequestHistoryEntry {
  /** e.g. approve, reject, hand_over, prefecture_save. */
  action?: string | undefined;
}

/** Labels for what review actions record, beside the request page's own. */
export const REVIEW_HISTORY_FIELD_LABELS: Readonly<Record<string, string>> = {
  prefectureQuantitySets: "都道府県の数量",
  overrideReason: "上限を超える理由",
  adjustReason: "調整理由",
  noticeSendAt: "医療機関への連絡メール",
  batchNumber: "対象医療機関リスト",
  listedSets: "リストに載せた購入上限数",
};

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function setsText(value: unknown): unknown {
  return typeof value === "number" ? formatSets(value) : value;
}

function instantText(value: unknown): string | null {
  if (typeof value !== "string" && !(value instanceof Date)) return null;
  try {
    return formatJaDateTime(toInstant(value));
  } catch {
    return null;
  }
}

/**
 * Rewrites what the review actions record into values the history can show:
 * sets in sets, the not-eligible notice as when and to whom it is sent, the
 * target list by its number; internal ids are dropped.
 */
export function reviewHistoryChanges(
  entry: Pick<AuditTrailEntry, "action" | "changes">,
): Record<string, unknown> | null {
  const { changes } = entry;
  if (!changes) return null;
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(changes)) {
    switch (key) {
      case "prefectureQuantitySets":
        out[key] = setsText(value);
        break;
      case "overLimit":
        // The prefecture went above the limit: the reason (and the limit) say why.
        if (isRecord(value)) {
          if (!("overrideReason" in changes) && typeof value.reason === "string") {
            out.overrideReason = value.reason;
          }
          if (!("limitSets" in changes) && typeof value.limitSets === "number") {
            out.limitSets = value.limitSets;
          }
        }
        break;
      case "notice":
        if (isRecord(value)) {
          const at = instantText(value.sendAt);
          const to = typeof value.to === "string" ? value.to : "";
          if (at !== null) out.noticeSendAt = `${at}以降に送信${to === "" ? "" : `（${to}）`}`;
        }
        break;
      case "batchId":
        break;
      case "reviewStage":
        // Leaving review (approved, closed) is told by the status change already.
        if (!(isRecord(value) && value.to === null)) out[key] = value;
        break;
      case "batchNumber":
        out[key] = typeof value === "number" ? batchName(value) : value;
        break;
      case "limitSets":
        // On a hand-over the figure is what the list carries, not the self-check's.
        if (entry.action === "hand_over") out.listedSets = setsText(value);
        else out[key] = value;
        break;
      default:
        out[key] = value;
    }
  }
  return out;
}
