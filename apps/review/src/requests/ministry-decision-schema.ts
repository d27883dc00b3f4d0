import { formatSets, parseSets, SETS_MESSAGES } from "@sos/ui";
import { z } from "zod/mini";
import { REASON_MAX_LENGTH, tooLongMessage } from "../common/messages";

/** The ministry's approval (③承認) as review.approve takes each item. */
export interface MinistryApprovalValues {
  quantitySets: number;
  /** Why the quantity differs from the prefecture's; "" when it does not. */
  adjustReason: string;
}

export interface MinistryDecisionDraft {
  quantity: string;
  adjustReason: string;
}

export const ADJUST_REASON_LABEL = "調整理由";

export const APPROVE_AT_LEAST_ONE =
  "承認する数量は1セット以上にしてください。都道府県が配送不要としている場合は、対象外とするか、数量と調整理由を入力してください。";

export function adjustReasonRequired(prefectureSets: number | null): string {
  return prefectureSets === null
    ? "都道府県の数量が未入力のため、調整理由を入力してください。"
    : `都道府県の入力（${formatSets(prefectureSets)}）と異なる数量で承認する場合は、調整理由を入力してください。`;
}

/** The quantity differs from the prefecture's, so a reason is needed. */
export function isAdjusted(quantitySets: number | null, prefectureSets: number | null): boolean {
  return quantitySets !== null && quantitySets !== prefectureSets;
}

const Draft = z.object({ quantity: z.string(), adjustReason: z.string() });

/**
 * The ministry may change the prefecture's quantity, with a reason; it approves
 * at least one set (a request nobody should supply is closed as 対象外 instead).
 */
export function ministryDecisionSchema(prefectureSets: number | null) {
  return z.pipe(
    Draft,
    z.transform((draft: MinistryDecisionDraft, ctx): MinistryApprovalValues => {
      const issue = (path: keyof MinistryDecisionDraft, message: string) =>
        ctx.issues.push({ code: "custom", path: [path], message, input: draft[path] });
      const parsed = parseSets(draft.quantity);
      let quantitySets = 0;
      if (!parsed.ok) issue("quantity", SETS_MESSAGES[parsed.error]);
      else if (parsed.value < 1) issue("quantity", APPROVE_AT_LEAST_ONE);
      else quantitySets = parsed.value;

      const adjusted = parsed.ok && isAdjusted(parsed.value, prefectureSets);
      const reason = draft.adjustReason.trim();
      if (adjusted && reason === "") issue("adjustReason", adjustReasonRequired(prefectureSets));
      if (reason.length > REASON_MAX_LENGTH) {
        issue("adjustReason", tooLongMessage(ADJUST_REASON_LABEL, REASON_MAX_LENGTH));
      }
      return { quantitySets, adjustReason: adjusted ? reason : "" };
    }),
  );
}
