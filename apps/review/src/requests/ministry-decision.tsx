import { Button, Card } from "@sos/ui";
import { useTRPC } from "@sos/web";
import { useMutation } from "@tanstack/react-query";
import { useState } from "react";
import type { ReviewDetail } from "../api-types";
import { type DecisionPartProps, useDecisionRefusal } from "./decision-part";
import { type MinistryDecisionFieldErrors, MinistryDecisionForm } from "./ministry-decision-form";
import type { MinistryApprovalValues } from "./ministry-decision-schema";
import { NotEligibleDialog } from "./not-eligible-dialog";
import { useMarkNotEligible } from "./use-mark-not-eligible";

/** review.approve reports a single request's fields as item 0 of the batch. */
const APPROVE_FIELDS = {
  "items.0.quantitySets": "quantitySets",
  "items.0.adjustReason": "adjustReason",
} as const;

function readOnlyReasonOf(request: ReviewDetail): string | null {
  if (request.abilities.canApprove) return null;
  switch (request.status) {
    case "reviewing":
      return "都道府県確認中です。都道府県が確認を完了すると、承認・差戻しができます。";
    case "accepted":
      return "承認済み（受付完了）の要請です。変更できません。";
    case "not_eligible":
      return "対象外として終了した要請です。";
    case "withdrawn":
      return "医療機関が取り下げた要請です。";
    default:
      return "この要請は承認できる状態ではありません。";
  }
}

type Action = "approve" | "return" | "notEligible";

/**
 * The ministry's part: approve at the prefecture's quantity or an adjusted one (with a
 * reason), return it to the prefecture with a reason, or close it as not eligible.
 * A decision moves on to the next request of the queue.
 */
export function MinistryDecision({ request, onUpdated, onReload, onDecided }: DecisionPartProps) {
  const trpc = useTRPC();
  const approve = useMutation(trpc.review.approve.mutationOptions());
  const returnToPrefecture = useMutation(trpc.review.returnToPrefecture.mutationOptions());
  const { conflict, fieldErrors, reset, refuse } = useDecisionRefusal<MinistryDecisionFieldErrors>(
    APPROVE_FIELDS,
    onReload,
  );
  const [errors, setErrors] = useState<Partial<Record<Action, string>>>({});
  const [closing, setClosing] = useState(false);
  const institutionName = request.institution.name;
  const limitSets = request.calculation?.limitSets ?? 0;

  const clear = () => {
    reset();
    setErrors({});
  };

  const refused = (action: Action, error: unknown) => {
    const { message, general } = refuse(error);
    if (general) setErrors({ [action]: message });
  };

  const onApprove = async (values: MinistryApprovalValues) => {
    clear();
    try {
      await approve.mutateAsync({
        items: [
          {
            id: request.id,
            expectedVersion: request.version,
            quantitySets: values.quantitySets,
            adjustReason: values.adjustReason,
          },
        ],
      });
    } catch (error) {
      refused("approve", error);
      throw error;
    }
    await onDecided({ kind: "approved", institutionName });
  };

  const onReturn = async (reason: string) => {
    clear();
    try {
      onUpdated(
        await returnToPrefecture.mutateAsync({
          id: request.id,
          expectedVersion: request.version,
          reason,
        }),
      );
    } catch (error) {
      refused("return", error);
      throw error;
    }
    await onDecided({ kind: "returned", institutionName });
  };

  const onMarkNotEligible = useMarkNotEligible(request, {
    clear,
    refused: (error) => refused("notEligible", error),
    onUpdated,
    onClosed: () => setClosing(false),
    onDecided,
  });

  const readOnlyReason = readOnlyReasonOf(request);
  return (
    <>
      <MinistryDecisionForm
        limitSets={limitSets}
        prefectureInput={request.prefectureReview}
        version={request.version}
        institutionName={institutionName}
        onApprove={onApprove}
        onReturn={onReturn}
        onMarkNotEligible={request.abilities.canMarkNotEligible ? onMarkNotEligible : undefined}
        notEligibleNoticeFrom={request.notEligibleNoticeFrom}
        conflict={conflict}
        onReload={() => {
          void onReload().then(clear);
        }}
        fieldErrors={fieldErrors}
        approveError={errors.approve ?? null}
        returnError={errors.return ?? null}
        notEligibleError={errors.notEligible ?? null}
        readOnlyReason={readOnlyReason}
      />
      {/* With the prefecture, the form is read-only; the ministry may still close it. */}
      {readOnlyReason !== null && request.abilities.canMarkNotEligible && (
        <CloseBeforeThePrefecture
          open={closing}
          onOpen={() => setClosing(true)}
          onCancel={() => setClosing(false)}
          onMarkNotEligible={onMarkNotEligible}
          institutionName={institutionName}
          noticeFrom={request.notEligibleNoticeFrom}
          error={errors.notEligible ?? null}
        />
      )}
    </>
  );
}

/** 「対象外とする」 while the prefecture still has the request (its form is read-only). */
function CloseBeforeThePrefecture({
  open,
  onOpen,
  onCancel,
  onMarkNotEligible,
  institutionName,
  noticeFrom,
  error,
}: {
  open: boolean;
  onOpen: () => void;
  onCancel: () => void;
  onMarkNotEligible: (reason: string) => Promise<void>;
  institutionName: string;
  noticeFrom: string;
  error: string | null;
}) {
  return (
    <Card title="対象外とする">
      <p>
        配布条件に適さないことが明らかな場合は、都道府県の確認を待たずに対象外とすることができます。
      </p>
      <Button variant="secondary" onClick={onOpen}>
        対象外とする…
      </Button>
      <NotEligibleDialog
        open={open}
        institutionName={institutionName}
        noticeFrom={noticeFrom}
        error={error}
        onCancel={onCancel}
        onConfirm={onMarkNotEligible}
      />
    </Card>
  );
}
