import { Button, formatJaDateTime, PageHeader } from "@sos/ui";
import { errorMessageJa, LoadFailed, Loading, PageTitle, useTRPC } from "@sos/web";
import { useInfiniteQuery } from "@tanstack/react-query";
import { Link } from "react-router";
import type { SurveyListItem } from "../api-types";
import { SurveyStatusBadge } from "../common/survey-status-badge";
import { surveyPath } from "../paths";
import { SurveyReceiptNote } from "./survey-receipt";

const PAGE_SIZE = 10;

/** 週次調査の一覧: newest week first, this week always on top. */
export function SurveyListPage() {
  const trpc = useTRPC();
  const surveys = useInfiniteQuery(
    trpc.survey.list.infiniteQueryOptions(
      { limit: PAGE_SIZE },
      { getNextPageParam: (page) => page.nextCursor },
    ),
  );
  const items = surveys.data?.pages.flatMap((page) => page.items) ?? [];

  return (
    <div className="sos-stack">
      <PageTitle>週次調査</PageTitle>
      <PageHeader
        title="週次調査"
        description="毎週水曜18時35分以降に、その週の調査が作成されます。回答できるのは今週の調査です。"
      />
      {surveys.data === undefined ? (
        surveys.isError ? (
          <LoadFailed
            title="週次調査の一覧を表示できませんでした"
            error={surveys.error}
            onRetry={() => void surveys.refetch()}
          />
        ) : (
          <Loading>週次調査の一覧を読み込んでいます…</Loading>
        )
      ) : items.length === 0 ? (
        <p className="inst-empty">週次調査はまだありません。</p>
      ) : (
        <>
          <ul className="inst-list" aria-label="週次調査の一覧">
            {items.map((survey) => (
              <SurveyRow key={survey.id} survey={survey} />
            ))}
          </ul>
          {surveys.isFetchNextPageError && (
            <p role="alert" className="inst-error-text">
              続きを読み込めませんでした。{errorMessageJa(surveys.error)}
            </p>
          )}
          {surveys.hasNextPage && (
            <Button
              variant="secondary"
              fullWidth
              loading={surveys.isFetchingNextPage}
              loadingLabel="読み込み中"
              onClick={() => void surveys.fetchNextPage()}
            >
              さらに表示
            </Button>
          )}
        </>
      )}
    </div>
  );
}

function SurveyRow({ survey }: { survey: SurveyListItem }) {
  return (
    <li className="inst-list__item">
      <div className="inst-list__head">
        <Link to={surveyPath(survey.id)} className="inst-list__title">
          {survey.title}
        </Link>
        {survey.isCurrent && <span className="inst-tag">今週</span>}
      </div>
      <div className="inst-status-line">
        <SurveyStatusBadge status={survey.status} />
        {survey.answeredAt && (
          <span className="inst-muted">{formatJaDateTime(new Date(survey.answeredAt))}に回答</span>
        )}
      </div>
      {survey.latestReceipt && <SurveyReceiptNote receipt={survey.latestReceipt} />}
      {survey.isCurrent && survey.status === "unanswered" && (
        <p>緊急配布要請の前に、回答してください。</p>
      )}
    </li>
  );
}
