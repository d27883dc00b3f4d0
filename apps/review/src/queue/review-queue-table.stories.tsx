import { PREFECTURES } from "@sos/domain";
import { contrastRatio } from "@sos/ui/testing";
import type { Meta, StoryObj } from "@storybook/react-vite";
import { useState } from "react";
import { expect, fn, userEvent, waitFor, within } from "storybook/test";
import type { QueueRow } from "../api-types";
import { dateBoxes, typeDate } from "../stories/date-field";
import { makeQueue, makeQueueRow, serveQueue } from "../stories/queue-fixtures";
import { BatchApproveBar, batchItemsOf } from "./batch-approve-bar";
import { DEFAULT_FILTERS, type QueueFilters, type QueueSort } from "./queue-params";
import { isApprovable, ReviewQueueTable, type ReviewQueueTableProps } from "./review-queue-table";

const CAPTION = "確認待ちの要請";
const QUEUE = makeQueue(1234);

interface HarnessProps extends ReviewQueueTableProps {
  all: readonly QueueRow[];
  ministry?: boolean;
  onApprove?: () => Promise<void>;
}

/** The app's part, played in memory: review.queue paging, sorting and filtering. */
function QueueHarness({ all, ministry = false, onApprove, ...args }: HarnessProps) {
  const [filters, setFilters] = useState<QueueFilters>(DEFAULT_FILTERS);
  const [sort, setSort] = useState<QueueSort>(args.sort);
  const [page, setPage] = useState(args.page);
  const [pageSize, setPageSize] = useState(args.pageSize);
  const [selected, setSelected] = useState<ReadonlySet<string>>(new Set());
  const { rows, total } = serveQueue(all, { filters, sort, page, pageSize });
  const selectedRows = all.filter((row) => selected.has(row.id));
  return (
    <>
      <ReviewQueueTable
        {...args}
        rows={rows}
        total={total}
        page={page}
        pageSize={pageSize}
        pageSizeOptions={[20, 50, 100]}
        onPageSizeChange={(size) => {
          setPageSize(size);
          setPage(1);
        }}
        onPageChange={(next) => {
          args.onPageChange(next);
          setPage(next);
        }}
        sort={sort}
        onSortChange={(next) => {
          args.onSortChange(next);
          setSort(next);
          setPage(1);
        }}
        filters={filters}
        onFiltersChange={(next) => {
          args.onFiltersChange?.(next);
          setFilters(next);
          setPage(1);
        }}
        prefectures={ministry ? PREFECTURES : undefined}
        selectedIds={ministry ? selected : undefined}
        onSelectionChange={ministry ? setSelected : undefined}
      />
      {ministry && onApprove !== undefined && (
        <BatchApproveBar
          items={batchItemsOf(selectedRows)}
          onApprove={async () => {
            await onApprove();
            setSelected(new Set());
          }}
          onClear={() => setSelected(new Set())}
        />
      )}
    </>
  );
}

const meta = {
  title: "部品/審査/ReviewQueueTable",
  component: ReviewQueueTable,
  args: {
    caption: CAPTION,
    rows: [],
    total: 0,
    page: 1,
    pageSize: 50,
    sort: { key: "appliedAt", dir: "asc" },
    onPageChange: fn(),
    onSortChange: fn(),
    onFiltersChange: fn(),
    onOpen: fn(),
    rowHref: (row: QueueRow) => `/review/requests/${row.id}`,
  },
  parameters: { layout: "fullscreen" },
  decorators: [
    (Story) => (
      <div style={{ padding: "16px" }}>
        <Story />
      </div>
    ),
  ],
} satisfies Meta<typeof ReviewQueueTable>;

export default meta;
type Story = StoryObj<typeof meta>;

/**
 * A prefecture's queue of 1,234 requests, 50 a page. j/k and the arrows move between
 * rows, only the current row is in the Tab order, Enter opens it.
 */
