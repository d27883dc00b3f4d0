import { surveyWeekTitle } from "@sos/domain";
import { FixtureError, findVisible } from "@sos/web/storybook";
import type { Meta, StoryObj } from "@storybook/react-vite";
import { expect, userEvent, waitFor, within } from "storybook/test";
import { callsOf, countOf, inputsOf } from "../stories/calls";
import { expectMinistryOnly } from "../stories/denied";
import { MINISTRY_USER, PREFECTURE_USER } from "../stories/people";
import { finishedRound, PROGRESS } from "../stories/progress";
import { ALL_REQUESTS, serveQueue } from "../stories/queue";
import { deadlines, ROUND_WEEK_TITLE } from "../stories/round";
import { SCREEN_META } from "../stories/screen";

const meta = {
  ...SCREEN_META,
  title: "画面/審査/進捗状況",
  args: {
    path: "/progress",
    user: MINISTRY_USER,
    api: {
      review: {
        ministryProgress: (input) => (input?.weekStart ? finishedRound(input.weekStart) : PROGRESS),
        deadlines: () => deadlines(PROGRESS.totals.awaitingPrefecture),
        queue: (input) => serveQueue(ALL_REQUESTS, input),
      },
    },
  },
} satisfies Meta<typeof SCREEN_META.component>;

export default meta;
type Story = StoryObj<typeof meta>;

const TABLE = `都道府県別の進捗（${ROUND_WEEK_TITLE}）`;

function n(value: number): string {
  return value.toLocaleString("ja-JP");
}

function rowOf(canvasElement: HTMLElement, table: string, header: string): HTMLElement {
  const row = within(within(canvasElement).getByRole("table", { name: table }))
    .getByRole("rowheader", { name: header })
    .closest("tr");
  if (row === null) throw new Error(`${header}の行がありません`);
  return row;
}

function cellsOf(row: HTMLElement): string[] {
  return [...row.querySelectorAll("td")].map((cell) => cell.textContent ?? "");
}

const tokyo = PROGRESS.prefectures.find((row) => row.prefectureCode === 13);

/**
 * The round in progress, by prefecture: 12,000-odd requests, Tokyo's 1,405 with
 * what remains, a prefecture that filed nothing, and the country's totals.
 */
export const CurrentRound: Story = {
  play: async (context) => {
    const page = within(context.canvasElement);
    await findVisible(page, "heading", { level: 1, name: "進捗状況" });
    await findVisible(page, "table", { name: TABLE });
    await expect(inputsOf(callsOf(context), "review.ministryProgress")).toEqual([undefined]);
    await expect(page.getByRole("combobox", { name: "対象の週" })).toHaveDisplayValue(
      "現在確認中の週",
    );
    await expect(page.getByRole("heading", { level: 2, name: "都道府県別の進捗" })).toBeVisible();

    if (tokyo === undefined) throw new Error("東京都の進捗がありません");
    const done = tokyo.approved + tokyo.notEligible;
    await expect(cellsOf(rowOf(context.canvasElement, TABLE, "東京都"))).toEqual([
      "1,405",
      n(tokyo.completedByPrefecture),
      n(tokyo.approved),
      n(tokyo.notEligible),
      n(tokyo.remaining),
      `${Math.floor((done / tokyo.filed) * 100)}%（${n(done)}/1,405件）`,
    ]);
    // A prefecture that filed nothing is listed once 「件数のある都道府県のみ」 is unticked.
    await userEvent.click(page.getByRole("checkbox", { name: "件数のある都道府県のみ" }));
    await expect(cellsOf(rowOf(context.canvasElement, TABLE, "鳥取県"))).toEqual([
      "0",
      "0",
      "0",
      "0",
      "0",
      "—要請なし",
    ]);
    const { totals } = PROGRESS;
    await expect(cellsOf(rowOf(context.canvasElement, TABLE, "全国")).slice(0, 5)).toEqual([
      n(totals.filed),
      n(totals.completedByPrefecture),
      n(totals.approved),
      n(totals.notEligible),
      n(totals.remaining),
    ]);
    await expect(totals.filed).toBeGreaterThan(10_000);
  },
};

