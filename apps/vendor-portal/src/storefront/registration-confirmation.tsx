import { formatPhone, formatPostcode } from "@sos/rules";
import { Button, SummaryList } from "@sos/ui";
import type { Ref } from "react";
import type { PaymentMethodOption } from "../api-types";
import type { RegistrationValues } from "./registration-schema";

export interface RegistrationConfirmationProps {
  formId: string;
  values: RegistrationValues;
  paymentMethods: ReadonlyArray<PaymentMethodOption>;
  headingRef: Ref<HTMLHeadingElement>;
  submitting: boolean;
  onConfirm: () => void;
  onBack: () => void;
}

function labelOf(options: ReadonlyArray<PaymentMethodOption>, value: string): string {
  return options.find((option) => option.value === value)?.label ?? value;
}

/** 「入力内容の確認」: what will be registered, before 「登録する」. */
export function RegistrationConfirmation({
  formId,
  values,
  paymentMethods,
  headingRef,
  submitting,
  onConfirm,
  onBack,
}: RegistrationConfirmationProps) {
  return (
    <section className="sos-vendor-form__confirm" aria-labelledby={`${formId}-confirm`}>
      <h2 id={`${formId}-confirm`} ref={headingRef} tabIndex={-1}>
        入力内容の確認
      </h2>
      <p>以下の内容で登録します。よろしければ「登録する」を押してください。</p>
      <SummaryList
        items={[
          { term: "施設名", detail: values.facilityName },
          { term: "医療機関コード", detail: values.institutionCode },
          { term: "郵便番号", detail: `〒${formatPostcode(values.postcode)}` },
          { term: "住所", detail: values.address },
          { term: "電話番号", detail: formatPhone(values.phone) },
          { term: "メールアドレス", detail: values.email },
          {
            term: "お支払い方法",
            detail: labelOf(paymentMethods, values.paymentMethod),
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
          onClick={onConfirm}
        >
          登録する
        </Button>
        <Button variant="secondary" size="large" fullWidth disabled={submitting} onClick={onBack}>
          入力内容を修正する
        </Button>
      </div>
    </section>
  );
}