export const PrefectureQueue: Story = {
  render: (args) => <QueueHarness {...args} all={QUEUE} />,
  play: async ({ args, canvas }) => {
    await expect(canvas.getByText("全 1,234 件中 1〜50 件")).toBeVisible();
    await expect(canvas.getByText("キーボード操作：")).toBeVisible();
    // The prefecture's own view has no prefecture column and no selection.
    await expect(canvas.queryByRole("columnheader", { name: "都道府県" })).toBeNull();
    await expect(canvas.queryByRole("checkbox", { name: /を選択$/ })).toBeNull();

    const table = canvas.getByRole("table", { name: CAPTION });
    const rows = within(table).getAllByRole("row").slice(1);
    await expect(rows).toHaveLength(50);
    const links = rows.map((row) => within(row).getAllByRole("link")[0] as HTMLElement);
    // Roving tabindex: one row reachable by Tab, the others by the keys.
    await expect(links[0]).toHaveAttribute("tabindex", "0");
    await expect(links[1]).toHaveAttribute("tabindex", "-1");

    canvas.getByRole("region", { name: CAPTION }).focus();
    await userEvent.keyboard("j");
    await expect(links[0]).toHaveFocus();
    await userEvent.keyboard("j");
    await expect(links[1]).toHaveFocus();
    await expect(rows[1]).toHaveAttribute("data-active", "true");
    await expect(links[1]).toHaveAttribute("tabindex", "0");
    await expect(links[0]).toHaveAttribute("tabindex", "-1");
    await userEvent.keyboard("{ArrowDown}{ArrowDown}");
    await expect(links[3]).toHaveFocus();
    await userEvent.keyboard("k");
    await expect(links[2]).toHaveFocus();
    await userEvent.keyboard("{ArrowUp}");
    await expect(links[1]).toHaveFocus();
    await userEvent.keyboard("{End}");
    await expect(links[49]).toHaveFocus();
    // No wrapping past the last row.
    await userEvent.keyboard("j");
    await expect(links[49]).toHaveFocus();
    await userEvent.keyboard("{Home}");
    await expect(links[0]).toHaveFocus();
    await userEvent.keyboard("j");

    // Enter opens the row it is on.
    await userEvent.keyboard("{Enter}");
    const opened = (args.onOpen as ReturnType<typeof fn>).mock.calls.at(-1)?.[0] as
      | QueueRow
      | undefined;
    await expect(opened?.institution.name).toBe(links[1]?.textContent);
    await expect(links[1]).toHaveAttribute("href", `/review/requests/${opened?.id}`);
  },
};

/**
 * The letters work from the page, not only once the table has the focus: j brings the
 * keyboard into the rows, Enter on the page opens the current one; a letter typed in a
 * field stays a letter.
 */
export const ShortcutsFromThePage: Story = {
  render: (args) => <QueueHarness {...args} all={QUEUE} />,
  play: async ({ args, canvas, canvasElement }) => {
    const table = canvas.getByRole("table", { name: CAPTION });
    const links = within(table)
      .getAllByRole("row")
      .slice(1)
      .map((row) => within(row).getAllByRole("link")[0] as HTMLElement);
    const search = within(canvas.getByRole("search", { name: "要請の絞り込み" }));
    const name = search.getByRole("searchbox", { name: /医療機関名・コード/ });

    // Typing in a field: j and k are letters, Enter is the field's.
    await userEvent.click(name);
    await userEvent.keyboard("jk");
    await expect(name).toHaveValue("jk");
    await expect(name).toHaveFocus();
    await userEvent.clear(name);

    // Nothing in focus (the page itself): j enters the rows, then moves.
    (document.activeElement as HTMLElement | null)?.blur();
    await expect(canvasElement.ownerDocument.activeElement).toBe(canvasElement.ownerDocument.body);
    await userEvent.keyboard("j");
    await expect(links[0]).toHaveFocus();
    await userEvent.keyboard("j");
    await expect(links[1]).toHaveFocus();

    // Back on the page, Enter opens the row the table is on.
    (document.activeElement as HTMLElement | null)?.blur();
    await userEvent.keyboard("{Enter}");
    const opened = (args.onOpen as ReturnType<typeof fn>).mock.calls.at(-1)?.[0] as
      | QueueRow
      | undefined;
    await expect(opened?.institution.name).toBe(links[1]?.textContent);
  },
};

