import { zodResolver } from "@hookform/resolvers/zod";
import {
  Alert,
  Button,
  Checkbox,
  ConfirmDialog,
  formatSets,
  NumberField,
  RadioGroup,
  radioId,
  SUBMIT_FAILED_MESSAGE,
  setsDraft,
  Textarea,
} from "@sos/ui";
import { useEffect, useId, useMemo, useRef, useState } from "react";
import { type Resolver, useWatch } from "react-hook-form";
import { NOTES_MAX_LENGTH, REASON_MAX_LENGTH } from "../common/messages";
import {
  DecisionFormAlerts,
  type DecisionFormProps,
  DecisionReadOnly,
  NotEligibleStep,
} from "./decision-form-parts";
import type { PrefectureInputShown } from "./prefecture-input-facts";
import {
  OVERRIDE_LABEL,
  OVERRIDE_REASON_LABEL,
  type PrefectureReviewDraft,
  type PrefectureReviewValues,
  prefectureReviewSchema,
} from "./prefecture-review-schema";
import { type DecisionForm, useDecisionForm } from "./use-decision-form";
import "../common/review-parts.css";

/** Server messages per field, keyed as the API names them. */
export type PrefectureReviewFieldErrors = Partial<
  Record<"supplyNeeded" | "quantitySets" | "overrideReason" | "notes", string>
>;

export interface PrefectureReviewFormProps extends DecisionFormProps {
  /** The saved input (review.get prefectureReview), or nothing yet. */
  defaultValues?: PrefectureInputShown | null | undefined;
  /**
   * 「一時保存」 (complete: false) or 「都道府県確認を完了」 (complete: true). Resolve once
   * saved; reject when not, with the reason in `conflict`, `fieldErrors` or `serverError`.
   */
  onSave: (values: PrefectureReviewValues) => Promise<void>;
  fieldErrors?: PrefectureReviewFieldErrors | null | undefined;
}

/** The API's field names → the form's. */
const SERVER_FIELDS = {
  supplyNeeded: "supply",
  quantitySets: "quantity",
  overrideReason: "overrideReason",
  notes: "notes",
} as const satisfies Record<keyof PrefectureReviewFieldErrors, keyof PrefectureReviewDraft>;

type Ids = Record<"supply" | "quantity" | "overrideReason" | "notes", string>;
type Action = "draft" | "complete";
type PrefectureForm = DecisionForm<PrefectureReviewDraft, PrefectureReviewValues>;

function toDraft(values: PrefectureInputShown | null | undefined, limitSets: number) {
  const supply: PrefectureReviewDraft["supply"] =
    values?.supplyNeeded === true ? "yes" : values?.supplyNeeded === false ? "no" : "";
  const reason = values?.overrideReason ?? "";
  return {
    supply,
    // The computed limit is the starting point; a saved 配送不要 has no quantity to show.
    quantity: supply === "no" ? setsDraft(limitSets) : setsDraft(values?.quantitySets ?? limitSets),
    overLimit: reason.trim() !== "",
    overrideReason: reason,
    notes: values?.notes ?? "",
  } satisfies PrefectureReviewDraft;
}

const SAVED_TEXT = {
  draft: "一時保存しました。まだ国には送られていません。",
  complete: "都道府県確認を完了しました。この要請は国確認中になりました。",
} as const;

/**
 * The prefecture's part of the review (②要請確認): 配送要否, the quantity in sets
 * (defaulting to the computed limit, never above it without the override and its
 * reason), notes; 一時保存 or 都道府県確認を完了; or 対象外とする with a reason.
 */
export function PrefectureReviewForm(props: PrefectureReviewFormProps) {
  if (props.readOnlyReason) {
    return (
      <DecisionReadOnly
        label="都道府県の確認入力"
        reason={props.readOnlyReason}
        input={props.defaultValues ?? null}
        limitSets={props.limitSets}
      />
    );
  }
  return <EditablePrefectureReview {...props} />;
}

