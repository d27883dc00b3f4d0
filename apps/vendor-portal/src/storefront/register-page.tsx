import { formatPhone } from "@sos/rules";
import { Alert, formatAddress, formatJaDateTime, Notice, PageHeader, SummaryList } from "@sos/ui";
import { errorMessageJa, formFieldErrors, LoadFailed, Loading, useTRPC } from "@sos/web";
import { useMutation, useQuery } from "@tanstack/react-query";
import { useState } from "react";
import type { RegistrationOptions, RegistrationReceipt } from "../api-types";
import { useFocusHeadingOn } from "../common/focus-heading";
import { RegistrationComplete } from "./registration-complete";
import { type RegistrationFieldErrors, RegistrationForm } from "./registration-form";
import { REGISTRATION_FIELDS, type RegistrationValues } from "./registration-schema";
import { StorefrontTitle } from "./storefront-title";

interface Registered {
  receipt: RegistrationReceipt;
  /** The details as entered (the receipt names only the key facts). */
  values: RegistrationValues;
}

/**
 * ①' the facility registration on the purchase site (public). A registration
 * counts once the institution confirms it through the link mailed to the address
 * it gave the ministry (G-MIS) — or at once when it registers its own code while
 * signed in to the institution app. Purchase links go only to confirmed
 * registrations at the address on the ministry's list.
 */
export function RegisterPage() {
  const trpc = useTRPC();
  const options = useQuery(trpc.storefront.registrationOptions.queryOptions());
  const register = useMutation(trpc.storefront.register.mutationOptions());
  const [fieldErrors, setFieldErrors] = useState<RegistrationFieldErrors | null>(null);
  const [serverError, setServerError] = useState<string | null>(null);
  const [registered, setRegistered] = useState<Registered | null>(null);
  useFocusHeadingOn(registered);

  if (registered !== null) {
    return registered.receipt.status === "registered" ? (
      <Registered registered={registered} />
    ) : (
      <ConfirmationSent registered={registered} />
    );
  }

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
      {options.isPending ? (
        <Loading>入力画面を準備しています…</Loading>
      ) : options.isError ? (
        <LoadFailed
          title="入力画面を表示できませんでした"
          error={options.error}
          onRetry={() => void options.refetch()}
        />
      ) : (
        <>
          <BeforeRegistering signedIn={options.data.signedInInstitution} />
          <RegistrationForm
            paymentMethods={options.data.paymentMethods}
            initialValues={options.data.signedInInstitution}
            onSubmit={submit}
            fieldErrors={fieldErrors}
            serverError={serverError}
          />
        </>
      )}
    </div>
  );
}

function BeforeRegistering({ signedIn }: { signedIn: RegistrationOptions["signedInInstitution"] }) {
  return (
    <>
      {signedIn !== null && (
        <Notice title={`${signedIn.facilityName}としてログインしています`}>
          <p>
            医療機関のアカウントでログインしているため、貴施設の医療機関コード（
            {signedIn.institutionCode}
            ）での登録は確認メールなしで確定します。G-MISに届け出ている内容を入力済みです。
          </p>
        </Notice>
      )}
      <Notice title="登録の前にご確認ください">
        <ul className="vendor-list">
          <li>
            登録の申し込み後、国（G-MIS）に届け出ている貴施設のメールアドレスに確認メールをお送りします。メールのURLから登録を確定するまで、購入用URLはお送りしません。
          </li>
          <li>
            都道府県・国で緊急配布要請が受け付けられると、登録されたメールアドレスに購入用URLと購入できるセット数をお知らせします。G-MISに届け出ているメールアドレスで登録すると、販売業者の確認を待たずにお送りできます。
          </li>
          <li>
            医療機関コードは、G-MISの「医療機関マスタ」で確認できる10桁のコードです。国のリストとこのコードで照合します。
          </li>
          <li>1つの医療機関コードにつき、登録は1件です。</li>
        </ul>
      </Notice>
    </>
  );
}

function registrationSummary({ receipt, values }: Registered) {
  return [
    { term: "施設名", detail: receipt.facilityName },
    { term: "医療機関コード", detail: receipt.institutionCode },
    { term: "住所", detail: formatAddress(values) },
    { term: "電話番号", detail: formatPhone(values.phone) },
    { term: "メールアドレス", detail: receipt.email },
    { term: "お支払い方法", detail: receipt.paymentMethodLabel },
  ];
}

/** Anonymous: nothing is registered until the registry address's holder opens the link. */
function ConfirmationSent({ registered }: { registered: Registered }) {
  const { receipt } = registered;
  return (
    <div className="sos-stack vendor-storefront">
      <StorefrontTitle>確認メールの送信</StorefrontTitle>
      <PageHeader title="確認メールを送信しました" />
      <Alert tone="info" title="登録はまだ確定していません">
        <p>
          国（G-MIS）に届け出ている貴施設のメールアドレスに、登録を確定するためのURLをお送りしました。メールのURLを開き、「登録を確定する」を押してください。
        </p>
        {receipt.confirmBy !== null && (
          <p>URLの有効期限は{formatJaDateTime(new Date(receipt.confirmBy))}までです。</p>
        )}
      </Alert>
      <SummaryList
        aria-label="申し込んだ内容"
        items={[
          ...registrationSummary(registered),
          { term: "申込日時", detail: formatJaDateTime(new Date(receipt.registeredAt)) },
        ]}
      />
      <Notice title="確認メールが届かない場合">
        <p>
          確認メールは、ここで入力したメールアドレスではなく、G-MISに届け出ているメールアドレスに届きます。迷惑メールフォルダや受信設定、医療機関コードに誤りがないかをご確認ください。
        </p>
        <p>
          医療機関のアカウントでG-MISにログインしてからこのページで登録すると、確認メールなしで登録が確定します。
        </p>
      </Notice>
    </div>
  );
}

/** Signed in as the institution: settled now. */
function Registered({ registered }: { registered: Registered }) {
  const { receipt } = registered;
  return (
    <RegistrationComplete
      email={receipt.email}
      items={[
        ...registrationSummary(registered),
        { term: "登録日時", detail: formatJaDateTime(new Date(receipt.registeredAt)) },
      ]}
      nextSteps="緊急配布要請が都道府県・国で受け付けられ、販売対象となった場合に、このメールアドレス宛てに購入用URLと購入できるセット数をお知らせします。"
    />
  );
}