/** n and p turn the page from the keyboard; the new page's first row takes the focus. */
export const KeyboardPaging: Story = {
  render: (args) => <QueueHarness {...args} all={QUEUE} pageSize={20} />,
  args: { pageSize: 20 },
  play: async ({ args, canvas }) => {
    await expect(canvas.getByText("全 1,234 件中 1〜20 件")).toBeVisible();
    canvas.getByRole("region", { name: CAPTION }).focus();
    await userEvent.keyboard("j");
    await userEvent.keyboard("n");
    await expect(args.onPageChange).toHaveBeenLastCalledWith(2);
    await expect(canvas.getByText("全 1,234 件中 21〜40 件")).toBeVisible();
    const table = canvas.getByRole("table", { name: CAPTION });
    const firstLink = within(within(table).getAllByRole("row")[1] as HTMLElement).getAllByRole(
      "link",
    )[0];
    await waitFor(() => expect(firstLink).toHaveFocus());
    await userEvent.keyboard("p");
    await expect(args.onPageChange).toHaveBeenLastCalledWith(1);
    await expect(canvas.getByText("全 1,234 件中 1〜20 件")).toBeVisible();
    // p on the first page stays put.
    await userEvent.keyboard("p");
    await expect(args.onPageChange).toHaveBeenCalledTimes(2);

    // The pager: the current page is marked, the last page is offered.
    const pager = canvas.getByRole("navigation", { name: "ページ送り" });
    await expect(within(pager).getByRole("button", { name: "1ページ目" })).toHaveAttribute(
      "aria-current",
      "page",
    );
    await userEvent.click(within(pager).getByRole("button", { name: "62ページ目" }));
    await expect(canvas.getByText("全 1,234 件中 1,221〜1,234 件")).toBeVisible();
    const next = within(pager).getByRole("button", { name: "次のページ" });
    await expect(next).toHaveAttribute("aria-disabled", "true");
  },
};

/** Sorting is the server's: the header says the order (aria-sort) and asks for the next. */
export const Sorting: Story = {
  render: (args) => <QueueHarness {...args} all={QUEUE} />,
  play: async ({ args, canvas }) => {
    const filed = canvas.getByRole("columnheader", { name: /申請日時/ });
    await expect(filed).toHaveAttribute("aria-sort", "ascending");
    const cover = canvas.getByRole("columnheader", { name: /在庫週数/ });
    await expect(cover).not.toHaveAttribute("aria-sort");

    await userEvent.click(within(cover).getByRole("button"));
    await expect(args.onSortChange).toHaveBeenLastCalledWith({ key: "weeksOfCover", dir: "asc" });
    await expect(cover).toHaveAttribute("aria-sort", "ascending");
    await expect(filed).not.toHaveAttribute("aria-sort");
    await userEvent.click(within(cover).getByRole("button"));
    await expect(cover).toHaveAttribute("aria-sort", "descending");

    // The limit sorts largest first on the first click.
    const limit = canvas.getByRole("columnheader", { name: /購入上限/ });
    await userEvent.click(within(limit).getByRole("button"));
    await expect(args.onSortChange).toHaveBeenLastCalledWith({ key: "limitSets", dir: "desc" });
    const table = canvas.getByRole("table", { name: CAPTION });
    const firstRow = within(table).getAllByRole("row")[1] as HTMLElement;
    const largest = Math.max(...QUEUE.map((row) => row.limitSets));
    await expect(firstRow).toHaveTextContent(`${largest.toLocaleString("ja-JP")}セット`);
  },
};

