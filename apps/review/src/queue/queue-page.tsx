import { PREFECTURES, prefectureName } from "@sos/domain";
import { Alert, formatJaDateTime, PageHeader } from "@sos/ui";
import { errorMessageJa, KEEP_FOCUS_STATE, PageTitle, useSignedInUser, useTRPC } from "@sos/web";
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { useEffect, useState } from "react";
import { Link, useHref, useLocation, useNavigate, useSearchParams } from "react-router";
import type { QueueRow } from "../api-types";
import { DeadlineBanner } from "../home/deadline-banner";
import { PATHS, requestPath } from "../paths";
import { decisionFlashOf, decisionTitle } from "../requests/flash";
import { useBatchApproval } from "./batch-approval";
import { useBatchCompletion } from "./batch-completion";
import type { QueueContext } from "./queue-context";
import {
  defaultFiltersFor,
  PAGE_SIZES,
  parseQueueState,
  type QueueState,
  queueInput,
  queueOptionsFor,
  queueSearchParams,
  withFilters,
  withPageSize,
  withSort,
} from "./queue-params";
import { isApprovable, isCompletable, ReviewQueueTable } from "./review-queue-table";

/**
 * The row the keyboard was on, per history entry: coming back from a request (the
 * browser's back button) puts the officer where they left off.
 */
const activeRowByEntry = new Map<string, string>();

/**
 * The review queue: a prefecture officer's requests of their prefecture, or the whole
 * country for the ministry (with per-prefecture filtering and batch approval). Filters,
 * sort and page live in the address.
 */
export function QueuePage() {
  const user = useSignedInUser();
  const ministry = user.role === "ministry";
  const options = queueOptionsFor(user.role);
  const [searchParams, setSearchParams] = useSearchParams();
  const state = parseQueueState(searchParams, options);
  const location = useLocation();
  const navigate = useNavigate();
  const requestsHref = useHref(PATHS.requests);
  const trpc = useTRPC();
  const queue = useQuery(
    trpc.review.queue.queryOptions(queueInput(state), { placeholderData: keepPreviousData }),
  );
  const [activeId, setActiveId] = useState<string | null>(
    () => activeRowByEntry.get(location.key) ?? null,
  );
  const rows = queue.data?.items ?? [];
  const approval = useBatchApproval(rows);
  const completion = useBatchCompletion(rows);
  // The ministry approves several at once; a prefecture officer completes several at once.
  const batch = ministry ? approval : completion;

  const go = (next: QueueState, replace = false) =>
    setSearchParams(queueSearchParams(next, options), {
      replace,
      state: KEEP_FOCUS_STATE,
      preventScrollReset: true,
    });

  // A page past the end (rows decided meanwhile, an old link): show the last one instead.
  const pageCount = queue.data?.pageCount;
  const stalePage = pageCount !== undefined && !queue.isPlaceholderData && state.page > pageCount;
  useEffect(() => {
    if (stalePage && pageCount !== undefined) go({ ...state, page: pageCount }, true);
  });

  useReturnFocus(activeId, rows.length > 0 && !queue.isPlaceholderData);

  const open = (row: QueueRow) => {
    activeRowByEntry.set(location.key, row.id);
    const context: QueueContext = {
      search: location.search,
      page: state.page,
      ids: rows.map((item) => item.id),
      done: [],
    };
    void navigate(requestPath(row.id), { state: { reviewQueue: context } });
  };

  const prefecture =
    user.prefectureCode === null ? null : (prefectureName(user.prefectureCode) ?? null);
  const title = ministry ? "要請の確認・承認" : "確認待ちの要請";
  const filtered = searchParams.size > 0;

  return (
    <div className="sos-stack rev-wide">
      <PageTitle>{title}</PageTitle>
      <PageHeader
        title={title}
        description={
          ministry
            ? "都道府県が確認を完了した要請（国確認中）を確認し、承認します。チェックした要請はまとめて承認できます。"
            : `${prefecture ?? "管内"}の医療機関からの要請です。配送要否と数量を入力し、原則として木曜17時までに確認を完了してください。チェックした要請はまとめて確認を完了できます。`
        }
        actions={
          ministry ? (
            <Link to={PATHS.progress} className="sos-web-back-link">
              都道府県別の進捗状況
            </Link>
          ) : undefined
        }
      />
      <QueueFlash />
      <DeadlineBanner />
      {batch.result}
      <ReviewQueueTable
        caption={ministry ? "全国の要請" : `${prefecture ?? "管内"}の要請`}
        rows={rows}
        total={queue.data?.total ?? 0}
        page={state.page}
        pageSize={state.pageSize}
        onPageChange={(page) => go({ ...state, page })}
        pageSizeOptions={PAGE_SIZES}
        onPageSizeChange={(size) => go(withPageSize(state, size))}
        sort={state.sort}
        onSortChange={(sort) => go(withSort(state, sort))}
        filters={state.filters}
        onFiltersChange={(filters) => go(withFilters(state, filters))}
        defaultFilters={defaultFiltersFor(options)}
        prefectures={ministry ? PREFECTURES : undefined}
        rowHref={(row) => `${requestsHref}/${row.id}`}
        onOpen={(row) => {
          const found = rows.find((item) => item.id === row.id);
          if (found) open(found);
        }}
        activeId={activeId}
        onActiveIdChange={(id) => {
          setActiveId(id);
          activeRowByEntry.set(location.key, id);
        }}
        loading={queue.isFetching && (queue.isPlaceholderData || queue.data === undefined)}
        error={
          queue.isError ? `要請の一覧を表示できませんでした。${errorMessageJa(queue.error)}` : null
        }
        onRetry={() => void queue.refetch()}
        emptyMessage={
          filtered
            ? "条件に一致する要請はありません。"
            : ministry
              ? "国確認待ちの要請はありません。"
              : "確認待ちの要請はありません。"
        }
        selectedIds={batch.selectedIds}
        onSelectionChange={batch.select}
        canSelect={ministry ? isApprovable : isCompletable}
        selectionPurpose={ministry ? "approve" : "complete"}
      />
      {batch.bar}
    </div>
  );
}

