import { zodResolver } from "@hookform/resolvers/zod";
import {
  Alert,
  Button,
  ConfirmDialog,
  ErrorSummary,
  type FieldErrorItem,
  formatSets,
  NumberField,
  parseSets,
  setsDraft,
  Textarea,
} from "@sos/ui";
import { useEffect, useId, useMemo, useState } from "react";
import { type FieldErrors, useForm, useWatch } from "react-hook-form";
import { REASON_MAX_LENGTH } from "../common/messages";
import { ReasonDialog } from "../common/reason-dialog";
import { ConflictAlert } from "./conflict-alert";
import {
  ADJUST_REASON_LABEL,
  isAdjusted,
  type MinistryApprovalValues,
  type MinistryDecisionDraft,
  ministryDecisionSchema,
} from "./ministry-decision-schema";
import { NotEligibleDialog } from "./not-eligible-dialog";
import { type PrefectureInput, PrefectureInputFacts } from "./prefecture-input-facts";
import "../common/review-parts.css";

/** Server messages per field, keyed as review.approve names them. */
export type MinistryDecisionFieldErrors = Partial<Record<"quantitySets" | "adjustReason", string>>;

export interface MinistryDecisionFormProps {
  /** 購入上限数 the rules computed (sets). */
  limitSets: number;
  /** What the prefecture entered and completed (review.get prefectureReview). */
  prefectureInput: PrefectureInput | null;
  /** The request's version; a change (reload) resets the form to the new input. */
  version?: number | undefined;
  institutionName?: string | undefined;
  /**
   * 「承認（受付完了）」, after the confirmation. Resolve once approved; reject when
   * not, with the reason in `conflict`, `fieldErrors` or `serverError`.
   */
  onApprove: (values: MinistryApprovalValues) => Promise<void>;
  /** 「都道府県に差し戻す」 with its reason (review.returnToPrefecture). */
  onReturn: (reason: string) => Promise<void>;
  /** 「対象外とする」 (review.markNotEligible); not offered without it. */
  onMarkNotEligible?: ((reason: string) => Promise<void>) | undefined;
  notEligibleNoticeFrom?: Date | string | null | undefined;
  conflict?: boolean | undefined;
  onReload?: (() => void) | undefined;
  fieldErrors?: MinistryDecisionFieldErrors | null | undefined;
  serverError?: string | null | undefined;
  /** Refusals of the dialogs' actions, shown in them. */
  approveError?: string | null | undefined;
  returnError?: string | null | undefined;
  notEligibleError?: string | null | undefined;
  /** Shows the input without actions and says why (都道府県確認中, 受付完了 …). */
  readOnlyReason?: string | null | undefined;
}

const FIELDS = ["quantity", "adjustReason"] as const;
type Field = (typeof FIELDS)[number];

function summaryOf(errors: FieldErrors<MinistryDecisionDraft>, ids: Record<Field, string>) {
  const items: FieldErrorItem[] = [];
  for (const field of FIELDS) {
    const message = errors[field]?.message;
    if (message) items.push({ fieldId: ids[field], message });
  }
  return items;
}

/**
 * The ministry's decision on a request the prefecture completed (③承認): the
 * prefecture's input, the quantity (adjustable, with a reason when changed),
 * 「承認（受付完了）」 after a confirmation, or 「都道府県に差し戻す」 with a reason.
 */