/** The filter bar applies on 「絞り込む」; a reversed date range is refused at the field. */
export const Filtering: Story = {
  render: (args) => <QueueHarness {...args} all={QUEUE} />,
  play: async ({ args, canvas }) => {
    const bar = canvas.getByRole("search", { name: "要請の絞り込み" });
    await userEvent.click(
      within(bar).getByRole("checkbox", { name: /締切（水曜17時）後の申請のみ/ }),
    );
    await userEvent.selectOptions(within(bar).getByRole("combobox", { name: "状態" }), "国確認中");
    // Nothing is fetched until the set is applied.
    await expect(args.onFiltersChange).not.toHaveBeenCalled();
    await userEvent.click(within(bar).getByRole("button", { name: "絞り込む" }));
    await expect(args.onFiltersChange).toHaveBeenLastCalledWith({
      ...DEFAULT_FILTERS,
      status: "reviewing",
      stage: "ministry",
      late: true,
    });
    const expected = QUEUE.filter((row) => row.late && row.reviewStage === "ministry").length;
    await expect(
      canvas.getByText(`全 ${expected} 件中 1〜${Math.min(expected, 50)} 件`),
    ).toBeVisible();
    for (const tag of canvas.getAllByText("締切後")) await expect(tag).toBeVisible();

    await typeDate(bar, "開始日", "2026-12-01");
    await typeDate(bar, "終了日", "2026-11-26");
    const to = dateBoxes(bar, "終了日").year;
    await userEvent.click(within(bar).getByRole("button", { name: "絞り込む" }));
    await expect(to).toHaveAttribute("aria-invalid", "true");
    await expect(to).toHaveFocus();
    await expect(
      canvas.getByText("申請日の範囲が正しくありません（開始日が終了日より後です）"),
    ).toBeVisible();
    await expect(args.onFiltersChange).toHaveBeenCalledTimes(1);

    await userEvent.click(within(bar).getByRole("button", { name: "条件をクリア" }));
    await expect(args.onFiltersChange).toHaveBeenLastCalledWith(DEFAULT_FILTERS);
    await expect(canvas.getByText("全 1,234 件中 1〜50 件")).toBeVisible();
  },
};

/**
 * The ministry's queue: a prefecture column and filter, and selection for batch
 * approval. x selects the current row; only 国確認中 rows can be selected.
 */
export const MinistryBatchSelection: Story = {
  render: (args) => <QueueHarness {...args} all={QUEUE} ministry onApprove={fn(async () => {})} />,
  play: async ({ canvas }) => {
    await expect(canvas.getByRole("columnheader", { name: "都道府県" })).toBeVisible();
    await expect(canvas.getByRole("combobox", { name: "都道府県" })).toBeVisible();
    const table = canvas.getByRole("table", { name: CAPTION });
    const rows = within(table).getAllByRole("row").slice(1);
    const pageRows = serveQueue(QUEUE, {
      filters: DEFAULT_FILTERS,
      sort: { key: "appliedAt", dir: "asc" },
      page: 1,
      pageSize: 50,
    }).rows;
    const approvable = pageRows.map(isApprovable);
    const firstApprovable = approvable.indexOf(true);
    const firstBlocked = approvable.indexOf(false);

    canvas.getByRole("region", { name: CAPTION }).focus();
    await userEvent.keyboard("j");
    for (let i = 0; i < firstApprovable; i += 1) await userEvent.keyboard("j");
    await userEvent.keyboard("x");
    const checkbox = within(rows[firstApprovable] as HTMLElement).getByRole("checkbox");
    await expect(checkbox).toBeChecked();
    const bar = canvas.getByRole("region", { name: "選択した要請の一括承認" });
    await expect(bar).toHaveTextContent("1件を選択中");
    // x again clears it, and the bar goes away.
    await userEvent.keyboard("x");
    await expect(checkbox).not.toBeChecked();
    await expect(canvas.queryByRole("region", { name: "選択した要請の一括承認" })).toBeNull();

    // A row still with the prefecture cannot be selected.
    await userEvent.keyboard("{Home}");
    for (let i = 0; i < firstBlocked; i += 1) await userEvent.keyboard("j");
    await userEvent.keyboard("x");
    await expect(within(rows[firstBlocked] as HTMLElement).getByRole("checkbox")).toBeDisabled();
    await expect(within(rows[firstBlocked] as HTMLElement).getByRole("checkbox")).not.toBeChecked();

    // 「このページをすべて選択」 takes every approvable row of the page.
    await userEvent.click(
      canvas.getByRole("checkbox", { name: "このページの承認できる要請をすべて選択" }),
    );
    const count = approvable.filter(Boolean).length;
    const sets = pageRows
      .filter(isApprovable)
      .reduce((sum, row) => sum + (row.prefectureReview.quantitySets ?? row.limitSets), 0);
    await expect(canvas.getByRole("region", { name: "選択した要請の一括承認" })).toHaveTextContent(
      `${count}件を選択中`,
    );
    await expect(canvas.getByRole("region", { name: "選択した要請の一括承認" })).toHaveTextContent(
      `合計 ${sets.toLocaleString("ja-JP")}セット`,
    );
    await expect(canvas.getByRole("button", { name: `${count}件を承認` })).toBeVisible();
  },
};

