import { zodResolver } from "@hookform/resolvers/zod";
import {
  CONDITIONS_CONFIRMATION_LABEL,
  SOS_NOTES_MAX_LENGTH,
  SosRequestFormInput,
  type SosRequestForm as SosRequestFormValues,
} from "@sos/domain";
import { formatPhone } from "@sos/rules";
import {
  Alert,
  Button,
  Checkbox,
  ErrorSummary,
  type FieldErrorItem,
  SUBMIT_FAILED_MESSAGE,
  Textarea,
  TextField,
} from "@sos/ui";
import { type ReactNode, useId, useMemo, useState } from "react";
import { type FieldErrors, type UseFormRegister, useForm } from "react-hook-form";
import { DraftRestoredNotice } from "../common/draft-restored-notice";
import { enterMovesOn } from "../common/enter-moves-on";
import { useFormDraft } from "../common/form-draft";
import { useSavedBaseline, useServerFieldErrors } from "../common/form-state";
import { ConsentTerms, DistributionConditions } from "./consent-terms";
import { type SosRequestInitialValues, SosRequestView } from "./sos-request-view";
import "./sos-request-form.css";

const FIELDS = ["contactName", "contactPhone", "notes", "conditionsConfirmed"] as const;
type SosRequestField = (typeof FIELDS)[number];

export type SosRequestFieldErrors = Partial<Record<SosRequestField, string>>;

export interface SosRequestFormProps {
  /** A saved request's values (編集); empty for a new request. */
  defaultValues?: SosRequestInitialValues | null | undefined;
  /**
   * Called with the parsed values (phone in digits, or null). Resolve once saved.
   * Reject when it was not saved; put the server's reasons in fieldErrors or
   * serverError, otherwise a generic retry message is shown.
   */
  onSubmit: (values: SosRequestFormValues) => Promise<void>;
  /** Shows a 「キャンセル」 button beside 「保存」 (leaving the edit). */
  onCancel?: (() => void) | undefined;
  /** Shows the request without inputs (e.g. 受付完了) and says why. */
  readOnlyReason?: string | null | undefined;
  fieldErrors?: SosRequestFieldErrors | null | undefined;
  serverError?: string | null | undefined;
  /** Under the conditions, e.g. a link to the self-check sheet. */
  conditionsAside?: ReactNode;
  /** Above the fields, e.g. the institution's name and code. */
  children?: ReactNode;
  /**
   * Where what is typed is kept until saved (useDraftKey), and restored from when the
   * form opens again; absent: no draft.
   */
  draftKey?: string | null | undefined;
}

const SAVED_MESSAGE =
  "保存しました（申請前）。まだ要請は完了していません。「システムチェック&申請」を行ってください。";

const NOT_YET_A_REQUEST =
  "※「保存」しただけでは、まだ要請したことにはなりません。保存後に「システムチェック&申請」を行ってください。";

const PHONE_HINT =
  "都道府県・国から状況確認の電話をすることがあります。空欄の場合は、医療機関の電話番号に連絡します。例：03-5253-1111";

function toFormValues(values: SosRequestInitialValues | null | undefined) {
  return {
    contactName: values?.contactName ?? "",
    contactPhone: values?.contactPhone ? formatPhone(values.contactPhone) : "",
    notes: values?.notes ?? "",
    conditionsConfirmed: values?.conditionsConfirmed ?? false,
  };
}

/**
 * The SOS request form (緊急配布要請): contact, notes, the conditions and the four
 * consent terms in full, and the 「上記の緊急配布条件を満たしていることを確認した」
 * box without which 「保存」 fails with the manual's message.
 */
export function SosRequestForm(props: SosRequestFormProps) {
  if (props.readOnlyReason) {
    return (
      <SosRequestView values={props.defaultValues ?? null} readOnlyReason={props.readOnlyReason}>
        {props.children}
      </SosRequestView>
    );
  }
  return <EditableRequest {...props} />;
}

function summaryOf(errors: FieldErrors<SosRequestFormInput>, ids: Record<SosRequestField, string>) {
  const items: FieldErrorItem[] = [];
  for (const field of FIELDS) {
    const message = errors[field]?.message;
    if (message) items.push({ fieldId: ids[field], message });
  }
  return items;
}

