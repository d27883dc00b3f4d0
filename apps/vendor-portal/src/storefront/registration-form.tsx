import { zodResolver } from "@hookform/resolvers/zod";
import { type FieldErrorItem, radioId } from "@sos/ui";
import { type ReactNode, useId } from "react";
import { type FieldErrors, useForm } from "react-hook-form";
import type { PaymentMethodOption } from "../api-types";
import {
  REGISTRATION_FIELDS,
  type RegistrationField,
  RegistrationFormSchema,
  type RegistrationValues,
} from "./registration-schema";
import "./storefront.css";
import { ConfirmStepForm, PaymentMethodField } from "./confirm-step-view";
import { RegistrationConfirmation } from "./registration-confirmation";
import { RegistrationFields } from "./registration-fields";
import { useConfirmStep } from "./use-confirm-step";
import { useServerFieldErrors } from "./use-server-field-errors";

export type RegistrationFieldErrors = Partial<Record<RegistrationField, string>>;

export interface RegistrationFormProps {
  /** The payment methods the vendor offers, in its order. */
  paymentMethods: ReadonlyArray<PaymentMethodOption>;
  /**
   * Called from the confirmation step with the normalised values. Resolve once
   * registered. Reject when not; put the server's reasons in fieldErrors (e.g. the
   * code already registered) or serverError, otherwise a retry message is shown.
   */
  onSubmit: (values: RegistrationValues) => Promise<void>;
  fieldErrors?: RegistrationFieldErrors | null | undefined;
  serverError?: string | null | undefined;
  /** Above the fields, e.g. what registering is for. */
  children?: ReactNode;
  /** Values to start from, e.g. what the ministry's registry holds for a signed-in institution. */
  initialValues?: Partial<Omit<RegistrationFormInput, "paymentMethod">> | null | undefined;
}

export interface RegistrationFormInput {
  facilityName: string;
  institutionCode: string;
  postcode: string;
  address: string;
  phone: string;
  email: string;
  paymentMethod: string;
}

/**
 * ①' the facility registration on the vendor's purchase site: name, postcode,
 * address, the 10-digit institution code, phone, email and payment method, then a
 * confirmation step before 「登録する」. Accepts what Japanese IMEs type
 * (「１３０１２３４５６７」, 「〒１００－０００１」).
 */
export function RegistrationForm({
  paymentMethods,
  onSubmit,
  fieldErrors,
  serverError,
  children,
  initialValues,
}: RegistrationFormProps) {
  const formId = useId();
  const ids = {
    facilityName: `${formId}-facility-name`,
    institutionCode: `${formId}-institution-code`,
    postcode: `${formId}-postcode`,
    address: `${formId}-address`,
    phone: `${formId}-phone`,
    email: `${formId}-email`,
    paymentMethod: radioId(`${formId}-payment`, paymentMethods[0]?.value ?? "invoice"),
  } satisfies Record<RegistrationField, string>;

  const {
    register,
    handleSubmit,
    setError,
    setFocus,
    formState: { errors, submitCount },
  } = useForm<RegistrationFormInput, unknown, RegistrationValues>({
    resolver: zodResolver(RegistrationFormSchema),
    defaultValues: {
      facilityName: "",
      institutionCode: "",
      postcode: "",
      address: "",
      phone: "",
      email: "",
      ...initialValues,
      paymentMethod: paymentMethods.length === 1 ? (paymentMethods[0]?.value ?? "") : "",
    },
    shouldFocusError: false,
  });
  const { confirming, input, section, ...steps } = useConfirmStep<RegistrationValues>({
    onSubmit,
    fieldErrors,
    serverError,
    focusInput: () => setFocus("facilityName"),
  });

  useServerFieldErrors(fieldErrors, setError, REGISTRATION_FIELDS);

  const toConfirmation = handleSubmit(steps.toConfirmation);
  const summary = submitCount > 0 ? summaryOf(errors, ids) : [];

  return (
    <div className="sos-vendor-form">
      <ConfirmStepForm
        label="施設登録"
        onSubmit={toConfirmation}
        lead={children}
        summary={summary}
        submitCount={submitCount}
        {...input}
        submitLabel="入力内容を確認する"
      >
        <RegistrationFields ids={ids} errors={errors} register={register} />
        <PaymentMethodField
          id={`${formId}-payment`}
          paymentMethods={paymentMethods}
          error={errors.paymentMethod?.message}
          registration={register("paymentMethod")}
        />
      </ConfirmStepForm>

      {confirming !== null && (
        <RegistrationConfirmation
          formId={formId}
          {...section}
          values={confirming}
          paymentMethods={paymentMethods}
        />
      )}
    </div>
  );
}

function summaryOf(
  errors: FieldErrors<RegistrationFormInput>,
  ids: Record<RegistrationField, string>,
) {
  const items: FieldErrorItem[] = [];
  for (const field of REGISTRATION_FIELDS) {
    const message = errors[field]?.message;
    if (message) items.push({ fieldId: ids[field], message });
  }
  return items;
}