/** Sorted by what remains, without the prefectures that filed nothing: where to chase first. */
export const WhereToChase: Story = {
  play: async ({ canvasElement }) => {
    const page = within(canvasElement);
    const table = within(await page.findByRole("table", { name: TABLE }));
    await userEvent.click(
      within(table.getByRole("columnheader", { name: /残り/ })).getByRole("button"),
    );
    const most = [...PROGRESS.prefectures].sort((a, b) => b.remaining - a.remaining)[0];
    const firstRow = table.getAllByRole("row")[1] as HTMLElement;
    await expect(within(firstRow).getByRole("rowheader")).toHaveTextContent(
      most?.prefectureName ?? "—",
    );
    // By default the 46 prefectures with requests; 鳥取県 (none) once asked for.
    await expect(table.queryByRole("rowheader", { name: "鳥取県" })).toBeNull();
    await expect(table.getAllByRole("row")).toHaveLength(1 + 46 + 1);
    await userEvent.click(page.getByRole("checkbox", { name: "件数のある都道府県のみ" }));
    await expect(table.getByRole("rowheader", { name: "鳥取県" })).toBeVisible();
    await expect(table.getAllByRole("row")).toHaveLength(1 + 47 + 1);
  },
};

/** A prefecture's name opens the ministry's queue for it, at every stage. */
export const OpenPrefectureQueue: Story = {
  play: async (context) => {
    const page = within(context.canvasElement);
    await page.findByRole("table", { name: TABLE });
    const link = page.getByRole("link", { name: "神奈川県" });
    await expect(link).toHaveAttribute("href", "/requests?stage=any&pref=14");
    await userEvent.click(link);
    await findVisible(page, "heading", { level: 1, name: "要請の確認・承認" });
    await waitFor(() =>
      expect(inputsOf(callsOf(context), "review.queue").at(-1)).toMatchObject({
        prefectureCode: 14,
        stage: null,
        status: "reviewing",
      }),
    );
  },
};

/**
 * An earlier week, chosen from the list: asked for by its Wednesday, shown finished.
 * The weeks offered follow today's date, so the story reads the choice from the list.
 */
export const EarlierWeek: Story = {
  play: async (context) => {
    const page = within(context.canvasElement);
    await page.findByRole("table", { name: TABLE });
    const select = page.getByRole("combobox", { name: "対象の週" }) as HTMLSelectElement;
    const earlier = select.options[2];
    if (earlier === undefined) throw new Error("前の週の選択肢がありません");
    await userEvent.selectOptions(select, earlier);
    await waitFor(() =>
      expect(inputsOf(callsOf(context), "review.ministryProgress").at(-1)).toEqual({
        weekStart: earlier.value,
      }),
    );
    const table = `都道府県別の進捗（${surveyWeekTitle(earlier.value)}）`;
    await findVisible(page, "table", { name: table });
    await expect(cellsOf(rowOf(context.canvasElement, table, "全国"))[4]).toBe("0");
  },
};

/** The counts could not be read: the server's message and a retry that works. */
export const LoadFailed: Story = {
  args: {
    live: (calls) => ({
      review: {
        ministryProgress: () => {
          if (countOf(calls, "review.ministryProgress") === 1) {
            throw new FixtureError(
              "INTERNAL_SERVER_ERROR",
              "システムエラーが発生しました。しばらく時間をおいてから再度お試しください。",
            );
          }
          return PROGRESS;
        },
      },
    }),
  },
  play: async ({ canvasElement }) => {
    const page = within(canvasElement);
    await expect(await page.findByText("進捗状況を表示できませんでした")).toBeVisible();
    await expect(
      page.getByText("システムエラーが発生しました。しばらく時間をおいてから再度お試しください。"),
    ).toBeVisible();
    await userEvent.click(page.getByRole("button", { name: "再読み込み" }));
    await findVisible(page, "table", { name: TABLE });
  },
};

/** A prefecture officer at the address: told it is the ministry's page, nothing asked. */
export const PrefectureDenied: Story = {
  args: { user: PREFECTURE_USER },
  play: async (context) => {
    await expectMinistryOnly(context.canvasElement, "進捗状況", callsOf(context));
  },
};
