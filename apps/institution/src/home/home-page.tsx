import { Notice, PageHeader } from "@sos/ui";
import { LoadFailed, Loading, PageTitle, readActingFor, useSignedInUser, useTRPC } from "@sos/web";
import { useQuery } from "@tanstack/react-query";
import { ActingForBanner } from "../delegation/acting-for-banner";
import { DelegateHome } from "../delegation/delegate-home";
import { PurchaseCard } from "../purchase/purchase-card";
import { DeadlineCard } from "./deadline-card";
import { ForecastCard } from "./forecast-card";
import { RequestCard } from "./request-card";
import { SelfCheckCard } from "./self-check-card";
import { SurveyCard } from "./survey-card";

/**
 * A delegate (代理入力) first picks the institution this tab acts for; then it
 * sees that institution's home like its own staff.
 */
export function HomePage() {
  const user = useSignedInUser();
  if (user.role === "delegate" && readActingFor() === null) return <DelegateHome />;
  return <InstitutionHome />;
}

/** What to do this week at a glance: the survey, the deadline, the request and its outcome. */
function InstitutionHome() {
  const user = useSignedInUser();
  const trpc = useTRPC();
  const summary = useQuery(trpc.home.summary.queryOptions());
  // Read afresh on opening: the vendor mails links and ships while the app is closed.
  const purchases = useQuery(trpc.institutionOrders.mine.queryOptions(undefined, { staleTime: 0 }));

  return (
    <div className="sos-stack">
      <PageTitle>ホーム</PageTitle>
      <PageHeader
        title="ホーム"
        description={`${user.displayName}さん（${user.role === "delegate" ? "代理入力" : "医療機関"}）としてログインしています。`}
      />
      <ActingForBanner />
      {summary.data === undefined ? (
        summary.isError ? (
          <LoadFailed
            title="今週の状況を表示できませんでした"
            error={summary.error}
            onRetry={() => void summary.refetch()}
          />
        ) : (
          <Loading>今週の状況を読み込んでいます…</Loading>
        )
      ) : (
        <div className="inst-home-grid">
          <SurveyCard summary={summary.data} />
          <DeadlineCard summary={summary.data} />
          <ForecastCard summary={summary.data} />
          <RequestCard summary={summary.data} purchases={purchases.data} />
          {purchases.isError ? (
            <LoadFailed
              title="購入・配送の状況を表示できませんでした"
              error={purchases.error}
              onRetry={() => void purchases.refetch()}
            />
          ) : (
            purchases.data !== undefined &&
            purchases.data.length > 0 && <PurchaseCard statuses={purchases.data} />
          )}
          <SelfCheckCard />
        </div>
      )}
      <Notice title="要請は配布の決定ではありません" emphasis="important">
        <p>
          要請の内容は都道府県と国が確認し、数量を調整することがあります。確認のため、都道府県から電話で連絡する場合があります。
        </p>
      </Notice>
    </div>
  );
}
