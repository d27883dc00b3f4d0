import { zodResolver } from "@hookform/resolvers/zod";
import {
  Alert,
  Button,
  Checkbox,
  ErrorSummary,
  type FieldErrorItem,
  formatSets,
  NumberField,
  RadioGroup,
  radioId,
  SUBMIT_FAILED_MESSAGE,
  setsDraft,
  Textarea,
} from "@sos/ui";
import { useEffect, useId, useMemo, useRef, useState } from "react";
import { type FieldErrors, type Resolver, useForm, useWatch } from "react-hook-form";
import { NOTES_MAX_LENGTH, REASON_MAX_LENGTH } from "../common/messages";
import { ConflictAlert } from "./conflict-alert";
import { NotEligibleDialog } from "./not-eligible-dialog";
import { PrefectureInputFacts } from "./prefecture-input-facts";
import {
  OVERRIDE_LABEL,
  OVERRIDE_REASON_LABEL,
  type PrefectureReviewDraft,
  type PrefectureReviewValues,
  prefectureReviewSchema,
} from "./prefecture-review-schema";
import "../common/review-parts.css";

/** The saved input (review.get prefectureReview), or nothing yet. */
export interface PrefectureReviewInitialValues {
  supplyNeeded: boolean | null;
  quantitySets: number | null;
  overrideReason?: string | null | undefined;
  notes?: string | null | undefined;
}

/** Server messages per field, keyed as the API names them. */
export type PrefectureReviewFieldErrors = Partial<
  Record<"supplyNeeded" | "quantitySets" | "overrideReason" | "notes", string>
>;

export interface PrefectureReviewFormProps {
  /** 購入上限数 the rules computed (sets): the default quantity, and the ceiling without an override. */
  limitSets: number;
  defaultValues?: PrefectureReviewInitialValues | null | undefined;
  /**
   * The request's version. When it changes (the request was reloaded), the form
   * shows the new saved values, dropping what was typed.
   */
  version?: number | undefined;
  /**
   * 「一時保存」 (complete: false) or 「都道府県確認を完了」 (complete: true). Resolve once
   * saved; reject when not, with the reason in `conflict`, `fieldErrors` or `serverError`.
   */
  onSave: (values: PrefectureReviewValues) => Promise<void>;
  /** 「対象外とする」 with its reason (review.markNotEligible). Without it the action is not offered. */
  onMarkNotEligible?: ((reason: string) => Promise<void>) | undefined;
  /** 00:00 on the Friday of the request week, from when the institution is emailed. */
  notEligibleNoticeFrom?: Date | string | null | undefined;
  institutionName?: string | undefined;
  /** Another officer saved first (version check): say so and offer a reload. */
  conflict?: boolean | undefined;
  onReload?: (() => void) | undefined;
  fieldErrors?: PrefectureReviewFieldErrors | null | undefined;
  serverError?: string | null | undefined;
  /** A refusal of 「対象外とする」, shown in its dialog. */
  notEligibleError?: string | null | undefined;
  /** Shows the input without controls and says why (e.g. 国確認中, 受付完了). */
  readOnlyReason?: string | null | undefined;
}

const FIELDS = ["supply", "quantity", "overrideReason", "notes"] as const;
type Field = (typeof FIELDS)[number];

const SERVER_FIELDS: Readonly<Record<keyof PrefectureReviewFieldErrors, Field>> = {
  supplyNeeded: "supply",
  quantitySets: "quantity",
  overrideReason: "overrideReason",
  notes: "notes",
};

function toDraft(values: PrefectureReviewInitialValues | null | undefined, limitSets: number) {
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
  if (props.readOnlyReason) return <PrefectureReviewSummary {...props} />;
  return <EditablePrefectureReview {...props} />;
}

function PrefectureReviewSummary({
  limitSets,
  defaultValues,
  readOnlyReason,
}: PrefectureReviewFormProps) {
  return (
    <section className="sos-review-form" aria-label="都道府県の確認入力">
      <Alert tone="info">{readOnlyReason}</Alert>
      <PrefectureInputFacts input={defaultValues ?? null} limitSets={limitSets} />
    </section>
  );
}

function summaryOf(errors: FieldErrors<PrefectureReviewDraft>, ids: Record<Field, string>) {
  const items: FieldErrorItem[] = [];
  for (const field of FIELDS) {
    const message = errors[field]?.message;
    if (message) items.push({ fieldId: ids[field], message });
  }
  return items;
}

