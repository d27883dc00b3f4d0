import { Button, buttonClassName, formatNumber } from "@sos/ui";
import { type ReactNode, useId } from "react";
import { pageCountOf, pageRangeText } from "../common/format";

export interface ReviewQueuePaginationProps {
  /** 1-based. */
  page: number;
  pageSize: number;
  total: number;
  onPageChange: (page: number) => void;
  /** Offers a page-size choice when given together with onPageSizeChange. */
  pageSizeOptions?: ReadonlyArray<number> | undefined;
  onPageSizeChange?: ((pageSize: number) => void) | undefined;
}

/**
 * 前へ / 次へ. At either end it is aria-disabled rather than disabled, so the focus
 * of someone paging with it stays on it instead of falling back to the page.
 */
function PagerStep({
  disabled,
  label,
  onClick,
  children,
}: {
  disabled: boolean;
  label: string;
  onClick: () => void;
  children: ReactNode;
}) {
  return (
    <button
      type="button"
      className={buttonClassName({ variant: "tertiary" })}
      aria-label={label}
      aria-disabled={disabled || undefined}
      onClick={() => {
        if (!disabled) onClick();
      }}
    >
      {children}
    </button>
  );
}

/** Pages shown around the current one; the first and last are always offered. */
const WINDOW = 2;

/** The page numbers to offer, with null where a run of pages is left out (…). */
export function pageWindow(page: number, pageCount: number): Array<number | null> {
  const pages: Array<number | null> = [];
  const from = Math.max(2, page - WINDOW);
  const to = Math.min(pageCount - 1, page + WINDOW);
  pages.push(1);
  if (from > 2) pages.push(null);
  for (let n = from; n <= to; n += 1) pages.push(n);
  if (to < pageCount - 1) pages.push(null);
  if (pageCount > 1) pages.push(pageCount);
  return pages;
}

/**
 * 「全 1,234 件中 1〜50 件」 and the way through the pages.
 */
export function ReviewQueuePagination({
  page,
  pageSize,
  total,
  onPageChange,
  pageSizeOptions,
  onPageSizeChange,
}: ReviewQueuePaginationProps) {
  const sizeId = useId();
  const pageCount = pageCountOf(total, pageSize);
  const range = pageRangeText(page, pageSize, total);
  const first = page <= 1;
  const last = page >= pageCount;
  return (
    <div className="sos-pager">
      {/* A status region: where a page turn or a new filter landed is read out, not the first load. */}
      <p className="sos-pager__range" role="status">
        {range}
      </p>
      {pageCount > 1 && (
        <nav className="sos-pager__nav" aria-label="ページ送り">
          <ul className="sos-pager__list">
            <li>
              <PagerStep disabled={first} label="前のページ" onClick={() => onPageChange(page - 1)}>
                <span aria-hidden="true">‹</span> 前へ
              </PagerStep>
            </li>
            {pageWindow(page, pageCount).map((n, index) =>
              n === null ? (
                <li
                  // biome-ignore lint/suspicious/noArrayIndexKey: the gaps have no identity of their own
                  key={`gap-${index}`}
                  className="sos-pager__gap"
                  aria-hidden="true"
                >
                  …
                </li>
              ) : (
                <li key={n}>
                  <Button
                    variant={n === page ? "primary" : "tertiary"}
                    aria-current={n === page ? "page" : undefined}
                    aria-label={`${formatNumber(n)}ページ目`}
                    onClick={() => onPageChange(n)}
                  >
                    {formatNumber(n)}
                  </Button>
                </li>
              ),
            )}
            <li>
              <PagerStep disabled={last} label="次のページ" onClick={() => onPageChange(page + 1)}>
                次へ <span aria-hidden="true">›</span>
              </PagerStep>
            </li>
          </ul>
        </nav>
      )}
      {pageSizeOptions !== undefined && onPageSizeChange !== undefined && (
        <div className="sos-pager__size">
          <label htmlFor={sizeId}>表示件数</label>
          <select
            id={sizeId}
            className="sos-input sos-pager__size-select"
            value={pageSize}
            onChange={(event) => onPageSizeChange(Number(event.currentTarget.value))}
          >
            {pageSizeOptions.map((size) => (
              <option key={size} value={size}>
                {formatNumber(size)}件
              </option>
            ))}
          </select>
        </div>
      )}
    </div>
  );
}
