import { PREFECTURES } from "@sos/domain";
import type { Meta, StoryObj } from "@storybook/react-vite";
import { expect, fn, userEvent, within } from "storybook/test";
import type { PrefectureProgress, ProgressCounts } from "../api-types";
import { ProgressSummary } from "./progress-summary";

/** A round in progress: Tokyo and Osaka busy, a few prefectures with nothing filed. */
function progressOf(code: number): PrefectureProgress {
  const prefecture = PREFECTURES[code - 1];
  if (prefecture === undefined) throw new RangeError(String(code));
  const filed = code === 13 ? 1_234 : code === 27 ? 512 : code % 9 === 0 ? 0 : (code * 7) % 40;
  const notEligible = Math.floor(filed / 20);
  const approved = Math.floor((filed - notEligible) * ((code % 5) / 5));
  const awaitingMinistry = Math.floor((filed - notEligible - approved) / 3);
  const awaitingPrefecture = filed - notEligible - approved - awaitingMinistry;
  return {
    prefectureCode: code,
    prefectureName: prefecture.name,
    filed,
    late: Math.floor(filed / 10),
    awaitingPrefecture,
    completedByPrefecture: approved + awaitingMinistry,
    awaitingMinistry,
    approved,
    listed: Math.floor(approved / 2),
    notEligible,
    remaining: awaitingPrefecture + awaitingMinistry,
  };
}

const ROWS = PREFECTURES.map((prefecture) => progressOf(prefecture.code));

function totalsOf(rows: readonly PrefectureProgress[]): ProgressCounts {
  const sum = (key: keyof ProgressCounts) =>
    rows.reduce((total, row) => total + (row[key] ?? 0), 0);
  return {
    filed: sum("filed"),
    late: sum("late"),
    awaitingPrefecture: sum("awaitingPrefecture"),
    completedByPrefecture: sum("completedByPrefecture"),
    awaitingMinistry: sum("awaitingMinistry"),
    approved: sum("approved"),
    listed: sum("listed"),
    notEligible: sum("notEligible"),
    remaining: sum("remaining"),
  };
}

const TOTALS = totalsOf(ROWS);

const meta = {
  title: "部品/審査/ProgressSummary",
  component: ProgressSummary,
  args: {
    rows: ROWS,
    totals: TOTALS,
    weekTitle: "2026年12月2日（水）17:00締切の週",
    prefectureHref: (code: number) => `/review/queue?prefecture=${code}`,
    onSelectPrefecture: fn(),
  },
} satisfies Meta<typeof ProgressSummary>;

export default meta;
type Story = StoryObj<typeof meta>;

function bodyRows(canvas: ReturnType<typeof within>) {
  const table = canvas.getByRole("table");
  return within(table)
    .getAllByRole("row")
    .filter((row) => row.closest("tbody") !== null);
}

/** All 47 prefectures in JIS order with a totals row; sorting by 残り brings the busiest up. */
export const SortByRemaining: Story = {
  play: async ({ canvas }) => {
    // By default only the prefectures with requests; unticked, all 47.
    const onlyActive = canvas.getByRole("checkbox", { name: "件数のある都道府県のみ" });
    await expect(onlyActive).toBeChecked();
    await expect(bodyRows(canvas)).toHaveLength(ROWS.filter((row) => row.filed > 0).length);
    await userEvent.click(onlyActive);
    let rows = bodyRows(canvas);
    await expect(rows).toHaveLength(47);
    await expect(rows[0]).toHaveTextContent("北海道");
    await expect(rows[46]).toHaveTextContent("沖縄県");
    const total = canvas.getByRole("row", { name: /^全国/ });
    await expect(total).toHaveTextContent(TOTALS.filed.toLocaleString("ja-JP"));

    const remaining = canvas.getByRole("columnheader", { name: "残り" });
    await expect(remaining).not.toHaveAttribute("aria-sort");
    await userEvent.click(within(remaining).getByRole("button"));
    await expect(remaining).toHaveAttribute("aria-sort", "descending");
    rows = bodyRows(canvas);
    const most = [...ROWS].sort((a, b) => b.remaining - a.remaining)[0];
    await expect(rows[0]).toHaveTextContent(most?.prefectureName ?? "");
    await expect(within(rows[0] as HTMLElement).getAllByRole("cell")[4]).toHaveTextContent(
      (most?.remaining ?? 0).toLocaleString("ja-JP"),
    );
    // The totals row stays at the foot whatever the order.
    await expect(total.closest("tfoot")).not.toBeNull();

    await userEvent.click(within(remaining).getByRole("button"));
    await expect(remaining).toHaveAttribute("aria-sort", "ascending");
  },
};

/** The bar is drawn, and its meaning is in words beside it (percentage and counts). */
export const BarsHaveText: Story = {
  play: async ({ canvas }) => {
    const tokyo = canvas.getByRole("row", { name: /^東京都/ });
    const row = ROWS[12];
    if (row === undefined) throw new Error("no Tokyo");
    const done = row.approved + row.notEligible;
    await expect(tokyo).toHaveTextContent(
      `${Math.floor((done / row.filed) * 100)}%（${done.toLocaleString("ja-JP")}/1,234件）`,
    );
    await expect(canvas.getByRole("list", { name: "進捗バーの凡例" })).toHaveTextContent(
      "承認（受付完了）対象外国確認中都道府県確認中",
    );
    // A prefecture with nothing filed (shown once asked for) says so instead of 0%.
    await userEvent.click(canvas.getByRole("checkbox", { name: "件数のある都道府県のみ" }));
    await expect(canvas.getByRole("row", { name: /^栃木県/ })).toHaveTextContent("要請なし");
  },
};

export const HideEmptyAndOpen: Story = {
  play: async ({ args, canvas }) => {
    await expect(canvas.getByRole("checkbox", { name: "件数のある都道府県のみ" })).toBeChecked();
    await expect(bodyRows(canvas)).toHaveLength(ROWS.filter((row) => row.filed > 0).length);
    await expect(canvas.queryByRole("row", { name: /^栃木県/ })).toBeNull();

    const osaka = canvas.getByRole("link", { name: "大阪府" });
    await expect(osaka).toHaveAttribute("href", "/review/queue?prefecture=27");
    await userEvent.click(osaka);
    await expect(args.onSelectPrefecture).toHaveBeenCalledWith(27);
  },
};

/** Before anything is filed: every row at zero, no bars. */
export const NothingFiledYet: Story = {
  args: {
    rows: ROWS.map((row) => ({
      ...row,
      filed: 0,
      late: 0,
      awaitingPrefecture: 0,
      completedByPrefecture: 0,
      awaitingMinistry: 0,
      approved: 0,
      listed: 0,
      notEligible: 0,
      remaining: 0,
    })),
    totals: {
      filed: 0,
      late: 0,
      awaitingPrefecture: 0,
      completedByPrefecture: 0,
      awaitingMinistry: 0,
      approved: 0,
      listed: 0,
      notEligible: 0,
      remaining: 0,
    },
  },
  play: async ({ canvas }) => {
    await expect(canvas.getAllByText("要請なし")).toHaveLength(48);
  },
};
