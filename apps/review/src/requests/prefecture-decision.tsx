import { useTRPC } from "@sos/web";
import { useMutation } from "@tanstack/react-query";
import { useState } from "react";
import type { ReviewDetail } from "../api-types";
import { type DecisionPartProps, useDecisionRefusal } from "./decision-part";
import { type PrefectureReviewFieldErrors, PrefectureReviewForm } from "./prefecture-review-form";
import type { PrefectureReviewValues } from "./prefecture-review-schema";
import { useMarkNotEligible } from "./use-mark-not-eligible";

const SAVE_FIELDS = {
  supplyNeeded: "supplyNeeded",
  quantitySets: "quantitySets",
  overrideReason: "overrideReason",
  notes: "notes",
} as const;

/** Why the prefecture's input can no longer be changed here. */
function readOnlyReasonOf(request: ReviewDetail): string | null {
  if (request.abilities.canEditPrefectureReview) return null;
  switch (request.status) {
    case "reviewing":
      return "都道府県確認を完了し、国確認中です。変更が必要な場合は、国に差戻しを依頼してください。";
    case "accepted":
      return "国が承認し、受付完了となった要請です。変更できません。";
    case "not_eligible":
      return "対象外として終了した要請です。";
    case "withdrawn":
      return "医療機関が取り下げた要請です。";
    default:
      return "この要請は確認できる状態ではありません。";
  }
}

/**
 * The prefecture officer's part: 配送要否, quantity, notes; 一時保存 or 都道府県確認を
 * 完了; or 対象外. A decision moves on to the next request (`onDecided`); a save by
 * someone else in between is reported, never overwritten.
 */
export function PrefectureDecision({ request, onUpdated, onReload, onDecided }: DecisionPartProps) {
  const trpc = useTRPC();
  const save = useMutation(trpc.review.savePrefectureReview.mutationOptions());
  const { conflict, fieldErrors, reset, refuse } = useDecisionRefusal<PrefectureReviewFieldErrors>(
    SAVE_FIELDS,
    onReload,
  );
  const [serverError, setServerError] = useState<string | null>(null);
  const [notEligibleError, setNotEligibleError] = useState<string | null>(null);
  const review = request.prefectureReview;
  const limitSets = review?.computedLimitSets ?? request.calculation?.limitSets ?? 0;

  const clear = () => {
    reset();
    setServerError(null);
    setNotEligibleError(null);
  };

  const refused = (error: unknown) => {
    const refusal = refuse(error);
    setServerError(refusal.general ? refusal.message : null);
    return refusal;
  };

  const onSave = async (values: PrefectureReviewValues) => {
    clear();
    let updated: ReviewDetail;
    try {
      updated = await save.mutateAsync({
        id: request.id,
        expectedVersion: request.version,
        supplyNeeded: values.supplyNeeded,
        quantitySets: values.quantitySets,
        overrideReason: values.overrideReason,
        notes: values.notes,
        complete: values.complete,
      });
    } catch (error) {
      refused(error);
      throw error;
    }
    onUpdated(updated);
    if (values.complete) {
      await onDecided({ kind: "completed", institutionName: request.institution.name });
    }
  };

  const onMarkNotEligible = useMarkNotEligible(request, {
    clear,
    refused: (error) => setNotEligibleError(refused(error).message),
    onUpdated,
    onDecided,
  });

  return (
    <PrefectureReviewForm
      limitSets={limitSets}
      defaultValues={review}
      version={request.version}
      onSave={onSave}
      onMarkNotEligible={request.abilities.canMarkNotEligible ? onMarkNotEligible : undefined}
      notEligibleNoticeFrom={request.notEligibleNoticeFrom}
      institutionName={request.institution.name}
      conflict={conflict}
      onReload={() => {
        void onReload().then(clear);
      }}
      fieldErrors={fieldErrors}
      serverError={serverError}
      notEligibleError={notEligibleError}
      readOnlyReason={readOnlyReasonOf(request)}
    />
  );
}
