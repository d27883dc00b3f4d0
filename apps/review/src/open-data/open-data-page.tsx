import { PageHeader } from "@sos/ui";
import { LoadFailed, Loading, PageTitle, useTRPC } from "@sos/web";
import { useQuery } from "@tanstack/react-query";
import { AllocationWeeks } from "./allocation-weeks";
import { FiguresList } from "./figures-list";
import { RuleText } from "./rule-text";
import "./open-data.css";

/**
 * The public page (issue 17 #2, #3, #6), no sign-in: the allocation rule;
 * per week its seed commitment before the cutoff, then the seed and the
 * run's files to recompute it; and the open weekly figures with past weeks.
 */
export function OpenDataPage() {
  const trpc = useTRPC();
  const allocation = useQuery(trpc.openData.allocation.queryOptions());
  const figures = useQuery(trpc.openData.figures.queryOptions());

  return (
    <div className="sos-stack">
      <PageTitle>公開情報（供給不足時の割当・週次集計）</PageTitle>
      <PageHeader
        title="公開情報（供給不足時の割当・週次集計）"
        description="医療用手袋の供給が要望に足りない週の割当ルール、抽選シード、割当の再計算用ファイル、毎週の集計を公開しています。ログインせずに閲覧・ダウンロードできます。"
      />
      <section className="sos-stack" aria-labelledby="open-weeks">
        <h2 id="open-weeks">週ごとの抽選シードと割当</h2>
        {allocation.isPending ? (
          <Loading>割当の公開情報を読み込んでいます</Loading>
        ) : allocation.isError ? (
          <LoadFailed
            title="割当の公開情報を表示できません"
            error={allocation.error}
            onRetry={() => void allocation.refetch()}
          />
        ) : (
          <AllocationWeeks weeks={allocation.data.weeks} />
        )}
      </section>
      <section className="sos-stack" aria-labelledby="open-figures">
        <h2 id="open-figures">週次集計（オープンデータ）</h2>
        {figures.isPending ? (
          <Loading>週次集計を読み込んでいます</Loading>
        ) : figures.isError ? (
          <LoadFailed
            title="週次集計を表示できません"
            error={figures.error}
            onRetry={() => void figures.refetch()}
          />
        ) : (
          <FiguresList figures={figures.data} />
        )}
      </section>
      <section className="sos-stack" aria-labelledby="open-rule">
        <h2 id="open-rule">
          割当ルール{allocation.data ? `（${allocation.data.rule.version}）` : ""}
        </h2>
        {allocation.data && <RuleText markdown={allocation.data.rule.textJa} />}
      </section>
    </div>
  );
}