function EditablePrefectureReview({
  limitSets,
  defaultValues,
  version,
  onSave,
  onMarkNotEligible,
  notEligibleNoticeFrom,
  institutionName,
  conflict = false,
  onReload,
  fieldErrors,
  serverError,
  notEligibleError,
}: PrefectureReviewFormProps) {
  const formId = useId();
  const ids = {
    supply: `${formId}-supply`,
    quantity: `${formId}-quantity`,
    overrideReason: `${formId}-override-reason`,
    notes: `${formId}-notes`,
  } satisfies Record<Field, string>;
  const summaryIds = { ...ids, supply: radioId(ids.supply, "yes") };

  const initialKey = JSON.stringify(toDraft(defaultValues, limitSets));
  const initial = useMemo(() => JSON.parse(initialKey) as PrefectureReviewDraft, [initialKey]);

  // Which button was pressed decides the rules (completing needs 配送要否).
  const completing = useRef(false);
  const resolver = useMemo<Resolver<PrefectureReviewDraft, unknown, PrefectureReviewValues>>(
    () => (values, context, options) =>
      zodResolver(prefectureReviewSchema(limitSets, completing.current))(values, context, options),
    [limitSets],
  );
  const {
    register,
    handleSubmit,
    reset,
    setError,
    control,
    formState: { errors, isSubmitting, submitCount },
  } = useForm<PrefectureReviewDraft, unknown, PrefectureReviewValues>({
    resolver,
    defaultValues: initial,
    shouldFocusError: false,
  });
  const [failed, setFailed] = useState(false);
  const [saved, setSaved] = useState<"draft" | "complete" | null>(null);
  const [pendingAction, setPendingAction] = useState<"draft" | "complete" | null>(null);
  const [notEligibleOpen, setNotEligibleOpen] = useState(false);

  // A reload (new version or new saved values) replaces the form with what is stored.
  // biome-ignore lint/correctness/useExhaustiveDependencies: version is the trigger, with the values
  useEffect(() => {
    reset(initial);
    setFailed(false);
  }, [initial, version, reset]);

  const fieldErrorsKey = JSON.stringify(fieldErrors ?? {});
  useEffect(() => {
    const given = JSON.parse(fieldErrorsKey) as PrefectureReviewFieldErrors;
    for (const [key, field] of Object.entries(SERVER_FIELDS)) {
      const message = given[key as keyof PrefectureReviewFieldErrors];
      if (message) setError(field, { type: "server", message });
    }
  }, [fieldErrorsKey, setError]);

  const supply = useWatch({ control, name: "supply" });
  const overLimit = useWatch({ control, name: "overLimit" });
  const noSupply = supply === "no";

  const submitWith = (complete: boolean) => {
    completing.current = complete;
    return handleSubmit(async (values) => {
      setFailed(false);
      setSaved(null);
      setPendingAction(complete ? "complete" : "draft");
      try {
        await onSave(values);
        setSaved(complete ? "complete" : "draft");
      } catch {
        setFailed(true);
      } finally {
        setPendingAction(null);
      }
    })();
  };

  const hasFieldErrors = Object.values(fieldErrors ?? {}).some(Boolean);
  const failure =
    serverError || (failed && !conflict && !hasFieldErrors ? SUBMIT_FAILED_MESSAGE : null);
  const summary = submitCount > 0 ? summaryOf(errors, summaryIds) : [];

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
        {conflict && <ConflictAlert onReload={onReload} />}
        {failure && <Alert tone="error">{failure}</Alert>}
        {saved !== null && <Alert tone="success">{SAVED_TEXT[saved]}</Alert>}
        <ErrorSummary errors={summary} focusKey={submitCount} />

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

        <Textarea
          id={ids.notes}
          label="備考"
          hint="国への申し送り、医療機関への電話確認の内容など。"
          rows={4}
          maxLength={NOTES_MAX_LENGTH}
          error={errors.notes?.message}
          {...register("notes")}
        />

        <div className="sos-review-form__actions">
          <Button
            type="button"
            size="large"
            loading={isSubmitting && pendingAction === "complete"}
            loadingLabel="保存中"
            disabled={isSubmitting && pendingAction !== "complete"}
            onClick={() => submitWith(true)}
          >
            都道府県確認を完了
          </Button>
          <Button
            type="submit"
            variant="secondary"
            size="large"
            loading={isSubmitting && pendingAction === "draft"}
            loadingLabel="保存中"
            disabled={isSubmitting && pendingAction !== "draft"}
          >
            一時保存
          </Button>
        </div>
        <p className="sos-review-form__note">
          「都道府県確認を完了」を押すと、国確認中となり、以降の変更は国からの差戻しが必要です。
        </p>

        {onMarkNotEligible !== undefined && (
          <section className="sos-review-form__section" aria-labelledby={`${formId}-ne-title`}>
            <h3 id={`${formId}-ne-title`} className="sos-review-form__section-title">
              対象外とする
            </h3>
            <p>
              配布条件に適さない場合は、理由を入力して対象外とします。医療機関には要請した週の金曜以降にメールで連絡します。
            </p>
            <div className="sos-review-form__actions">
              <Button variant="secondary" onClick={() => setNotEligibleOpen(true)}>
                対象外とする…
              </Button>
            </div>
          </section>
        )}
      </form>
      {onMarkNotEligible !== undefined && (
        <NotEligibleDialog
          open={notEligibleOpen}
          institutionName={institutionName}
          noticeFrom={notEligibleNoticeFrom}
          error={notEligibleError}
          onCancel={() => setNotEligibleOpen(false)}
          onConfirm={async (reason) => {
            await onMarkNotEligible(reason);
            setNotEligibleOpen(false);
          }}
        />
      )}
    </>
  );
}