/** The form, and the save in flight: which button, and how it ended. */
function usePrefectureReview(props: PrefectureReviewFormProps, ids: Ids) {
  const { limitSets, onSave } = props;
  const initialKey = JSON.stringify(toDraft(props.defaultValues, limitSets));
  const initial = useMemo(() => JSON.parse(initialKey) as PrefectureReviewDraft, [initialKey]);
  // Which button was pressed decides the rules (completing needs 配送要否).
  const completing = useRef(false);
  const resolver = useMemo<Resolver<PrefectureReviewDraft, unknown, PrefectureReviewValues>>(
    () => (values, context, options) =>
      zodResolver(prefectureReviewSchema(limitSets, completing.current))(values, context, options),
    [limitSets],
  );
  const form = useDecisionForm({
    resolver,
    initial,
    version: props.version,
    fieldIds: { ...ids, supply: radioId(ids.supply, "yes") },
    serverErrors: props.fieldErrors,
    serverFields: SERVER_FIELDS,
  });
  const [failed, setFailed] = useState(false);
  const [saved, setSaved] = useState<Action | null>(null);
  const [pendingAction, setPendingAction] = useState<Action | null>(null);
  // Completing cannot be undone without the ministry: the checked values wait for a confirm.
  const [confirming, setConfirming] = useState<PrefectureReviewValues | null>(null);
  // biome-ignore lint/correctness/useExhaustiveDependencies: a reload clears the last failure
  useEffect(() => setFailed(false), [initial, props.version]);

  const save = async (values: PrefectureReviewValues, action: Action) => {
    setFailed(false);
    setSaved(null);
    setPendingAction(action);
    try {
      await onSave(values);
      setSaved(action);
    } catch {
      setFailed(true);
    } finally {
      setPendingAction(null);
    }
  };
  const submitWith = (complete: boolean) => {
    completing.current = complete;
    return form.handleSubmit(async (values) => {
      if (complete) setConfirming(values);
      else await save(values, "draft");
    })();
  };
  const confirmComplete = async () => {
    if (confirming === null) return;
    // The form, not the dialog, shows why a save failed (conflict, field messages).
    await save(confirming, "complete");
    setConfirming(null);
  };
  const failure =
    props.serverError ||
    (failed && !props.conflict && !form.hasServerFieldErrors ? SUBMIT_FAILED_MESSAGE : null);
  return {
    form,
    submitWith,
    failure,
    saved,
    pendingAction,
    confirming,
    confirmComplete,
    cancelComplete: () => setConfirming(null),
  };
}

function EditablePrefectureReview(props: PrefectureReviewFormProps) {
  const { onMarkNotEligible } = props;
  const formId = useId();
  const ids = {
    supply: `${formId}-supply`,
    quantity: `${formId}-quantity`,
    overrideReason: `${formId}-override-reason`,
    notes: `${formId}-notes`,
  } satisfies Ids;
  const review = usePrefectureReview(props, ids);
  const { form, submitWith, failure, saved, pendingAction } = review;
  const { errors, isSubmitting, submitCount } = form.formState;
  const [notEligibleOpen, setNotEligibleOpen] = useState(false);

  return (
    <>
      <form
        className="sos-review-form"
        noValidate
        aria-label="都道府県の確認入力"
        onSubmit={(event) => {
          event.preventDefault();
          // Enter in a field is a 一時保存: completing is always an explicit press.
          void submitWith(false);
        }}
      >
        <DecisionFormAlerts
          conflict={props.conflict ?? false}
          onReload={props.onReload}
          error={failure}
          summary={form.summary}
          focusKey={submitCount}
        >
          {saved !== null && <Alert tone="success">{SAVED_TEXT[saved]}</Alert>}
        </DecisionFormAlerts>
        <SupplyAndQuantity form={form} ids={ids} formId={formId} limitSets={props.limitSets} />
        <Textarea
          id={ids.notes}
          label="備考"
          hint="国への申し送り、医療機関への電話確認の内容など。"
          rows={4}
          maxLength={NOTES_MAX_LENGTH}
          error={errors.notes?.message}
          {...form.register("notes")}
        />
        <PrefectureActions
          submitting={isSubmitting}
          pendingAction={pendingAction}
          onComplete={() => submitWith(true)}
        />
        {onMarkNotEligible !== undefined && (
          <NotEligibleSection formId={formId} onOpen={() => setNotEligibleOpen(true)} />
        )}
      </form>
      <ConfirmDialog
        open={review.confirming !== null}
        title={`${props.institutionName ? `「${props.institutionName}」の` : ""}都道府県確認を完了します`}
        description={<CompletionFacts values={review.confirming} />}
        confirmLabel="完了する"
        pendingLabel="保存中"
        onConfirm={review.confirmComplete}
        onCancel={review.cancelComplete}
      />
      {onMarkNotEligible !== undefined && (
        <NotEligibleStep
          open={notEligibleOpen}
          onClose={() => setNotEligibleOpen(false)}
          onMarkNotEligible={onMarkNotEligible}
          institutionName={props.institutionName}
          noticeFrom={props.notEligibleNoticeFrom}
          error={props.notEligibleError}
        />
      )}
    </>
  );
}