export function MinistryDecisionForm({
  limitSets,
  prefectureInput,
  version,
  institutionName,
  onApprove,
  onReturn,
  onMarkNotEligible,
  notEligibleNoticeFrom,
  conflict = false,
  onReload,
  fieldErrors,
  serverError,
  approveError,
  returnError,
  notEligibleError,
  readOnlyReason,
}: MinistryDecisionFormProps) {
  const formId = useId();
  const ids = {
    quantity: `${formId}-quantity`,
    adjustReason: `${formId}-adjust-reason`,
  } satisfies Record<Field, string>;
  const prefectureSets = prefectureInput?.quantitySets ?? null;
  const initial = useMemo<MinistryDecisionDraft>(
    () => ({ quantity: setsDraft(prefectureSets ?? limitSets), adjustReason: "" }),
    [prefectureSets, limitSets],
  );
  const resolver = useMemo(
    () => zodResolver(ministryDecisionSchema(prefectureSets)),
    [prefectureSets],
  );
  const {
    register,
    handleSubmit,
    reset,
    setError,
    control,
    formState: { errors, submitCount },
  } = useForm<MinistryDecisionDraft, unknown, MinistryApprovalValues>({
    resolver,
    defaultValues: initial,
    shouldFocusError: false,
  });
  const [confirming, setConfirming] = useState<MinistryApprovalValues | null>(null);
  const [returning, setReturning] = useState(false);
  const [closing, setClosing] = useState(false);

  // biome-ignore lint/correctness/useExhaustiveDependencies: version is the trigger, with the values
  useEffect(() => {
    reset(initial);
  }, [initial, version, reset]);

  const fieldErrorsKey = JSON.stringify(fieldErrors ?? {});
  useEffect(() => {
    const given = JSON.parse(fieldErrorsKey) as MinistryDecisionFieldErrors;
    if (given.quantitySets) setError("quantity", { type: "server", message: given.quantitySets });
    if (given.adjustReason)
      setError("adjustReason", { type: "server", message: given.adjustReason });
  }, [fieldErrorsKey, setError]);

  const typed = useWatch({ control, name: "quantity" });
  const parsed = parseSets(typed ?? "");
  const adjusted = parsed.ok && isAdjusted(parsed.value, prefectureSets);
  const overLimit = parsed.ok && parsed.value > limitSets;

  // A rejection keeps the dialog open with its message; the dialog makes way for a
  // conflict or a field error, which the form shows where they belong.
  const approve = async () => {
    if (confirming === null) return;
    await onApprove(confirming);
    setConfirming(null);
  };
  const hasFieldErrors = Object.values(fieldErrors ?? {}).some(Boolean);
  useEffect(() => {
    if (conflict || hasFieldErrors) setConfirming(null);
  }, [conflict, hasFieldErrors]);
  const summary = submitCount > 0 ? summaryOf(errors, ids) : [];
  const name = institutionName ? `「${institutionName}」の` : "この";

  if (readOnlyReason) {
    return (
      <section className="sos-review-form" aria-label="国の確認">
        <Alert tone="info">{readOnlyReason}</Alert>
        <h3 className="sos-review-form__section-title">都道府県の入力</h3>
        <PrefectureInputFacts input={prefectureInput} limitSets={limitSets} />
      </section>
    );
  }

  return (
    <>
      <form
        className="sos-review-form"
        noValidate
        aria-label="国の確認"
        onSubmit={handleSubmit((values) => setConfirming(values))}
      >
        {conflict && <ConflictAlert onReload={onReload} />}
        {serverError && <Alert tone="error">{serverError}</Alert>}
        <ErrorSummary errors={summary} focusKey={submitCount} />

        <section className="sos-review-form__group" aria-labelledby={`${formId}-pref`}>
          <h3 id={`${formId}-pref`} className="sos-review-form__section-title">
            都道府県の入力
          </h3>
          <PrefectureInputFacts input={prefectureInput} limitSets={limitSets} />
        </section>

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
            {...register("quantity")}
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
              {...register("adjustReason")}
            />
          )}
        </div>

        <div className="sos-review-form__actions">
          <Button type="submit" size="large">
            承認（受付完了）
          </Button>
          <Button variant="secondary" size="large" onClick={() => setReturning(true)}>
            都道府県に差し戻す…
          </Button>
          {onMarkNotEligible !== undefined && (
            <Button variant="tertiary" onClick={() => setClosing(true)}>
              対象外とする…
            </Button>
          )}
        </div>
      </form>

      <ConfirmDialog
        open={confirming !== null}
        title={`${name}要請を承認します`}
        description={
          <>
            <dl className="sos-review-facts">
              <dt>数量</dt>
              <dd>{confirming === null ? "" : formatSets(confirming.quantitySets)}</dd>
              {confirming !== null && confirming.adjustReason !== "" && (
                <>
                  <dt>{ADJUST_REASON_LABEL}</dt>
                  <dd>{confirming.adjustReason}</dd>
                </>
              )}
            </dl>
            <p>
              承認すると受付完了となり、変更できなくなります。この数量が購入上限数として販売業者に伝えられます。
            </p>
          </>
        }
        confirmLabel="承認する"
        pendingLabel="承認中"
        onConfirm={approve}
        onCancel={() => setConfirming(null)}
        error={approveError}
      />
      <ReasonDialog
        open={returning}
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
          setReturning(false);
        }}
        onCancel={() => setReturning(false)}
        error={returnError}
      />
      {onMarkNotEligible !== undefined && (
        <NotEligibleDialog
          open={closing}
          institutionName={institutionName}
          noticeFrom={notEligibleNoticeFrom}
          error={notEligibleError}
          onCancel={() => setClosing(false)}
          onConfirm={async (reason) => {
            await onMarkNotEligible(reason);
            setClosing(false);
          }}
        />
      )}
    </>
  );
}