/** Said once, after the last request of the officer's run was decided. */
function QueueFlash() {
  const location = useLocation();
  const navigate = useNavigate();
  const [flash] = useState(() => decisionFlashOf(location.state));
  const [done] = useState(() => queueDoneOf(location.state));
  // Once, on arrival: a reload must not repeat it.
  // biome-ignore lint/correctness/useExhaustiveDependencies: only the arrival state matters
  useEffect(() => {
    if (flash !== null) {
      void navigate(`${location.pathname}${location.search}`, {
        replace: true,
        preventScrollReset: true,
        state: KEEP_FOCUS_STATE,
      });
    }
  }, []);
  if (flash === null) return null;
  return (
    <Alert tone="success" title={decisionTitle(flash)}>
      {flash.noticeAt !== undefined && (
        <p>医療機関には {formatJaDateTime(new Date(flash.noticeAt))} 以降にメールで連絡します。</p>
      )}
      {done && <p>この一覧で、確認を待っている要請は以上です。</p>}
    </Alert>
  );
}

function queueDoneOf(state: unknown): boolean {
  return (
    typeof state === "object" && state !== null && "queueDone" in state && state.queueDone === true
  );
}

/** Back on the queue from a request: the keyboard continues from the row it was on. */
function useReturnFocus(activeId: string | null, ready: boolean) {
  const [pending, setPending] = useState(activeId !== null);
  useEffect(() => {
    if (!pending || !ready || activeId === null) return;
    setPending(false);
    // After the page's own focus handling (the heading), which runs in a parent's effect.
    const timer = setTimeout(() => {
      document
        .querySelector<HTMLElement>(`[data-row-id="${CSS.escape(activeId)}"] .sos-queue__open`)
        ?.focus();
    }, 0);
    return () => clearTimeout(timer);
  }, [pending, ready, activeId]);
}
