import { zodResolver } from "@hookform/resolvers/zod";
import {
  Button,
  ConfirmDialog,
  formatSets,
  NumberField,
  parseSets,
  setsDraft,
  Textarea,
} from "@sos/ui";
import { useEffect, useId, useMemo, useState } from "react";
import { useWatch } from "react-hook-form";
import { REASON_MAX_LENGTH } from "../common/messages";
import { ReasonDialog } from "../common/reason-dialog";
import {
  DecisionFormAlerts,
  type DecisionFormProps,
  DecisionReadOnly,
  NotEligibleStep,
} from "./decision-form-parts";
import {
  ADJUST_REASON_LABEL,
  isAdjusted,
  type MinistryApprovalValues,
  type MinistryDecisionDraft,
  ministryDecisionSchema,
} from "./ministry-decision-schema";
import { PrefectureInputFacts, type PrefectureInputShown } from "./prefecture-input-facts";
import { type DecisionForm, useDecisionForm } from "./use-decision-form";
import "../common/review-parts.css";

/** Server messages per field, keyed as review.approve names them. */
export type MinistryDecisionFieldErrors = Partial<Record<"quantitySets" | "adjustReason", string>>;

export interface MinistryDecisionFormProps extends DecisionFormProps {
  /** What the prefecture entered and completed (review.get prefectureReview). */
  prefectureInput: PrefectureInputShown | null;
  /**
   * 「承認（受付完了）」, after the confirmation. Resolve once approved; reject when
   * not, with the reason in `conflict`, `fieldErrors` or `serverError`.
   */
  onApprove: (values: MinistryApprovalValues) => Promise<void>;
  /** 「都道府県に差し戻す」 with its reason (review.returnToPrefecture). */
  onReturn: (reason: string) => Promise<void>;
  fieldErrors?: MinistryDecisionFieldErrors | null | undefined;
  /** Refusals of the dialogs' actions, shown in them. */
  approveError?: string | null | undefined;
  returnError?: string | null | undefined;
}

/** The API's field names → the form's. */
const SERVER_FIELDS = {
  quantitySets: "quantity",
  adjustReason: "adjustReason",
} as const satisfies Record<keyof MinistryDecisionFieldErrors, keyof MinistryDecisionDraft>;

type MinistryForm = DecisionForm<MinistryDecisionDraft, MinistryApprovalValues>;
/** The dialog open on top of the form, with the values it confirms. */
type Step = { kind: "approve"; values: MinistryApprovalValues } | { kind: "return" | "close" };

/**
 * The ministry's decision on a request the prefecture completed (③承認): the
 * prefecture's input, the quantity (adjustable, with a reason when changed),
 * 「承認（受付完了）」 after a confirmation, or 「都道府県に差し戻す」 with a reason.
 */
export function MinistryDecisionForm(props: MinistryDecisionFormProps) {
  if (props.readOnlyReason) {
    return (
      <DecisionReadOnly
        label="国の確認"
        reason={props.readOnlyReason}
        heading="都道府県の入力"
        input={props.prefectureInput}
        limitSets={props.limitSets}
      />
    );
  }
  return <EditableMinistryDecision {...props} />;
}

function EditableMinistryDecision(props: MinistryDecisionFormProps) {
  const { limitSets, prefectureInput, onMarkNotEligible } = props;
  const formId = useId();
  const ids = { quantity: `${formId}-quantity`, adjustReason: `${formId}-adjust-reason` };
  const prefectureSets = prefectureInput?.quantitySets ?? null;
  const initial = useMemo<MinistryDecisionDraft>(
    () => ({ quantity: setsDraft(prefectureSets ?? limitSets), adjustReason: "" }),
    [prefectureSets, limitSets],
  );
  const resolver = useMemo(
    () => zodResolver(ministryDecisionSchema(prefectureSets)),
    [prefectureSets],
  );
  const form = useDecisionForm({
    resolver,
    initial,
    version: props.version,
    fieldIds: ids,
    serverErrors: props.fieldErrors,
    serverFields: SERVER_FIELDS,
  });
  const [step, setStep] = useState<Step | null>(null);
  // The approval dialog makes way for a conflict or a field error, which the form
  // shows where they belong; a plain refusal keeps it open with its message.
  const conflict = props.conflict ?? false;
  const refusedOnField = form.hasServerFieldErrors;
  useEffect(() => {
    if (conflict || refusedOnField) setStep((open) => (open?.kind === "approve" ? null : open));
  }, [conflict, refusedOnField]);

  return (
    <>
      <form
        className="sos-review-form"
        noValidate
        aria-label="国の確認"
        onSubmit={form.handleSubmit((values) => setStep({ kind: "approve", values }))}
      >
        <DecisionFormAlerts
          conflict={conflict}
          onReload={props.onReload}
          error={props.serverError}
          summary={form.summary}
          focusKey={form.formState.submitCount}
        />
        <section className="sos-review-form__group" aria-labelledby={`${formId}-pref`}>
          <h3 id={`${formId}-pref`} className="sos-review-form__section-title">
            都道府県の入力
          </h3>
          <PrefectureInputFacts input={prefectureInput} limitSets={limitSets} />
        </section>
        <ApprovedQuantity
          form={form}
          ids={ids}
          limitSets={limitSets}
          prefectureSets={prefectureSets}
        />
        <div className="sos-review-form__actions">
          <Button type="submit" size="large">
            承認（受付完了）
          </Button>
          <Button variant="secondary" size="large" onClick={() => setStep({ kind: "return" })}>
            都道府県に差し戻す…
          </Button>
          {onMarkNotEligible !== undefined && (
            <Button variant="tertiary" onClick={() => setStep({ kind: "close" })}>
              対象外とする…
            </Button>
          )}
        </div>
      </form>
      <MinistryDialogs {...props} step={step} onClose={() => setStep(null)} />
    </>
  );
}