/** Japanese edge cases: long names, huge figures, no figures, late, returned, sanctioned. */
export const EdgeCases: Story = {
  args: {
    total: 6,
    rows: [
      makeQueueRow(0, {
        institution: {
          name: "医療法人社団　東京中央記念病院附属みなとみらい在宅医療支援センター（旧・横浜港北ニュータウン訪問看護ステーション）",
          code: "1312345678",
          typeLabel: "訪問看護事業所",
          prefectureName: "神奈川県",
        },
        figures: { stock: 2000, consumption: 1000, purchases: 400 },
        assessment: {
          eligible: true,
          weeklyShortfall: 600,
          monthlyShortfall: 2400,
          limitSets: 2,
          limitPieces: 2000,
        },
        limitSets: 2,
        weeksOfCover: 2000 / 600,
      }),
      makeQueueRow(1, {
        figures: { stock: 12_345_678, consumption: 9_999_999, purchases: 0 },
        assessment: {
          eligible: true,
          weeklyShortfall: 9_999_999,
          monthlyShortfall: 39_999_996,
          limitSets: 20_000,
          limitPieces: 20_000_000,
        },
        limitSets: 20_000,
        weeksOfCover: 1.2345679,
        prefectureReview: { state: "completed", quantitySets: 25_000 },
      }),
      makeQueueRow(2, { figures: null, assessment: null, weeksOfCover: null, limitSets: 0 }),
      makeQueueRow(3, {
        figures: { stock: 100, consumption: 1000, purchases: 1200 },
        assessment: {
          eligible: false,
          weeklyShortfall: -200,
          monthlyShortfall: -800,
          limitSets: 0,
          limitPieces: 0,
        },
        limitSets: 0,
        weeksOfCover: null,
        prefectureReview: { state: "none", quantitySets: null },
      }),
      makeQueueRow(5, { late: true, handleFrom: "2026-12-03", weeksOfCover: 0.4, returned: true }),
      makeQueueRow(6, {
        status: "accepted",
        reviewStage: null,
        approvedSets: 3,
        sanctioned: true,
      }),
    ],
  },
  play: async ({ canvas }) => {
    const table = canvas.getByRole("table", { name: CAPTION });
    const rows = within(table).getAllByRole("row").slice(1) as HTMLElement[];
    await expect(rows[0]).toHaveTextContent("1312345678");
    // The manual's worked example: 2,000 < (1,000 − 400) × 4.
    await expect(rows[0]).toHaveTextContent("2,000 ＜ 600×4");
    await expect(rows[0]).toHaveTextContent("3.3週");
    await expect(rows[1]).toHaveTextContent("12,345,678");
    await expect(rows[1]).toHaveTextContent("12,345,678 ＜ 9,999,999×4");
    await expect(rows[1]).toHaveTextContent("20,000セット");
    await expect(rows[1]).toHaveTextContent("上限超");
    await expect(rows[1]).toHaveTextContent("1.2週");
    await expect(rows[2]).toHaveTextContent("未判定");
    await expect(rows[3]).toHaveTextContent("購入 ≧ 消費");
    await expect(rows[3]).toHaveTextContent("在庫は減らない見込み");
    await expect(rows[4]).toHaveTextContent("締切後");
    await expect(rows[4]).toHaveTextContent("12月3日（木）から対応");
    await expect(rows[4]).toHaveTextContent("0.4週（1週間以内に在庫切れの見込み）");
    await expect(rows[4]).toHaveTextContent("差戻しあり");
    await expect(rows[5]).toHaveTextContent("受付完了");
    await expect(rows[5]).toHaveTextContent("承認 3セット");
    await expect(rows[5]).toHaveTextContent("措置中");
    await expect(canvas.getByText("全 6 件中 1〜6 件")).toBeVisible();
    // One page: no pager buttons.
    await expect(canvas.queryByRole("navigation", { name: "ページ送り" })).toBeNull();
  },
};