function EditableRequest({
  defaultValues,
  onSubmit,
  onCancel,
  fieldErrors,
  serverError,
  conditionsAside,
  children,
  draftKey = null,
}: SosRequestFormProps) {
  const formId = useId();
  const ids = {
    contactName: `${formId}-contact-name`,
    contactPhone: `${formId}-contact-phone`,
    notes: `${formId}-notes`,
    conditionsConfirmed: `${formId}-conditions`,
  } satisfies Record<SosRequestField, string>;

  const initialKey = JSON.stringify(toFormValues(defaultValues));
  const initial = useMemo(
    () => JSON.parse(initialKey) as ReturnType<typeof toFormValues>,
    [initialKey],
  );
  const {
    register,
    handleSubmit,
    reset,
    setError,
    setValue,
    watch,
    formState: { errors, isSubmitting, submitCount },
  } = useForm({
    resolver: zodResolver(SosRequestFormInput),
    values: initial,
    resetOptions: { keepDirtyValues: true },
    shouldFocusError: false,
  });
  const [failed, setFailed] = useState(false);
  const [saved, setSaved] = useSavedBaseline(reset);
  useServerFieldErrors(FIELDS, fieldErrors, setError);
  const draft = useFormDraft({ key: draftKey, baseline: initial, watch, setValue });

  const submit = handleSubmit(async (values) => {
    setFailed(false);
    setSaved(null);
    try {
      await onSubmit(values);
      draft.clear();
      setSaved(toFormValues(values));
    } catch {
      setFailed(true);
    }
  });

  const hasFieldErrors = Object.values(fieldErrors ?? {}).some(Boolean);
  const failure = serverError || (failed && !hasFieldErrors ? SUBMIT_FAILED_MESSAGE : null);
  const summary = submitCount > 0 ? summaryOf(errors, ids) : [];

  return (
    <form
      className="sos-request-form"
      noValidate
      onSubmit={submit}
      onKeyDown={enterMovesOn}
      aria-label="緊急配布要請"
    >
      {children}
      {failure && <Alert tone="error">{failure}</Alert>}
      {saved !== null && <Alert tone="success">{SAVED_MESSAGE}</Alert>}
      <DraftRestoredNotice draft={draft} />
      <ErrorSummary errors={summary} focusKey={submitCount} />

      <ContactFields ids={ids} errors={errors} register={register} />

      <DistributionConditions>{conditionsAside}</DistributionConditions>
      <ConsentTerms />

      <Checkbox
        id={ids.conditionsConfirmed}
        label={CONDITIONS_CONFIRMATION_LABEL}
        required
        error={errors.conditionsConfirmed?.message}
        {...register("conditionsConfirmed")}
      />

      <div className="sos-request-form__actions">
        <p className="sos-request-form__note">{NOT_YET_A_REQUEST}</p>
        <Button type="submit" size="large" fullWidth loading={isSubmitting} loadingLabel="保存中">
          保存
        </Button>
        {onCancel !== undefined && (
          <Button variant="secondary" size="large" fullWidth onClick={onCancel}>
            キャンセル
          </Button>
        )}
      </div>
    </form>
  );
}

function ContactFields({
  ids,
  errors,
  register,
}: {
  ids: Record<SosRequestField, string>;
  errors: FieldErrors<SosRequestFormInput>;
  register: UseFormRegister<SosRequestFormInput>;
}) {
  return (
    <>
      <TextField
        id={ids.contactName}
        label="担当者氏名"
        required
        autoComplete="name"
        enterKeyHint="next"
        width="medium"
        error={errors.contactName?.message}
        {...register("contactName")}
      />
      <TextField
        id={ids.contactPhone}
        label="電話番号"
        hint={PHONE_HINT}
        type="tel"
        inputMode="tel"
        autoComplete="tel"
        enterKeyHint="next"
        width="medium"
        error={errors.contactPhone?.message}
        {...register("contactPhone")}
      />
      <Textarea
        id={ids.notes}
        label="備考"
        hint="都道府県・国に伝えたいことがあれば入力してください。"
        maxLength={SOS_NOTES_MAX_LENGTH}
        error={errors.notes?.message}
        {...register("notes")}
      />
    </>
  );
}
