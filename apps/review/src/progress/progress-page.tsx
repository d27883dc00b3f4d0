import { PageHeader, Select } from "@sos/ui";
import { KEEP_FOCUS_STATE, LoadFailed, Loading, PageTitle, useTRPC } from "@sos/web";
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { useHref, useNavigate, useSearchParams } from "react-router";
import { PATHS } from "../paths";
import { queueOptionsFor, queueSearch, queueWith } from "../queue/queue-params";
import { ProgressSummary } from "./progress-summary";
import { recentWeeks } from "./week-options";

const MINISTRY_QUEUE = queueOptionsFor("ministry");

/** The queue of one prefecture, every stage: where its numbers come from. */
export function prefectureQueuePath(prefectureCode: number): string {
  return `${PATHS.requests}${queueSearch(queueWith(MINISTRY_QUEUE, { prefectureCode, stage: null }), MINISTRY_QUEUE)}`;
}

/** The ministry's view of a round: per prefecture, how far the review has got. */
export function ProgressPage() {
  const trpc = useTRPC();
  const navigate = useNavigate();
  const [searchParams, setSearchParams] = useSearchParams();
  const [weeks] = useState(() => recentWeeks(new Date()));
  const asked = searchParams.get("week");
  const week = weeks.find((option) => option.value === asked)?.value ?? null;
  const progress = useQuery(
    trpc.review.ministryProgress.queryOptions(week === null ? undefined : { weekStart: week }, {
      placeholderData: keepPreviousData,
    }),
  );
  const requestsHref = useHref(PATHS.requests);

  return (
    <div className="sos-stack rev-wide">
      <PageTitle>進捗状況</PageTitle>
      <PageHeader
        title="進捗状況"
        description="都道府県ごとの、要請の件数と確認の進み具合です。都道府県名から、その都道府県の要請の一覧を開けます。"
      />
      <div className="rev-inline-form">
        <Select
          label="対象の週"
          placeholder="現在確認中の週"
          options={weeks}
          value={week ?? ""}
          onChange={(event) => {
            const value = event.currentTarget.value;
            setSearchParams(value === "" ? {} : { week: value }, {
              state: KEEP_FOCUS_STATE,
              preventScrollReset: true,
            });
          }}
        />
      </div>
      {progress.data === undefined ? (
        progress.isError ? (
          <LoadFailed
            title="進捗状況を表示できませんでした"
            error={progress.error}
            onRetry={() => void progress.refetch()}
          />
        ) : (
          <Loading>進捗状況を読み込んでいます…</Loading>
        )
      ) : (
        <ProgressSummary
          rows={progress.data.prefectures}
          totals={progress.data.totals}
          weekTitle={progress.data.weekTitle}
          prefectureHref={(code) =>
            `${requestsHref}${prefectureQueuePath(code).slice(PATHS.requests.length)}`
          }
          onSelectPrefecture={(code) => void navigate(prefectureQueuePath(code))}
        />
      )}
    </div>
  );
}