/** On a phone the table scrolls inside its own region; the page never scrolls sideways. */
export const Phone: Story = {
  args: { rows: makeQueue(5), total: 5 },
  decorators: [
    (Story) => (
      <div data-testid="phone" style={{ width: "375px", overflowX: "hidden" }}>
        <Story />
      </div>
    ),
  ],
  play: async ({ canvas }) => {
    const phone = canvas.getByTestId("phone");
    const queue = phone.firstElementChild as HTMLElement;
    await expect(queue.scrollWidth).toBeLessThanOrEqual(375);
    const region = canvas.getByRole("region", { name: CAPTION });
    await expect(region).toHaveAttribute("tabindex", "0");
    // Each request is a card: no column off to the side, each figure with its name.
    await expect(region.scrollWidth).toBeLessThanOrEqual(region.clientWidth);
    const right = phone.getBoundingClientRect().right;
    const row = within(region).getAllByRole("row")[1] as HTMLElement;
    for (const cell of within(row).getAllByRole("cell")) {
      await expect(cell.getBoundingClientRect().right).toBeLessThanOrEqual(right + 0.5);
    }
    await expect(
      getComputedStyle(row.querySelector("[data-label='購入上限']") as Element, "::before").content,
    ).toBe('"購入上限"');
  },
};

export const Empty: Story = {
  args: { rows: [], total: 0 },
  play: async ({ canvas }) => {
    await expect(canvas.getByText("条件に一致する要請はありません。")).toBeVisible();
    await expect(canvas.getByText("全 0 件")).toBeVisible();
  },
};

export const LoadFailed: Story = {
  args: {
    rows: [],
    total: 0,
    error: "要請の一覧を読み込めませんでした。通信状況を確認して、もう一度お試しください。",
    onRetry: fn(),
  },
  play: async ({ args, canvas }) => {
    const alert = canvas.getByRole("alert");
    await expect(alert).toHaveTextContent("要請の一覧を読み込めませんでした");
    await userEvent.click(within(alert).getByRole("button", { name: "再読み込み" }));
    await expect(args.onRetry).toHaveBeenCalledOnce();
  },
};

/**
 * While the next page loads the current rows stay, marked busy, and as readable as
 * ever: every cell's text at 4.5:1 or more (dimmed, the muted text fell to 3.6:1).
 */
export const Loading: Story = {
  args: { rows: makeQueue(3), total: 1234, page: 2, loading: true },
  play: async ({ canvas }) => {
    const table = canvas.getByRole("table", { name: CAPTION });
    await expect(table).toHaveAttribute("aria-busy", "true");
    await expect(canvas.getByText("全 1,234 件中 51〜100 件")).toBeVisible();
    const texts = [...table.querySelectorAll<HTMLElement>("tbody td *, tbody th *, tbody td")]
      .filter((element) =>
        [...element.childNodes].some((node) => node.nodeType === 3 && node.textContent?.trim()),
      )
      .filter((element) => element.getClientRects().length > 0);
    await expect(texts.length).toBeGreaterThan(10);
    for (const element of texts) {
      await expect(contrastRatio(element), element.textContent ?? "").toBeGreaterThanOrEqual(4.5);
    }
  },
};
