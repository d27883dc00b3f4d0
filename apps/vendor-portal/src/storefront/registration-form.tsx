import { zodResolver } from "@hookform/resolvers/zod";
import { formatPhone, formatPostcode } from "@sos/rules";
import {
  Alert,
  Button,
  ErrorSummary,
  type FieldErrorItem,
  RadioGroup,
  radioId,
  SummaryList,
  TextField,
} from "@sos/ui";
import { type ReactNode, useEffect, useId } from "react";
import { type FieldErrors, useForm } from "react-hook-form";
import type { PaymentMethodOption } from "../api-types";
import {
  REGISTRATION_FIELDS,
  type RegistrationField,
  RegistrationFormSchema,
  type RegistrationValues,
} from "./registration-schema";
import "./storefront.css";
import { useConfirmStep } from "./use-confirm-step";

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
  initialValues?: Partial<Omit<FormInput, "paymentMethod">> | null | undefined;
}

interface FormInput {
  facilityName: string;
  institutionCode: string;
  postcode: string;
  address: string;
  phone: string;
  email: string;
  paymentMethod: string;
}

const CODE_HINT =
  "G-MISの「医療機関マスタ」で確認できる10桁の数字です（保険医療機関コードとは異なります）。全角でも入力できます。";

const EMAIL_HINT =
  "購入用URLのご案内や注文確認のメールをこのアドレスにお送りします。G-MISに届け出ているメールアドレスと異なる場合は、販売業者の確認が済むまで購入用URLをお送りできません。携帯電話のメールの場合は、受信設定を確認してください。";

function labelOf(options: ReadonlyArray<PaymentMethodOption>, value: string): string {
  return options.find((option) => option.value === value)?.label ?? value;
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
  } = useForm<FormInput, unknown, RegistrationValues>({
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
  const { confirming, submitting, failures, failure, confirmHeading, ...steps } =
    useConfirmStep<RegistrationValues>({
      onSubmit,
      fieldErrors,
      serverError,
      focusInput: () => setFocus("facilityName"),
    });

  const fieldErrorsKey = JSON.stringify(fieldErrors ?? {});
  useEffect(() => {
    const given = JSON.parse(fieldErrorsKey) as RegistrationFieldErrors;
    for (const field of REGISTRATION_FIELDS) {
      const message = given[field];
      if (message) setError(field, { type: "server", message });
    }
  }, [fieldErrorsKey, setError]);

  const toConfirmation = handleSubmit(steps.toConfirmation);
  const summary = submitCount > 0 ? summaryOf(errors, ids) : [];

  return (
    <div className="sos-vendor-form">
      <form
        className="sos-vendor-form__fields"
        noValidate
        onSubmit={toConfirmation}
        aria-label="施設登録"
        hidden={confirming !== null}
      >
        {children}
        {failure && <Alert tone="error">{failure}</Alert>}
        <ErrorSummary errors={summary} focusKey={`${submitCount}-${failures}`} />
        <TextField
          id={ids.facilityName}
          label="施設名"
          required
          autoComplete="organization"
          enterKeyHint="next"
          hint="G-MISに登録している医療機関名と同じ名称で入力してください。"
          error={errors.facilityName?.message}
          {...register("facilityName")}
        />
        <TextField
          id={ids.institutionCode}
          label="医療機関コード（10桁）"
          required
          hint={CODE_HINT}
          inputMode="numeric"
          autoComplete="off"
          enterKeyHint="next"
          width="medium"
          error={errors.institutionCode?.message}
          {...register("institutionCode")}
        />
        <TextField
          id={ids.postcode}
          label="郵便番号"
          required
          hint="例：100-8916"
          inputMode="numeric"
          autoComplete="postal-code"
          enterKeyHint="next"
          width="short"
          error={errors.postcode?.message}
          {...register("postcode")}
        />
        <TextField
          id={ids.address}
          label="住所"
          required
          hint="都道府県から、建物名・部屋番号まで入力してください。商品のお届け先になります。"
          autoComplete="street-address"
          enterKeyHint="next"
          error={errors.address?.message}
          {...register("address")}
        />
        <TextField
          id={ids.phone}
          label="電話番号"
          required
          hint="例：03-5253-1111"
          type="tel"
          inputMode="tel"
          autoComplete="tel"
          enterKeyHint="next"
          width="medium"
          error={errors.phone?.message}
          {...register("phone")}
        />
        <TextField
          id={ids.email}
          label="メールアドレス"
          required
          hint={EMAIL_HINT}
          type="email"
          inputMode="email"
          autoComplete="email"
          autoCapitalize="off"
          spellCheck={false}
          enterKeyHint="next"
          error={errors.email?.message}
          {...register("email")}
        />
        <RadioGroup
          id={`${formId}-payment`}
          legend="お支払い方法"
          required
          choices={paymentMethods.map((option) => ({ value: option.value, label: option.label }))}
          error={errors.paymentMethod?.message}
          {...register("paymentMethod")}
        />
        <div className="sos-vendor-form__actions">
          <Button type="submit" size="large" fullWidth>
            入力内容を確認する
          </Button>
        </div>
      </form>

      {confirming !== null && (
        <section className="sos-vendor-form__confirm" aria-labelledby={`${formId}-confirm`}>
          <h2 id={`${formId}-confirm`} ref={confirmHeading} tabIndex={-1}>
            入力内容の確認
          </h2>
          <p>以下の内容で登録します。よろしければ「登録する」を押してください。</p>
          <SummaryList
            items={[
              { term: "施設名", detail: confirming.facilityName },
              { term: "医療機関コード", detail: confirming.institutionCode },
              { term: "郵便番号", detail: `〒${formatPostcode(confirming.postcode)}` },
              { term: "住所", detail: confirming.address },
              { term: "電話番号", detail: formatPhone(confirming.phone) },
              { term: "メールアドレス", detail: confirming.email },
              {
                term: "お支払い方法",
                detail: labelOf(paymentMethods, confirming.paymentMethod),
              },
            ]}
          />
          <p className="sos-vendor-form__note">
            メールアドレスに誤りがあると、購入用URLのご案内が届きません。もう一度ご確認ください。
          </p>
          <div className="sos-vendor-form__actions">
            <Button
              size="large"
              fullWidth
              loading={submitting}
              loadingLabel="登録中"
              onClick={() => void steps.confirm()}
            >
              登録する
            </Button>
            <Button
              variant="secondary"
              size="large"
              fullWidth
              disabled={submitting}
              onClick={steps.backToInput}
            >
              入力内容を修正する
            </Button>
          </div>
        </section>
      )}
    </div>
  );
}

function summaryOf(errors: FieldErrors<FormInput>, ids: Record<RegistrationField, string>) {
  const items: FieldErrorItem[] = [];
  for (const field of REGISTRATION_FIELDS) {
    const message = errors[field]?.message;
    if (message) items.push({ fieldId: ids[field], message });
  }
  return items;
}
