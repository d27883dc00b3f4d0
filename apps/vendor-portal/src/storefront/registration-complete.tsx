import { Alert, Notice, PageHeader, type SummaryItem, SummaryList } from "@sos/ui";
import type { ReactNode } from "react";
import { StorefrontTitle } from "./storefront-title";

export interface RegistrationCompleteProps {
  /** Where the notice of the registration went. */
  email: string;
  items: ReadonlyArray<SummaryItem>;
  /** 「今後の流れ」 before the line on changing the registration. */
  nextSteps: ReactNode;
}

/**
 * 「施設登録が完了しました」, whether settled at once (signed in) or through the
 * mailed link.
 */
export function RegistrationComplete({ email, items, nextSteps }: RegistrationCompleteProps) {
  return (
    <div className="sos-stack vendor-storefront">
      <StorefrontTitle>施設登録の完了</StorefrontTitle>
      <PageHeader title="施設登録が完了しました" />
      <Alert tone="success" title="施設登録が確定しました">
        <p>
          登録内容のお知らせを <strong>{email}</strong> にお送りしました。
        </p>
      </Alert>
      <SummaryList aria-label="登録内容" items={items} />
      <Notice title="今後の流れ">
        <p>{nextSteps}</p>
        <p>登録内容の変更は販売業者にお問い合わせください。</p>
      </Notice>
    </div>
  );
}
