import { formatJaDateTime, PageHeader, StatusBadge } from "@sos/ui";
import { KEEP_FOCUS_STATE, PageTitle, RouterLinkButton, useTRPC } from "@sos/web";
import { useInfiniteQuery } from "@tanstack/react-query";
import { Link, useSearchParams } from "react-router";
import type { SosListItem } from "../api-types";
import { PagedList } from "../common/paged-list";
import { PATHS, requestPath } from "../paths";
import { DeletedNotice } from "./delete-request";
import {
  EMPTY_VIEW_MESSAGES,
  LIST_VIEW_LABELS,
  LIST_VIEWS,
  type ListView,
  listViewOf,
} from "./list-views";

const PAGE_SIZE = 20;

/** 緊急配布要請の一覧, in three views; the view is in the address so it survives a reload. */
export function RequestListPage() {
  const [searchParams] = useSearchParams();
  const view = listViewOf(searchParams.get("view"));
  const trpc = useTRPC();
  const requests = useInfiniteQuery(
    trpc.sos.list.infiniteQueryOptions(
      { view, limit: PAGE_SIZE },
      { getNextPageParam: (page) => page.nextCursor },
    ),
  );

  return (
    <div className="sos-stack">
      <PageTitle>緊急配布要請</PageTitle>
      <PageHeader
        title="緊急配布要請"
        description="締切は毎週水曜17時です。「新規」で作成・保存したあと、「システムチェック&申請」を行うと要請が完了します。"
        actions={<RouterLinkButton to={PATHS.newRequest}>新規</RouterLinkButton>}
      />
      <DeletedNotice />
      <ViewTabs current={view} />
      <section aria-label={`${LIST_VIEW_LABELS[view]}の一覧`} className="sos-stack">
        <PagedList
          query={requests}
          name="緊急配布要請の一覧"
          empty={EMPTY_VIEW_MESSAGES[view]}
          row={(request) => <RequestRow key={request.id} request={request} view={view} />}
        />
      </section>
    </div>
  );
}

/** The views as links: each has its own address, and Tab and Enter are all it takes. */
function ViewTabs({ current }: { current: ListView }) {
  return (
    <nav aria-label="一覧の表示" className="inst-tabs">
      <ul className="inst-tabs__list">
        {LIST_VIEWS.map((view) => (
          <li key={view}>
            <Link
              to={view === "all" ? PATHS.requests : `${PATHS.requests}?view=${view}`}
              className="inst-tabs__tab"
              aria-current={view === current ? "page" : undefined}
              replace
              preventScrollReset
              state={KEEP_FOCUS_STATE}
            >
              {LIST_VIEW_LABELS[view]}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}

function RequestRow({ request, view }: { request: SosListItem; view: ListView }) {
  return (
    <li className="inst-list__item">
      <div className="inst-list__head">
        <Link to={requestPath(request.id)} className="inst-list__title">
          {request.weekTitle}の要請
        </Link>
      </div>
      <div className="inst-status-line">
        <StatusBadge status={request.status} />
      </div>
      <dl className="inst-row-facts">
        <div>
          <dt>担当者</dt>
          <dd>{request.contactName}</dd>
        </div>
        <div>
          <dt>{request.appliedAt ? "申請日時" : "作成日時"}</dt>
          <dd>{formatJaDateTime(new Date(request.appliedAt ?? request.createdAt))}</dd>
        </div>
        {view === "recent" && request.viewedAt && (
          <div>
            <dt>最終参照</dt>
            <dd>{formatJaDateTime(new Date(request.viewedAt))}</dd>
          </div>
        )}
      </dl>
      {request.lateNote && <p className="inst-late">{request.lateNote}</p>}
    </li>
  );
}
