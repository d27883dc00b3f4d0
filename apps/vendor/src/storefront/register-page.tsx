import { formatPhone } from "@sos/rules";
import {
  Alert,
  formatAddress,
  formatJaDateTime,
  Notice,
  PageHeader,
  REGISTRATION_FIELDS,
  type RegistrationFieldErrors,
  RegistrationForm,
  type RegistrationValues,
  SummaryList,
} from "@sos/ui";
import { errorMessageJa, LoadFailed, Loading, useTRPC } from "@sos/web";
import { useMutation, useQuery } from "@tanstack/react-query";
import { useState } from "react";
import type { RegistrationReceipt } from "../api-types";
import { formFieldErrors } from "../common/field-errors";
import { useFocusHeadingOn } from "../common/focus-heading";
import { StorefrontTitle } from "./storefront-title";

interface Registered {
  receipt: RegistrationReceipt;
  /** The details as entered (the receipt names only the key facts). */
  values: RegistrationValues;
}

/**
 * ①' the facility registration on the purchase site (public). Purchase links go
 * only to registered facilities, to the address given here.
 */
export function RegisterPage() {
  const trpc = useTRPC();
  const options = useQuery(trpc.storefront.registrationOptions.queryOptions());
  const register = useMutation(trpc.storefront.register.mutationOptions());
  const [fieldErrors, setFieldErrors] = useState<RegistrationFieldErrors | null>(null);
  const [serverError, setServerError] = useState<string | null>(null);
  const [registered, setRegistered] = useState<Registered | null>(null);
  useFocusHeadingOn(registered);

  if (registered !== null) return <Registered registered={registered} />;

  const submit = async (values: RegistrationValues) => {
    setFieldErrors(null);
    setServerError(null);
    try {
      const receipt = await register.mutateAsync(values);
      setRegistered({ receipt, values });
    } catch (error) {
      setFieldErrors(formFieldErrors(error, REGISTRATION_FIELDS));
      setServerError(errorMessageJa(error));
      throw error;
    }
  };

  return (
    <div className="sos-stack vendor-storefront">
      <StorefrontTitle>施設登録</StorefrontTitle>
      <PageHeader
        title="購入サイトへの施設登録"
        description="医療用手袋の緊急配布で購入するには、事前に施設登録が必要です。"
      />
      <Notice title="登録の前にご確認ください">
        <ul className="vendor-list">
          <li>
            都道府県・国で緊急配布要請が受け付けられると、登録されたメールアドレスに購入用URLと購入できるセット数をお知らせします。
          </li>
          <li>
            医療機関コードは、G-MISの「医療機関マスタ」で確認できる10桁のコードです。国のリストとこのコードで照合します。
          </li>
          <li>1つの医療機関コードにつき、登録は1件です。</li>
        </ul>
      </Notice>
      {options.isPending ? (
        <Loading>入力画面を準備しています…</Loading>
      ) : options.isError ? (
        <LoadFailed
          title="入力画面を表示できませんでした"
          error={options.error}
          onRetry={() => void options.refetch()}
        />
      ) : (
        <RegistrationForm
          paymentMethods={options.data.paymentMethods}
          onSubmit={submit}
          fieldErrors={fieldErrors}
          serverError={serverError}
        />
      )}
    </div>
  );
}

function Registered({ registered: { receipt, values } }: { registered: Registered }) {
  return (
    <div className="sos-stack vendor-storefront">
      <StorefrontTitle>施設登録の完了</StorefrontTitle>
      <PageHeader title="施設登録が完了しました" />
      <Alert tone="success" title="施設登録を受け付けました">
        <p>
          登録内容の確認メールを <strong>{receipt.email}</strong> にお送りしました。
        </p>
      </Alert>
      <SummaryList
        aria-label="登録内容"
        items={[
          { term: "施設名", detail: receipt.facilityName },
          { term: "医療機関コード", detail: receipt.institutionCode },
          { term: "住所", detail: formatAddress(values) },
          { term: "電話番号", detail: formatPhone(values.phone) },
          { term: "メールアドレス", detail: receipt.email },
          { term: "お支払い方法", detail: receipt.paymentMethodLabel },
          { term: "登録日時", detail: formatJaDateTime(new Date(receipt.registeredAt)) },
        ]}
      />
      <Notice title="今後の流れ">
        <p>
          緊急配布要請が都道府県・国で受け付けられ、販売対象となった場合に、このメールアドレス宛てに購入用URLと購入できるセット数をお知らせします。
        </p>
        <p>
          確認メールが届かない場合は、迷惑メールフォルダや受信設定をご確認ください。登録内容の変更は販売業者にお問い合わせください。
        </p>
      </Notice>
    </div>
  );
}
