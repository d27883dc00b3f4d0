import { formatPhone } from "@sos/rules";
import {
  Alert,
  Button,
  formatAddress,
  formatJaDateTime,
  Notice,
  PageHeader,
  SummaryList,
} from "@sos/ui";
import { domainErrorCode, errorMessageJa, LoadFailed, Loading, useTRPC } from "@sos/web";
import { useMutation, useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { Link, useParams } from "react-router";
import type { ConfirmedRegistration, RegistrationConfirmation } from "../api-types";
import { useFocusHeadingOn } from "../common/focus-heading";
import { PATHS } from "../paths";
import { RegistrationComplete } from "./registration-complete";
import { StorefrontTitle } from "./storefront-title";

/**
 * The page of the link mailed to the address the institution gave the ministry.
 * Opening it shows what was submitted; only 「登録を確定する」 settles it, since
 * mail filters open links on their own.
 */
export function ConfirmRegistrationPage() {
  const { token = "" } = useParams();
  const trpc = useTRPC();
  const page = useQuery(trpc.storefront.registrationConfirmation.queryOptions({ token }));
  const confirm = useMutation(trpc.storefront.confirmRegistration.mutationOptions());
  const [confirmed, setConfirmed] = useState<ConfirmedRegistration | null>(null);
  const [error, setError] = useState<string | null>(null);
  useFocusHeadingOn(confirmed);

  if (confirmed !== null) return <Confirmed registration={confirmed} />;
  if (page.isPending) {
    return (
      <div className="sos-stack vendor-storefront">
        <StorefrontTitle>施設登録の確定</StorefrontTitle>
        <Loading>登録内容を読み込んでいます…</Loading>
      </div>
    );
  }
  if (page.isError) {
    return domainErrorCode(page.error) === "NOT_FOUND" ? (
      <InvalidLink message={errorMessageJa(page.error)} />
    ) : (
      <div className="sos-stack vendor-storefront">
        <StorefrontTitle>施設登録の確定</StorefrontTitle>
        <PageHeader title="施設登録の確定" />
        <LoadFailed
          title="登録内容を表示できませんでした"
          error={page.error}
          onRetry={() => void page.refetch()}
        />
      </div>
    );
  }
  const details = page.data;
  if (details.state === "confirmed") return <AlreadyConfirmed details={details} />;

  const settle = async () => {
    setError(null);
    try {
      setConfirmed(await confirm.mutateAsync({ token }));
    } catch (failure) {
      setError(errorMessageJa(failure));
    }
  };

  return (
    <div className="sos-stack vendor-storefront">
      <StorefrontTitle>施設登録の確定</StorefrontTitle>
      <PageHeader
        title="施設登録の確定"
        description="購入サイトに、貴施設の医療機関コードで次の内容の施設登録の申し込みがありました。"
      />
      {!details.sameAddress && (
        <Alert tone="warning" title="メールアドレスがG-MISに届け出ているものと異なります">
          <p>
            購入用URLの送付先として、G-MISに届け出ているメールアドレス（この確認メールの宛先）とは別のアドレスが登録されています。確定した場合も、販売業者が貴施設に確認するまで購入用URLはお送りしません。
          </p>
        </Alert>
      )}
      <SummaryList aria-label="申し込まれた内容" items={summaryOf(details)} />
      <Notice title="お心当たりのない場合">
        <p>
          登録を確定せずにこのページを閉じてください。第三者が貴施設になりすまして登録しようとした可能性があります。販売業者にお知らせください。
        </p>
      </Notice>
      {error !== null && (
        <Alert tone="error" title="登録を確定できませんでした">
          <p>{error}</p>
        </Alert>
      )}
      <p className="vendor-muted">
        このURLの有効期限：{formatJaDateTime(new Date(details.expiresAt))}まで
      </p>
      <Button
        size="large"
        fullWidth
        loading={confirm.isPending}
        loadingLabel="確定中"
        onClick={() => void settle()}
      >
        登録を確定する
      </Button>
    </div>
  );
}

function summaryOf(details: RegistrationConfirmation | ConfirmedRegistration) {
  return [
    { term: "施設名", detail: details.facilityName },
    { term: "医療機関コード", detail: details.institutionCode },
    { term: "住所", detail: formatAddress(details) },
    { term: "電話番号", detail: formatPhone(details.phone) },
    { term: "メールアドレス（購入用URLの送付先）", detail: details.email },
    { term: "お支払い方法", detail: details.paymentMethodLabel },
  ];
}

function nextSteps(sameAddress: boolean) {
  return sameAddress
    ? "緊急配布要請が都道府県・国で受け付けられ、販売対象となった場合に、登録のメールアドレス宛てに購入用URLと購入できるセット数をお知らせします。"
    : "登録のメールアドレスがG-MISに届け出ているものと異なるため、販売業者が貴施設に確認したうえで購入用URLをお送りします。";
}

function Confirmed({ registration }: { registration: ConfirmedRegistration }) {
  return (
    <RegistrationComplete
      email={registration.email}
      items={[
        ...summaryOf(registration),
        { term: "確定日時", detail: formatJaDateTime(new Date(registration.confirmedAt)) },
      ]}
      nextSteps={nextSteps(registration.sameAddress)}
    />
  );
}

function AlreadyConfirmed({ details }: { details: RegistrationConfirmation }) {
  return (
    <div className="sos-stack vendor-storefront">
      <StorefrontTitle>施設登録の確定</StorefrontTitle>
      <PageHeader title="この施設登録は確定済みです" />
      <Notice title="このURLでの確定は完了しています">
        <p>{nextSteps(details.sameAddress)}</p>
      </Notice>
      <SummaryList aria-label="登録内容" items={summaryOf(details)} />
    </div>
  );
}

function InvalidLink({ message }: { message: string }) {
  return (
    <div className="sos-stack vendor-storefront">
      <StorefrontTitle>確認リンクが無効です</StorefrontTitle>
      <PageHeader title="確認リンクが無効です" />
      <Alert tone="error" title="このリンクでは登録を確定できません">
        <p>{message}</p>
      </Alert>
      <p>
        <Link to={PATHS.register}>購入サイトの施設登録へ</Link>
      </p>
    </div>
  );
}
