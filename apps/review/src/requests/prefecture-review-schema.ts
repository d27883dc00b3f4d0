import { formatSets, parseSets, SETS_MESSAGES } from "@sos/ui";
import { z } from "zod/mini";
import { NOTES_MAX_LENGTH, REASON_MAX_LENGTH, tooLongMessage } from "../common/messages";

/** The prefecture's input (② 要請確認) as review.savePrefectureReview takes it. */
export interface PrefectureReviewValues {
  /** 配送要否: true 必要 / false 不要 / null not yet decided (a draft may be saved so). */
  supplyNeeded: boolean | null;
  /** Sets; 0 when supply is not needed; null in a draft without a quantity. */
  quantitySets: number | null;
  /** Why the quantity exceeds the computed limit; "" when it does not. */
  overrideReason: string;
  notes: string;
  /** true: 都道府県確認を完了 (the request goes to the ministry); false: 一時保存. */
  complete: boolean;
}

/** What the boxes hold, exactly as typed. */
export interface PrefectureReviewDraft {
  supply: "" | "yes" | "no";
  quantity: string;
  /** 「上限を超える（理由を記入）」 is ticked. */
  overLimit: boolean;
  overrideReason: string;
  notes: string;
}

export const SUPPLY_REQUIRED = "配送要否を選択してください。";
export const QUANTITY_AT_LEAST_ONE = "配送が必要な場合、数量は1セット以上を入力してください。";
export const OVERRIDE_LABEL = "上限を超える（理由を記入）";
export const OVERRIDE_REASON_LABEL = "上限を超える理由";

export function overLimitMessage(limitSets: number): string {
  return `購入上限数（${formatSets(limitSets)}）を超えています。超える場合は「${OVERRIDE_LABEL}」にチェックし、理由を入力してください。`;
}

export function overrideReasonRequired(limitSets: number): string {
  return `購入上限数（${formatSets(limitSets)}）を超える理由を入力してください。`;
}

const Draft = z.object({
  supply: z.enum(["", "yes", "no"]),
  quantity: z.string(),
  overLimit: z.boolean(),
  overrideReason: z.string(),
  notes: z.string(),
});

/**
 * The prefecture's rules, as the API applies them: the quantity defaults to the
 * computed limit and never exceeds it without the override and a reason; 配送不要
 * is zero sets; completing needs the 配送要否 answer. A 一時保存 may be incomplete.
 */
export function prefectureReviewSchema(limitSets: number, complete: boolean) {
  return z.pipe(
    Draft,
    z.transform((draft: PrefectureReviewDraft, ctx): PrefectureReviewValues => {
      const issue = (path: keyof PrefectureReviewDraft, message: string) =>
        ctx.issues.push({ code: "custom", path: [path], message, input: draft[path] });

      if (complete && draft.supply === "") issue("supply", SUPPLY_REQUIRED);

      let quantitySets: number | null = null;
      if (draft.supply === "no") {
        quantitySets = 0;
      } else if (draft.quantity.trim() !== "" || draft.supply === "yes") {
        const parsed = parseSets(draft.quantity);
        if (!parsed.ok) {
          issue("quantity", SETS_MESSAGES[parsed.error]);
        } else {
          quantitySets = parsed.value;
          if (draft.supply === "yes" && parsed.value < 1) issue("quantity", QUANTITY_AT_LEAST_ONE);
          else if (parsed.value > limitSets && !draft.overLimit) {
            issue("quantity", overLimitMessage(limitSets));
          }
        }
      }

      const over = quantitySets !== null && quantitySets > limitSets;
      const reason = draft.overrideReason.trim();
      if (over && draft.overLimit) {
        if (reason === "") issue("overrideReason", overrideReasonRequired(limitSets));
        else if (reason.length > REASON_MAX_LENGTH) {
          issue("overrideReason", tooLongMessage(OVERRIDE_REASON_LABEL, REASON_MAX_LENGTH));
        }
      }
      const notes = draft.notes.trim();
      if (notes.length > NOTES_MAX_LENGTH) issue("notes", tooLongMessage("備考", NOTES_MAX_LENGTH));

      return {
        supplyNeeded: draft.supply === "" ? null : draft.supply === "yes",
        quantitySets,
        // A reason belongs to the record only where it justifies something.
        overrideReason: over ? reason : "",
        notes,
        complete,
      };
    }),
  );
}
