import { Alert, Button, ErrorSummary, type FieldErrorItem, RadioGroup } from "@sos/ui";
import type { FormEventHandler, ReactNode, Ref } from "react";
import type { UseFormRegisterReturn } from "react-hook-form";
import type { PaymentMethodOption } from "../api-types";

export interface ConfirmStepFormProps {
  /** The form's accessible name. */
  label: string;
  onSubmit: FormEventHandler<HTMLFormElement>;
  /** Hidden, not unmounted, while the confirmation step shows, so the typed values stay. */
  hidden: boolean;
  /** Above the failure and the fields, e.g. what the form is for. */
  lead: ReactNode;
  failure: string | null | undefined;
  summary: FieldErrorItem[];
  /** With failures, when the summary takes focus again. */
  submitCount: number;
  failures: number;
  /** On the button that leads to the confirmation step. */
  submitLabel: string;
  /** Beside that button. */
  note?: ReactNode;
  children: ReactNode;
}

/** The input step of a storefront form (see useConfirmStep). */
export function ConfirmStepForm({
  label,
  onSubmit,
  hidden,
  lead,
  failure,
  summary,
  submitCount,
  failures,
  submitLabel,
  note,
  children,
}: ConfirmStepFormProps) {
  return (
    <form
      className="sos-vendor-form__fields"
      noValidate
      onSubmit={onSubmit}
      aria-label={label}
      hidden={hidden}
    >
      {lead}
      {failure && <Alert tone="error">{failure}</Alert>}
      <ErrorSummary errors={summary} focusKey={`${submitCount}-${failures}`} />
      {children}
      <div className="sos-vendor-form__actions">
        {note && <p className="sos-vendor-form__note">{note}</p>}
        <Button type="submit" size="large" fullWidth>
          {submitLabel}
        </Button>
      </div>
    </form>
  );
}

export interface PaymentMethodFieldProps {
  id: string;
  paymentMethods: ReadonlyArray<PaymentMethodOption>;
  error: string | undefined;
  registration: UseFormRegisterReturn;
}

/** 「お支払い方法」 among the methods the vendor offers, in its order. */
export function PaymentMethodField({
  id,
  paymentMethods,
  error,
  registration,
}: PaymentMethodFieldProps) {
  return (
    <RadioGroup
      id={id}
      legend="お支払い方法"
      required
      choices={paymentMethods.map((option) => ({ value: option.value, label: option.label }))}
      error={error}
      {...registration}
    />
  );
}

/** What a form hands its confirmation step (see useConfirmStep). */
export interface ConfirmStepState {
  formId: string;
  headingRef: Ref<HTMLHeadingElement>;
  submitting: boolean;
  onConfirm: () => void;
  onBack: () => void;
}

export interface ConfirmStepSectionProps extends ConfirmStepState {
  title: string;
  /** What pressing the confirm button will do. */
  lead: string;
  /** Below what will be sent. */
  note: ReactNode;
  confirmLabel: string;
  /** Read out while submitting. */
  loadingLabel: string;
  backLabel: string;
  /** What will be sent. */
  children: ReactNode;
}

/** The confirmation step of a storefront form; its heading takes focus when it shows. */
export function ConfirmStepSection({
  formId,
  title,
  headingRef,
  lead,
  note,
  confirmLabel,
  loadingLabel,
  backLabel,
  submitting,
  onConfirm,
  onBack,
  children,
}: ConfirmStepSectionProps) {
  return (
    <section className="sos-vendor-form__confirm" aria-labelledby={`${formId}-confirm`}>
      <h2 id={`${formId}-confirm`} ref={headingRef} tabIndex={-1}>
        {title}
      </h2>
      <p>{lead}</p>
      {children}
      <p className="sos-vendor-form__note">{note}</p>
      <div className="sos-vendor-form__actions">
        <Button
          size="large"
          fullWidth
          loading={submitting}
          loadingLabel={loadingLabel}
          onClick={onConfirm}
        >
          {confirmLabel}
        </Button>
        <Button variant="secondary" size="large" fullWidth disabled={submitting} onClick={onBack}>
          {backLabel}
        </Button>
      </div>
    </section>
  );
}
