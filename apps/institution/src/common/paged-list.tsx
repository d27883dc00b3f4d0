import { Button } from "@sos/ui";
import { errorMessageJa, LoadFailed, Loading } from "@sos/web";
import type { ReactNode } from "react";

/** What PagedList reads of an infinite query whose pages hold items. */
export interface PagedQuery<Item> {
  data: { pages: ReadonlyArray<{ items: ReadonlyArray<Item> }> } | undefined;
  error: unknown;
  isError: boolean;
  isFetchNextPageError: boolean;
  hasNextPage: boolean;
  isFetchingNextPage: boolean;
  refetch: () => Promise<unknown>;
  fetchNextPage: () => Promise<unknown>;
}

export interface PagedListProps<Item> {
  query: PagedQuery<Item>;
  /** The list's name in the loading and failure texts, e.g. 週次調査の一覧. */
  name: string;
  empty: string;
  "aria-label"?: string;
  /** One <li> of the list. */
  row: (item: Item) => ReactNode;
}

/** A list read a page at a time: loading, failure, empty, then 「さらに表示」 while more remain. */
export function PagedList<Item>({
  query,
  name,
  empty,
  "aria-label": ariaLabel,
  row,
}: PagedListProps<Item>) {
  if (query.data === undefined) {
    return query.isError ? (
      <LoadFailed
        title={`${name}を表示できませんでした`}
        error={query.error}
        onRetry={() => void query.refetch()}
      />
    ) : (
      <Loading>{`${name}を読み込んでいます…`}</Loading>
    );
  }
  const items = query.data.pages.flatMap((page) => page.items);
  if (items.length === 0) return <p className="inst-empty">{empty}</p>;
  return (
    <>
      <ul className="inst-list" aria-label={ariaLabel}>
        {items.map(row)}
      </ul>
      {query.isFetchNextPageError && (
        <p role="alert" className="inst-error-text">
          続きを読み込めませんでした。{errorMessageJa(query.error)}
        </p>
      )}
      {query.hasNextPage && (
        <Button
          variant="secondary"
          fullWidth
          loading={query.isFetchingNextPage}
          loadingLabel="読み込み中"
          onClick={() => void query.fetchNextPage()}
        >
          さらに表示
        </Button>
      )}
    </>
  );
}
