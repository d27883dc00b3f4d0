import { GLOVE_SIZE_LABELS, type GloveSize, surveyWeekTitle } from "@sos/domain";
import {
  Card,
  formatNumber,
  formatPieces,
  formatSets,
  Notice,
  PageHeader,
  SummaryList,
} from "@sos/ui";
import { LoadFailed, Loading, PageTitle, useTRPC } from "@sos/web";
import { useQuery } from "@tanstack/react-query";
import type { OwnAllocatedRequest, OwnAllocation } from "../api-types";
import "./allocation.css";

/**
 * When gloves ran short (issue 17): the sets allocated to the institution, in
 * units per size, with the rule and the institution's own numbers that produced
 * them. Only its own: the server never sends another institution's.
 */
export function AllocationPage() {
  const trpc = useTRPC();
  const mine = useQuery(trpc.allocation.mine.queryOptions());

  return (
    <div className="sos-stack">
      <PageTitle>割当のセット数</PageTitle>
      <PageHeader
        title="割当のセット数"
        description="手袋の供給が要望に足りない週は、公開されたルールで承認済みの要請にセットを割り当てます。割り当てられたセット数までは在庫が確保されており、購入リンクから購入できます。"
      />
      {mine.isPending ? (
        <Loading>割当を読み込んでいます</Loading>
      ) : mine.isError ? (
        <LoadFailed
          title="割当を表示できません"
          error={mine.error}
          onRetry={() => void mine.refetch()}
        />
      ) : mine.data.run === null || mine.data.run.requests.length === 0 ? (
        <Notice title="割当はまだありません">
          <p>
            割当が確定した週の要請はありません。供給が要望に足りる週は割当を行わず、承認された数量まで購入できます。
          </p>
        </Notice>
      ) : (
        <OwnRun allocation={mine.data} run={mine.data.run} />
      )}
    </div>
  );
}

function OwnRun({
  allocation,
  run,
}: {
  allocation: OwnAllocation;
  run: NonNullable<OwnAllocation["run"]>;
}) {
  const week = allocation.weekStart === null ? "" : surveyWeekTitle(allocation.weekStart);
  return (
    <>
      {run.requests.map((request) => (
        <Card key={request.requestId} title={`${week}の割当`}>
          <AllocatedSets request={request} />
          <h3>割当の根拠（貴機関の数値）</h3>
          <SummaryList aria-label="割当の根拠" items={ownNumbers(request, run)} />
        </Card>
      ))}
      <Card title="割当のルール">
        <p>ルール {run.rule}（公開ページで全文と再計算用のファイルを公開しています）</p>
        <ol className="inst-allocation-rule">
          <li>
            順位:{" "}
            {run.parameters.tierOrder.length === 0
              ? "順位は付けません"
              : tierOrderText(run.parameters)}
            。上の順位から割り当てます。
          </li>
          <li>供給が続く限り、すべての要請にまず1セットずつ割り当てます。</li>
          <li>
            残りは順位ごとに、必要量（1週間の消費量−購入見込み量）×（{run.parameters.thresholdWeeks}
            週−在庫週数）に比例して分けます。要望のセット数を超えることはありません。
          </li>
          <li>
            端数で余ったセットは、締切前にハッシュ値を公開したシードによる抽選で割り当てます。
          </li>
        </ol>
      </Card>
    </>
  );
}

function AllocatedSets({ request }: { request: OwnAllocatedRequest }) {
  return (
    <div className="sos-stack">
      <ul className="inst-allocation-sets" aria-label="サイズ別の割当">
        {request.sizes.map((size) => (
          <li key={size.size}>
            <strong>
              {GLOVE_SIZE_LABELS.ja[size.size as GloveSize]} {formatNumber(size.allocatedSets)}
              セット
            </strong>
            <span>
              （要望 {formatNumber(size.requestedSets)}セット
              {size.rationed ? "・供給不足のためルールで配分" : "・要望どおり"}
              {size.lotterySets > 0 ? `・うち${formatNumber(size.lotterySets)}セットは抽選` : ""}）
            </span>
          </li>
        ))}
      </ul>
      <p>合計 {formatSets(request.totalSets)}</p>
    </div>
  );
}

function ownNumbers(request: OwnAllocatedRequest, run: NonNullable<OwnAllocation["run"]>) {
  const net = request.consumption - request.purchases;
  const lottery = request.sizes.reduce((sum, size) => sum + size.lotterySets, 0);
  return [
    {
      term: "順位",
      detail: `第${request.tier}順位（全${run.tierCount}順位）・${request.tierLabel}`,
    },
    { term: "供給協定", detail: request.supplyAgreement ? "あり" : "なし" },
    {
      term: "在庫週数",
      detail:
        request.weeksOfCover === null
          ? "購入見込みが消費を上回るため、在庫は減りません"
          : `${(Math.floor(request.weeksOfCover * 10) / 10).toLocaleString("ja-JP")}週（在庫 ${formatPieces(request.stock)} ÷ 1週間あたり ${formatPieces(net)}）`,
    },
    {
      term: "1週間の消費量・購入見込み量",
      detail: `${formatPieces(request.consumption)}・${formatPieces(request.purchases)}`,
    },
    {
      term: "必要量",
      detail: `${formatPieces(request.needPieces)}（${formatPieces(Math.max(0, net))} × ${run.parameters.thresholdWeeks}週 − 在庫 ${formatPieces(request.stock)}、0未満は0）`,
    },
    { term: "抽選で得たセット", detail: `${formatNumber(lottery)}セット` },
    { term: "承認された上限", detail: formatSets(request.limitSets) },
    { term: "要請コード（公開ファイルでの表記）", detail: request.code },
  ];
}

function tierOrderText(parameters: NonNullable<OwnAllocation["run"]>["parameters"]): string {
  const bands = parameters.coverBandsWeeks.map((w) => `${w}週未満`).join("・");
  return parameters.tierOrder
    .map((criterion) =>
      criterion === "supply_agreement"
        ? "供給協定のある医療機関が先"
        : `在庫週数の短い順（${bands}・それ以上）`,
    )
    .join("、次に");
}
