import { formatJaDateTime, PageHeader } from "@sos/ui";
import { PageTitle, useTRPC } from "@sos/web";
import { useInfiniteQuery } from "@tanstack/react-query";
import { Link } from "react-router";
import type { SurveyListItem } from "../api-types";
import { PagedList } from "../common/paged-list";
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

  return (
    <div className="sos-stack">
      <PageTitle>週次調査</PageTitle>
      <PageHeader
        title="週次調査"
        description="毎週水曜18時35分以降に、その週の調査が作成されます。回答できるのは今週の調査です。"
      />
      <PagedList
        query={surveys}
        name="週次調査の一覧"
        empty="週次調査はまだありません。"
        aria-label="週次調査の一覧"
        row={(survey) => <SurveyRow key={survey.id} survey={survey} />}
      />
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
