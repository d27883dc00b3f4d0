import { prefectureName } from "@sos/domain";
import { Card, formatNumber, formatSets, PageHeader } from "@sos/ui";
import {
  PageTitle,
  RouterLinkButton,
  type SignedInUser,
  userDetailJa,
  useSignedInUser,
  useTRPC,
} from "@sos/web";
import { useQuery } from "@tanstack/react-query";
import { PATHS } from "../paths";
import { queueOptionsFor, queueSearch, queueWith } from "../queue/queue-params";
import { DeadlineBanner } from "./deadline-banner";
import { MaintenanceCard } from "./maintenance-card";
import { SignInAlertsCard } from "./sign-in-alerts-card";

/** The review console's start: the deadline, then the way into this role's work. */
export function HomePage() {
  const user = useSignedInUser();
  return (
    <div className="sos-stack">
      <PageTitle>ホーム</PageTitle>
      <PageHeader
        title="ホーム"
        description={`${user.displayName}さん（${userDetailJa(user)}）としてログインしています。`}
      />
      <DeadlineBanner />
      {user.role === "ministry" ? <MinistryHome /> : <PrefectureHome user={user} />}
    </div>
  );
}

const PREFECTURE_QUEUE = queueOptionsFor("prefecture");

function prefectureQueue(filters: Parameters<typeof queueWith>[1]): string {
  return `${PATHS.requests}${queueSearch(queueWith(PREFECTURE_QUEUE, filters), PREFECTURE_QUEUE)}`;
}

function PrefectureHome({ user }: { user: SignedInUser }) {
  const trpc = useTRPC();
  const deadlines = useQuery(trpc.review.deadlines.queryOptions());
  const name =
    user.prefectureCode === null ? "管内" : (prefectureName(user.prefectureCode) ?? "管内");
  const awaiting = deadlines.data?.awaitingPrefecture;
  return (
    <div className="rev-grid">
      <Card title={`${name}の確認待ちの要請`}>
        <p>
          {awaiting === undefined
            ? "医療機関から届いた要請を確認し、配送要否と数量を入力して確認を完了します。"
            : awaiting === 0
              ? "確認待ちの要請はありません。"
              : `確認待ちの要請が ${formatNumber(awaiting)}件 あります。`}
        </p>
        <p className="rev-muted">
          一覧では j・k キーで要請を移動し、Enter で開けます。確認を完了すると、次の要請が開きます。
        </p>
        <div className="rev-links">
          <RouterLinkButton to={PATHS.requests}>確認待ちの要請を開く</RouterLinkButton>
          <RouterLinkButton to={prefectureQueue({ late: true })} variant="secondary">
            締切後の申請
          </RouterLinkButton>
        </div>
      </Card>
      <Card title="確認済み・終了した要請">
        <p>
          確認を完了して国確認中の要請、受付完了・対象外となった要請も、一覧の「状態」で絞り込んで確認できます。
        </p>
        <div className="rev-links">
          <RouterLinkButton to={prefectureQueue({ stage: "ministry" })} variant="secondary">
            国確認中の要請
          </RouterLinkButton>
          <RouterLinkButton to={prefectureQueue({ status: "all", stage: null })} variant="tertiary">
            すべての要請
          </RouterLinkButton>
        </div>
      </Card>
    </div>
  );
}

function MinistryHome() {
  const trpc = useTRPC();
  const progress = useQuery(trpc.review.ministryProgress.queryOptions());
  const targets = useQuery(trpc.targetList.list.queryOptions());
  const deadlines = useQuery(trpc.review.deadlines.queryOptions());
  const totals = progress.data?.totals;
  const pending = targets.data?.pending;
  // Every week's, not only this round's: a request from an earlier week waits all the same.
  const awaiting = deadlines.data?.awaitingMinistry;
  return (
    <div className="rev-grid">
      <Card title="国確認待ちの要請">
        {awaiting !== undefined && (
          <p>
            {awaiting === 0
              ? "国確認待ちの要請はありません。"
              : `国確認待ちの要請が ${formatNumber(awaiting)}件 あります。`}
          </p>
        )}
        <p>
          {totals === undefined
            ? "都道府県が確認を完了した要請を確認し、承認します。"
            : `${progress.data?.weekTitle ?? ""}：国確認待ち ${formatNumber(totals.awaitingMinistry)}件、都道府県確認中 ${formatNumber(totals.awaitingPrefecture)}件、承認済み ${formatNumber(totals.approved)}件。`}
        </p>
        <div className="rev-links">
          <RouterLinkButton to={PATHS.requests}>国確認待ちの要請を開く</RouterLinkButton>
          <RouterLinkButton to={PATHS.progress} variant="secondary">
            都道府県別の進捗状況
          </RouterLinkButton>
        </div>
      </Card>
      <Card title="対象医療機関リスト">
        <p>
          {pending === undefined
            ? "承認した要請を、販売業者へ渡す対象医療機関リストにまとめます。"
            : pending.count === 0
              ? "リストに載せていない承認済みの要請はありません。"
              : `リストに載せていない承認済みの要請が ${formatNumber(pending.count)}件（合計 ${formatSets(pending.sets)}）あります。`}
        </p>
        <div className="rev-links">
          <RouterLinkButton to={PATHS.targetLists} variant="secondary">
            対象医療機関リストへ
          </RouterLinkButton>
        </div>
      </Card>
      <Card title="措置と公表">
        <p>
          転売などの違反があった医療機関への措置（以後の要請を受け付けない）と、公表用一覧の出力を行います。
        </p>
        <div className="rev-links">
          <RouterLinkButton to={PATHS.sanctions} variant="secondary">
            措置
          </RouterLinkButton>
          <RouterLinkButton to={PATHS.publication} variant="secondary">
            公表用一覧
          </RouterLinkButton>
        </div>
      </Card>
      <MaintenanceCard />
      <SignInAlertsCard />
    </div>
  );
}
