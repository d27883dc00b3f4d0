import { FixtureError, type Screen } from "@sos/web/storybook";
import type { Meta, StoryObj } from "@storybook/react-vite";
import { expect, userEvent, within } from "storybook/test";
import { inputsOf, LATE_NOTE, outage } from "../stories/fixtures";
import { REQUEST_HISTORY, ROWS } from "../stories/request-list";
import { screenMeta } from "../stories/screen";

const meta = {
  title: "緊急配布要請/一覧",
  ...screenMeta({
    path: "/requests",
    api: { sos: { list: () => ({ items: REQUEST_HISTORY, nextCursor: null }) } },
  }),
} satisfies Meta<typeof Screen>;

export default meta;
type Story = StoryObj<typeof meta>;

/** The rows of a view, once loaded. */
async function rows(canvasElement: HTMLElement, view: string, count: number) {
  const section = await within(canvasElement).findByRole("region", { name: `${view}の一覧` });
  const items = await within(section).findAllByRole("listitem");
  await expect(items).toHaveLength(count);
  return items.map((item) => within(item));
}

/** One request of each status, newest first, in 「すべて」. */
export const SeveralStatuses: Story = {
  play: async ({ args, canvasElement }) => {
    const page = within(canvasElement);
    const [late, draft, accepted, withdrawn, notEligible, error] = await rows(
      canvasElement,
      "すべて",
      6,
    );
    if (!late || !draft || !accepted || !withdrawn || !notEligible || !error) {
      throw new Error("要請が6件ありません");
    }
    await expect(page.getByRole("heading", { level: 1, name: "緊急配布要請" })).toBeVisible();
    await expect(page.getByRole("link", { name: "新規" })).toHaveAttribute("href", "/requests/new");
    await expect(page.getByRole("link", { name: "すべて" })).toHaveAttribute(
      "aria-current",
      "page",
    );

    await expect(
      late.getByRole("link", { name: "2026年11月25日（水）17:00締切の週の要請" }),
    ).toHaveAttribute("href", `/requests/${ROWS.late.id}`);
    await expect(late.getByText("都道府県・国確認中")).toBeVisible();
    await expect(late.getByText("申請日時")).toBeVisible();
    await expect(late.getByText("2026年11月25日（水）17:40")).toBeVisible();
    await expect(late.getByText(LATE_NOTE)).toBeVisible();

    // Not filed yet: the row says when it was made instead.
    await expect(draft.getByText("申請前")).toBeVisible();
    await expect(draft.getByText("作成日時")).toBeVisible();
    await expect(draft.getByText("2026年11月25日（水）17:10")).toBeVisible();

    await expect(accepted.getByText("受付完了")).toBeVisible();
    await expect(accepted.getByText("佐藤 一郎")).toBeVisible();
    await expect(
      accepted.getByRole("link", { name: "2026年11月18日（水）17:00締切の週の要請" }),
    ).toBeVisible();
    await expect(withdrawn.getByText("取下げ")).toBeVisible();
    await expect(notEligible.getByText("対象外")).toBeVisible();
    await expect(error.getByText("エラーあり")).toBeVisible();
    await expect(page.queryByText("最終参照")).toBeNull();
    await expect(inputsOf(args.calls, "sos.list")).toEqual([
      { view: "all", limit: 20, direction: "forward" },
    ]);
  },
};

/** The tabs are links: 「実施中」 asks the server for its own view. */
export const SwitchView: Story = {
  args: {
    api: {
      sos: {
        list: ({ view }) => ({
          items: view === "active" ? REQUEST_HISTORY.slice(0, 3) : REQUEST_HISTORY,
          nextCursor: null,
        }),
      },
    },
  },
  play: async ({ args, canvasElement }) => {
    const page = within(canvasElement);
    await rows(canvasElement, "すべて", 6);
    await userEvent.click(page.getByRole("link", { name: "実施中の要請（30日以内）" }));
    await rows(canvasElement, "実施中の要請（30日以内）", 3);
    await expect(page.getByRole("link", { name: "実施中の要請（30日以内）" })).toHaveAttribute(
      "aria-current",
      "page",
    );
    await expect(page.getByRole("link", { name: "すべて" })).not.toHaveAttribute("aria-current");
    await expect(
      inputsOf(args.calls, "sos.list").map((input) => (input as { view: string }).view),
    ).toEqual(["all", "active"]);
  },
};

