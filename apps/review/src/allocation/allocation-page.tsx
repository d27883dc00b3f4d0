import { sosDeadline, surveyCreationTime } from "@sos/rules";
import { formatJaDateTime, Notice, PageHeader, Select } from "@sos/ui";
import { LoadFailed, Loading, PageTitle, useTRPC } from "@sos/web";
import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { recentWeeks } from "../progress/week-options";
import { PreviewPanel } from "./preview-panel";
import { RunsPanel } from "./runs-panel";
import { SupplyForm } from "./supply-form";
import "./allocation.css";

/**
 * Issue 17, the ministry's side: when gloves run short, the week's supply per
 * size → preview by the published rule → confirm → commit; past runs replayed.
 */
export function AllocationPage() {
  const trpc = useTRPC();
  const [now] = useState(() => new Date());
  const [weeks] = useState(() => recentWeeks(now));
  const [chosen, setChosen] = useState<string | null>(null);
  // The week to allocate is the newest whose cutoff has passed (this week's is still open).
  const closed = weeks.find(
    (option) => sosDeadline(surveyCreationTime(option.value)).getTime() <= now.getTime(),
  );
  const weekStart = chosen ?? closed?.value ?? weeks[0]?.value ?? "";
  const week = useQuery(trpc.allocation.week.queryOptions({ weekStart }));

  return (
    <div className="sos-stack">
      <PageTitle>供給不足時の割当</PageTitle>
      <PageHeader
        title="供給不足時の割当"
        description="手袋が不足する週は、公開したルールで承認済みの要請にセットを割り当てます。医療機関には割当のセット数と、その計算に使った自機関の数値が表示されます。"
      />
      <Select
        label="対象の週"
        placeholder={null}
        options={weeks}
        value={weekStart}
        onChange={(event) => setChosen(event.currentTarget.value)}
      />
      {week.isPending ? (
        <Loading>この週の割当の状況を読み込んでいます</Loading>
      ) : week.isError ? (
        <LoadFailed
          title="この週の割当を表示できません"
          error={week.error}
          onRetry={() => void week.refetch()}
        />
      ) : (
        <div className="sos-stack" key={weekStart}>
          {week.data.run !== null && (
            <Notice title="この週の割当は確定済みです">
              <p>
                {formatJaDateTime(new Date(week.data.run.committedAt))}
                に確定しました。確定した割当と供給量は変更できません（表示のみ）。下の一覧から再計算して確かめられます。
              </p>
            </Notice>
          )}
          <SupplyForm week={week.data} now={now} />
          {week.data.run === null && <PreviewPanel week={week.data} now={now} />}
        </div>
      )}
      <RunsPanel />
    </div>
  );
}