/** The quantity to approve: a reason is asked for once it differs from the prefecture's. */
function ApprovedQuantity({
  form,
  ids,
  limitSets,
  prefectureSets,
}: {
  form: MinistryForm;
  ids: Record<"quantity" | "adjustReason", string>;
  limitSets: number;
  prefectureSets: number | null;
}) {
  const { errors } = form.formState;
  const typed = useWatch({ control: form.control, name: "quantity" });
  const parsed = parseSets(typed ?? "");
  const adjusted = parsed.ok && isAdjusted(parsed.value, prefectureSets);
  const overLimit = parsed.ok && parsed.value > limitSets;
  return (
    <div className="sos-review-form__section">
      <NumberField
        id={ids.quantity}
        label="承認する数量（セット）"
        unit="セット"
        hint={
          prefectureSets === null
            ? `都道府県の数量は未入力です。購入上限数（算定値）は${formatSets(limitSets)}です。`
            : `都道府県の入力は${formatSets(prefectureSets)}です。変更する場合は調整理由が必要です。`
        }
        error={errors.quantity?.message}
        {...form.register("quantity")}
      />
      {overLimit && (
        <p className="sos-review-form__warning">
          購入上限数（算定値 {formatSets(limitSets)}）を超える数量です。
        </p>
      )}
      {(adjusted || errors.adjustReason !== undefined) && (
        <Textarea
          id={ids.adjustReason}
          label={ADJUST_REASON_LABEL}
          hint="都道府県にも記録として表示されます。"
          required
          rows={3}
          maxLength={REASON_MAX_LENGTH}
          error={errors.adjustReason?.message}
          {...form.register("adjustReason")}
        />
      )}
    </div>
  );
}

/** Approve (after a look at the quantity), return with a reason, or close as 対象外. */
function MinistryDialogs({
  step,
  onClose,
  institutionName,
  onApprove,
  onReturn,
  onMarkNotEligible,
  notEligibleNoticeFrom,
  approveError,
  returnError,
  notEligibleError,
}: MinistryDecisionFormProps & { step: Step | null; onClose: () => void }) {
  const name = institutionName ? `「${institutionName}」の` : "この";
  const confirming = step?.kind === "approve" ? step.values : null;
  return (
    <>
      <ConfirmDialog
        open={confirming !== null}
        title={`${name}要請を承認します`}
        description={<ApprovalFacts values={confirming} />}
        confirmLabel="承認する"
        pendingLabel="承認中"
        onConfirm={async () => {
          if (confirming === null) return;
          await onApprove(confirming);
          onClose();
        }}
        onCancel={onClose}
        error={approveError}
      />
      <ReasonDialog
        open={step?.kind === "return"}
        title={`${name}要請を都道府県に差し戻します`}
        description={
          <p>
            都道府県の確認完了を取り消し、都道府県確認中に戻します。都道府県の担当者には、理由を記載したメールで通知します。
          </p>
        }
        reasonLabel="差戻しの理由"
        reasonHint="都道府県が入力を見直す手がかりになるよう、具体的に書いてください。"
        maxLength={REASON_MAX_LENGTH}
        confirmLabel="差し戻す"
        pendingLabel="差戻し中"
        onConfirm={async (reason) => {
          await onReturn(reason);
          onClose();
        }}
        onCancel={onClose}
        error={returnError}
      />
      {onMarkNotEligible !== undefined && (
        <NotEligibleStep
          open={step?.kind === "close"}
          onClose={onClose}
          onMarkNotEligible={onMarkNotEligible}
          institutionName={institutionName}
          noticeFrom={notEligibleNoticeFrom}
          error={notEligibleError}
        />
      )}
    </>
  );
}

function ApprovalFacts({ values }: { values: MinistryApprovalValues | null }) {
  return (
    <>
      <dl className="sos-review-facts">
        <dt>数量</dt>
        <dd>{values === null ? "" : formatSets(values.quantitySets)}</dd>
        {values !== null && values.adjustReason !== "" && (
          <>
            <dt>{ADJUST_REASON_LABEL}</dt>
            <dd>{values.adjustReason}</dd>
          </>
        )}
      </dl>
      <p>
        承認すると受付完了となり、変更できなくなります。この数量が購入上限数として販売業者に伝えられます。
      </p>
    </>
  );
}
