import { formatPhone, formatPostcode } from "@sos/rules";
import { SummaryList } from "@sos/ui";
import type { PaymentMethodOption } from "../api-types";
import { ConfirmStepSection, type ConfirmStepState } from "./confirm-step-view";
import type { RegistrationValues } from "./registration-schema";

export interface RegistrationConfirmationProps extends ConfirmStepState {
  values: RegistrationValues;
  paymentMethods: ReadonlyArray<PaymentMethodOption>;
}

function labelOf(options: ReadonlyArray<PaymentMethodOption>, value: string): string {
  return options.find((option) => option.value === value)?.label ?? value;
}

/** 「入力内容の確認」: what will be registered, before 「登録する」. */
export function RegistrationConfirmation({
  values,
  paymentMethods,
  ...step
}: RegistrationConfirmationProps) {
  return (
    <ConfirmStepSection
      {...step}
      title="入力内容の確認"
      lead="以下の内容で登録します。よろしければ「登録する」を押してください。"
      note="メールアドレスに誤りがあると、購入用URLのご案内が届きません。もう一度ご確認ください。"
      confirmLabel="登録する"
      loadingLabel="登録中"
      backLabel="入力内容を修正する"
    >
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
    </ConfirmStepSection>
  );
}