/** 「最近参照した要請」 opened from its address, with when each was last opened. */
export const RecentlyViewed: Story = {
  args: {
    path: "/requests?view=recent",
    api: {
      sos: {
        list: () => ({
          items: [
            { ...ROWS.accepted, viewedAt: "2026-11-25T06:05:00.000Z" },
            { ...ROWS.notEligible, viewedAt: "2026-11-24T00:30:00.000Z" },
          ],
          nextCursor: null,
        }),
      },
    },
  },
  play: async ({ args, canvasElement }) => {
    const [first, second] = await rows(canvasElement, "最近参照した要請", 2);
    await expect(first?.getByText("最終参照")).toBeVisible();
    await expect(first?.getByText("2026年11月25日（水）15:05")).toBeVisible();
    await expect(second?.getByText("2026年11月24日（火）09:30")).toBeVisible();
    await expect(inputsOf(args.calls, "sos.list")).toEqual([
      { view: "recent", limit: 20, direction: "forward" },
    ]);
  },
};

/** No request yet: the way to start one. */
export const Empty: Story = {
  args: { api: { sos: { list: () => ({ items: [], nextCursor: null }) } } },
  play: async ({ canvasElement }) => {
    const page = within(canvasElement);
    await expect(
      await page.findByText("緊急配布要請はまだありません。「新規」から作成できます。"),
    ).toBeVisible();
    await expect(
      within(page.getByRole("region", { name: "すべての一覧" })).queryByRole("listitem"),
    ).toBeNull();
  },
};

/** Nothing filed in the past 30 days: the active view's own empty message. */
export const EmptyActiveView: Story = {
  args: {
    path: "/requests?view=active",
    api: { sos: { list: () => ({ items: [], nextCursor: null }) } },
  },
  play: async ({ canvasElement }) => {
    const page = within(canvasElement);
    await expect(await page.findByText("過去30日以内に申請した要請はありません。")).toBeVisible();
  },
};

/** Twenty rows a page: 「さらに表示」 sends the cursor the server gave. */
export const MorePages: Story = {
  args: {
    api: {
      sos: {
        list: ({ cursor }) =>
          cursor
            ? { items: REQUEST_HISTORY.slice(4), nextCursor: null }
            : { items: REQUEST_HISTORY.slice(0, 4), nextCursor: "2026-11-05T01:00:00.000Z|04" },
      },
    },
  },
  play: async ({ args, canvasElement }) => {
    const page = within(canvasElement);
    await rows(canvasElement, "すべて", 4);
    await userEvent.click(page.getByRole("button", { name: "さらに表示" }));
    await rows(canvasElement, "すべて", 6);
    await expect(page.queryByRole("button", { name: "さらに表示" })).toBeNull();
    await expect(inputsOf(args.calls, "sos.list")[1]).toEqual({
      view: "all",
      limit: 20,
      cursor: "2026-11-05T01:00:00.000Z|04",
      direction: "forward",
    });
  },
};

const listOutage = outage(
  new FixtureError(
    "TOO_MANY_REQUESTS",
    "アクセスが集中しています。しばらく時間をおいてから再度お試しください。",
  ),
  () => ({ items: REQUEST_HISTORY, nextCursor: null }),
);

/** The list fails with the server's message; 「再読み込み」 reads it again. */
export const LoadFailed: Story = {
  args: { api: { sos: { list: listOutage.handler } } },
  beforeEach: listOutage.reset,
  play: async ({ canvasElement }) => {
    const page = within(canvasElement);
    const alert = await page.findByRole("alert");
    await expect(alert).toHaveTextContent("緊急配布要請の一覧を表示できませんでした");
    await expect(alert).toHaveTextContent(
      "アクセスが集中しています。しばらく時間をおいてから再度お試しください。",
    );
    listOutage.recover();
    await userEvent.click(page.getByRole("button", { name: "再読み込み" }));
    await rows(canvasElement, "すべて", 6);
    await expect(page.queryByRole("alert")).toBeNull();
  },
};
