import { zodResolver } from "@hookform/resolvers/zod";
import { type SurveyAnswer, SurveyAnswerInput } from "@sos/domain";
import { assessEligibility } from "@sos/rules";
import {
  Alert,
  announcementText,
  Button,
  ErrorSummary,
  FIGURE_KEYS,
  FIGURE_LABELS,
  FIGURE_MARKS,
  type FieldErrorItem,
  type FigureKey,
  LiveAnnouncement,
  NumberField,
  SelfCheckResult,
  SUBMIT_FAILED_MESSAGE,
} from "@sos/ui";
import { type ReactNode, useId, useMemo, useState } from "react";
import {
  type Control,
  type FieldErrors,
  type UseFormRegister,
  useForm,
  useWatch,
} from "react-hook-form";
import type { SurveyDetail } from "../api-types";
import { DraftRestoredNotice } from "../common/draft-restored-notice";
import { enterMovesOn } from "../common/enter-moves-on";
import { useFormDraft } from "../common/form-draft";
import { useSavedBaseline, useServerFieldErrors } from "../common/form-state";
import { type FigureValues, readFigures, toDraft, toDrafts } from "./figure-drafts";
import {
  type Feedback,
  SameAsLastWeekButton,
  SameAsLastWeekDialog,
  useCopyPrevious,
} from "./same-as-last-week";
import { SurveyAnswerView } from "./survey-answer-view";
import "./survey-form.css";

/** The latest earlier answer, as 「前週と同じ」 copies it (the survey's previous). */
export type PreviousSurveyAnswer = Pick<
  NonNullable<SurveyDetail["previous"]>,
  "title" | "stock" | "consumption" | "purchases"
>;

export type SurveyFieldErrors = Partial<Record<FigureKey, string>>;

export interface SurveyFormProps {
  /** The saved answer (numbers from the API); empty boxes when unanswered. */
  defaultValues?: FigureValues | null | undefined;
  /**
   * Called with the parsed figures (numbers, in pieces). Resolve once saved. Reject
   * when it was not saved; put the server's reasons in fieldErrors or serverError,
   * otherwise a generic retry message is shown.
   */
  onSubmit: (values: SurveyAnswer) => Promise<void>;
  /** The answer to copy; null (or absent) disables the copy action, with an explanation. */
  previous?: PreviousSurveyAnswer | null | undefined;
  /**
   * Copies on the server in one action (the API's survey.copyPrevious, which saves
   * the copy). Resolve once saved; the boxes then show the copied figures. Without it,
   * copying only fills the boxes and the user saves with 「保存」.
   */
  onCopyPrevious?: (() => Promise<void>) | undefined;
  /** Shows the answer without inputs and says why it cannot be edited. */
  readOnlyReason?: string | null | undefined;
  /** Messages from the server per figure, shown at the field. */
  fieldErrors?: SurveyFieldErrors | null | undefined;
  /** A refusal from the server not tied to one figure. */
  serverError?: string | null | undefined;
  /** Above the boxes, e.g. the week and the status. */
  children?: ReactNode;
  /**
   * Where what is typed is kept until saved (useDraftKey), and restored from when the
   * form opens again; absent: no draft.
   */
  draftKey?: string | null | undefined;
}

const COPY_FAILED_MESSAGE =
  "前週の回答をコピーできませんでした。通信環境を確認して、もう一度お試しください。";

/**
 * The weekly survey's three glove figures (週次調査). Accepts what a Japanese IME
 * types (「２，０００」 is 2000); refuses negative, fractional and absurd figures with
 * the domain's message at the field, and previews the self-check as the user types.
 */
export function SurveyForm({
  defaultValues,
  onSubmit,
  previous = null,
  onCopyPrevious,
  readOnlyReason = null,
  fieldErrors,
  serverError,
  children,
  draftKey = null,
}: SurveyFormProps) {
  if (readOnlyReason) {
    return (
      <SurveyAnswerView values={defaultValues ?? null} readOnlyReason={readOnlyReason}>
        {children}
      </SurveyAnswerView>
    );
  }
  return (
    <EditableSurvey
      defaultValues={defaultValues ?? null}
      onSubmit={onSubmit}
      previous={previous}
      onCopyPrevious={onCopyPrevious}
      fieldErrors={fieldErrors ?? null}
      serverError={serverError ?? null}
      draftKey={draftKey}
    >
      {children}
    </EditableSurvey>
  );
}

function summaryOf(errors: FieldErrors<SurveyAnswerInput>, ids: Record<FigureKey, string>) {
  const items: FieldErrorItem[] = [];
  for (const key of FIGURE_KEYS) {
    const message = errors[key]?.message;
    if (!message) continue;
    // The quantity messages do not all name their figure; the summary must say which.
    const label = FIGURE_LABELS[key];
    items.push({
      fieldId: ids[key],
      message: message.startsWith(label) ? message : `${label}：${message}`,
    });
  }
  return items;
}