/** What is sent to the ministry, and that it cannot be taken back here. */
function CompletionFacts({ values }: { values: PrefectureReviewValues | null }) {
  if (values === null) return null;
  return (
    <>
      <dl className="sos-review-facts">
        <dt>配送要否</dt>
        <dd>{values.supplyNeeded ? "必要（配送する）" : "不要"}</dd>
        <dt>数量</dt>
        <dd>{values.quantitySets === null ? "未入力" : formatSets(values.quantitySets)}</dd>
        {values.overrideReason !== "" && (
          <>
            <dt>{OVERRIDE_REASON_LABEL}</dt>
            <dd>{values.overrideReason}</dd>
          </>
        )}
      </dl>
      <p>完了すると国確認中となり、以降の変更には国からの差戻しが必要です。</p>
    </>
  );
}

/** 配送要否, then the quantity: the computed limit unless overridden with a reason. */
function SupplyAndQuantity({
  form,
  ids,
  formId,
  limitSets,
}: {
  form: PrefectureForm;
  ids: Ids;
  formId: string;
  limitSets: number;
}) {
  const { register, control } = form;
  const { errors } = form.formState;
  const supply = useWatch({ control, name: "supply" });
  const overLimit = useWatch({ control, name: "overLimit" });
  const noSupply = supply === "no";
  return (
    <>
      <RadioGroup
        id={ids.supply}
        legend="配送要否"
        required
        choices={[
          { value: "yes", label: "必要（配送する）" },
          { value: "no", label: "不要", hint: "数量は0セットになります" },
        ]}
        error={errors.supply?.message}
        {...register("supply")}
      />

      <div className="sos-review-form__section sos-prefecture-review__quantity">
        <NumberField
          id={ids.quantity}
          label="数量（セット）"
          unit="セット"
          hint={
            noSupply
              ? "配送不要のため、数量は0セットになります。"
              : `購入上限数（算定値）は${formatSets(limitSets)}です。1セット＝1,000枚。`
          }
          disabled={noSupply}
          error={noSupply ? undefined : errors.quantity?.message}
          {...register("quantity")}
        />
        <Checkbox
          id={`${formId}-over-limit`}
          label={OVERRIDE_LABEL}
          hint="購入上限数を超える数量とする場合にチェックします。"
          disabled={noSupply}
          {...register("overLimit")}
        />
        {overLimit && !noSupply && (
          <Textarea
            id={ids.overrideReason}
            label={OVERRIDE_REASON_LABEL}
            hint="国が承認の際に確認します。"
            required
            rows={3}
            maxLength={REASON_MAX_LENGTH}
            error={errors.overrideReason?.message}
            {...register("overrideReason")}
          />
        )}
      </div>
    </>
  );
}

/** 都道府県確認を完了 and 一時保存: the pressed one spins, the other waits. */
function PrefectureActions({
  submitting,
  pendingAction,
  onComplete,
}: {
  submitting: boolean;
  pendingAction: Action | null;
  onComplete: () => void;
}) {
  return (
    <>
      <div className="sos-review-form__actions">
        <Button
          type="button"
          size="large"
          loading={submitting && pendingAction === "complete"}
          loadingLabel="保存中"
          disabled={submitting && pendingAction !== "complete"}
          onClick={onComplete}
        >
          都道府県確認を完了
        </Button>
        <Button
          type="submit"
          variant="secondary"
          size="large"
          loading={submitting && pendingAction === "draft"}
          loadingLabel="保存中"
          disabled={submitting && pendingAction !== "draft"}
        >
          一時保存
        </Button>
      </div>
      <p className="sos-review-form__note">
        「都道府県確認を完了」を押すと、国確認中となり、以降の変更は国からの差戻しが必要です。
      </p>
    </>
  );
}

function NotEligibleSection({ formId, onOpen }: { formId: string; onOpen: () => void }) {
  return (
    <section className="sos-review-form__section" aria-labelledby={`${formId}-ne-title`}>
      <h3 id={`${formId}-ne-title`} className="sos-review-form__section-title">
        対象外とする
      </h3>
      <p>
        配布条件に適さない場合は、理由を入力して対象外とします。医療機関には要請した週の金曜以降にメールで連絡します。
      </p>
      <div className="sos-review-form__actions">
        <Button variant="secondary" onClick={onOpen}>
          対象外とする…
        </Button>
      </div>
    </section>
  );
}