function EditableSurvey({
  defaultValues,
  onSubmit,
  previous,
  onCopyPrevious,
  fieldErrors,
  serverError,
  children,
  draftKey,
}: {
  defaultValues: FigureValues | null;
  onSubmit: SurveyFormProps["onSubmit"];
  previous: PreviousSurveyAnswer | null;
  onCopyPrevious: SurveyFormProps["onCopyPrevious"];
  fieldErrors: SurveyFieldErrors | null;
  serverError: string | null;
  children: ReactNode;
  draftKey: string | null;
}) {
  const formId = useId();
  const ids = {
    stock: `${formId}-stock`,
    consumption: `${formId}-consumption`,
    purchases: `${formId}-purchases`,
  } satisfies Record<FigureKey, string>;
  const copyHintId = `${formId}-copy-hint`;

  const { form, initial } = useSurveyAnswerForm(defaultValues);
  const {
    register,
    handleSubmit,
    control,
    reset,
    setValue,
    setError,
    watch,
    formState: { errors, isSubmitting, submitCount, isDirty },
  } = form;
  const draft = useFormDraft({ key: draftKey, baseline: initial, watch, setValue });
  const [confirming, setConfirming] = useState(false);

  // Which action failed without the server saying why (the request itself failed).
  const [failed, setFailed] = useState<"submit" | "copy" | null>(null);
  const [notice, setNotice] = useState<Feedback>(null);
  const [, setSaved] = useSavedBaseline(reset);
  useServerFieldErrors(FIGURE_KEYS, fieldErrors, setError);
  const { figures, assessment } = useSelfCheckPreview(control);

  const submit = handleSubmit(async (values) => {
    setFailed(null);
    setNotice(null);
    try {
      await onSubmit(values);
      draft.clear();
      setSaved(toDrafts(values));
      setNotice({ tone: "success", text: "週次調査の回答を保存しました。" });
    } catch {
      setFailed("submit");
    }
  });

  const { copy, copying } = useCopyPrevious({
    previous,
    onCopyPrevious,
    fill: (values) => {
      for (const key of FIGURE_KEYS) {
        setValue(key, toDraft(values[key]), { shouldDirty: true, shouldValidate: true });
      }
    },
    onStart: () => {
      setFailed(null);
      setNotice(null);
    },
    onSaved: (saved) => {
      draft.clear();
      setSaved(saved);
    },
    setNotice,
    onFailed: () => setFailed("copy"),
  });

  const failure = failureMessage(serverError, failed, fieldErrors);
  const summary = submitCount > 0 ? summaryOf(errors, ids) : [];

  return (
    <>
      <form
        className="sos-survey-form"
        noValidate
        onSubmit={submit}
        onKeyDown={enterMovesOn}
        aria-label="週次調査の回答"
      >
        {children}
        {failure && <Alert tone="error">{failure}</Alert>}
        {notice && <Alert tone={notice.tone}>{notice.text}</Alert>}
        <DraftRestoredNotice draft={draft} />
        <ErrorSummary errors={summary} focusKey={submitCount} />

        <SameAsLastWeekButton
          previous={previous}
          savesOnServer={onCopyPrevious !== undefined}
          copying={copying}
          hintId={copyHintId}
          onOpen={() => setConfirming(true)}
        />
        <FigureFields ids={ids} errors={errors} register={register} />

        <SelfCheckResult
          figures={figures}
          assessment={assessment}
          variant="compact"
          title="この回答での自己チェック"
          headingLevel={2}
        />
        <LiveAnnouncement message={announcementText(assessment)} />

        <Button type="submit" size="large" fullWidth loading={isSubmitting} loadingLabel="保存中">
          保存
        </Button>
      </form>
      <SameAsLastWeekDialog
        open={confirming}
        previous={previous}
        savesOnServer={onCopyPrevious !== undefined}
        replacesTyped={isDirty}
        onConfirm={async () => {
          await copy();
          setConfirming(false);
        }}
        onCancel={() => setConfirming(false)}
      />
    </>
  );
}

/** The self-check on the figures as typed so far. */
function useSelfCheckPreview(control: Control<SurveyAnswerInput>) {
  const watched = useWatch({ control });
  const { figures } = readFigures({
    stock: toDraft(watched.stock),
    consumption: toDraft(watched.consumption),
    purchases: toDraft(watched.purchases),
  });
  return { figures, assessment: figures === null ? null : assessEligibility(figures) };
}

/** The server's refusal, else a retry message when a request failed without field errors. */
function failureMessage(
  serverError: string | null,
  failed: "submit" | "copy" | null,
  fieldErrors: SurveyFieldErrors | null,
): string | null {
  if (serverError !== null) return serverError;
  const hasFieldErrors = Object.values(fieldErrors ?? {}).some(Boolean);
  if (failed === null || hasFieldErrors) return null;
  return failed === "copy" ? COPY_FAILED_MESSAGE : SUBMIT_FAILED_MESSAGE;
}

function FigureFields({
  ids,
  errors,
  register,
}: {
  ids: Record<FigureKey, string>;
  errors: FieldErrors<SurveyAnswerInput>;
  register: UseFormRegister<SurveyAnswerInput>;
}) {
  return (
    <fieldset className="sos-survey-form__fields">
      <legend className="sos-survey-form__legend">医療用手袋（枚）</legend>
      <p className="sos-survey-form__hint">
        枚数で入力してください。全角の数字やカンマ（例：２，０００）でも入力できます。
      </p>
      {FIGURE_KEYS.map((key, index) => (
        <NumberField
          key={key}
          id={ids[key]}
          label={`${FIGURE_MARKS[key]} ${FIGURE_LABELS[key]}`}
          required
          enterKeyHint={index === FIGURE_KEYS.length - 1 ? "done" : "next"}
          error={errors[key]?.message}
          {...register(key)}
        />
      ))}
    </fieldset>
  );
}

function useSurveyAnswerForm(defaultValues: FigureValues | null) {
  const initialKey = JSON.stringify(toDrafts(defaultValues));
  const initial = useMemo(() => JSON.parse(initialKey) as SurveyAnswerInput, [initialKey]);
  const form = useForm({
    resolver: zodResolver(SurveyAnswerInput),
    // A newer saved answer (refetched) replaces the boxes, except what the user is editing.
    values: initial,
    resetOptions: { keepDirtyValues: true },
    mode: "onTouched",
    // Focus goes to the error summary instead, which names every problem.
    shouldFocusError: false,
  });
  return { form, initial };
}
