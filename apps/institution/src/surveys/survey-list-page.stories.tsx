import { FixtureError, findVisible, type Screen } from "@sos/web/storybook";
import type { Meta, StoryObj } from "@storybook/react-vite";
import { expect, userEvent, within } from "storybook/test";
import { inputsOf, outage } from "../stories/fixtures";
import { screenMeta } from "../stories/screen";
import { SURVEY_HISTORY } from "../stories/surveys";

const meta = {
  title: "週次調査/一覧",
  ...screenMeta({
    path: "/surveys",
    api: { survey: { list: () => ({ items: SURVEY_HISTORY, nextCursor: null }) } },
  }),
} satisfies Meta<typeof Screen>;

export default meta;
type Story = StoryObj<typeof meta>;

async function rows(canvasElement: HTMLElement) {
  const list = await within(canvasElement).findByRole("list", { name: "週次調査の一覧" });
  return within(list)
    .getAllByRole("listitem")
    .map((item) => within(item));
}

/** Newest week first; this week is marked and asks for an answer; old weeks show when answered. */
export const SeveralWeeks: Story = {
  play: async ({ canvasElement }) => {
    const page = within(canvasElement);
    await findVisible(page, "heading", { level: 1, name: "週次調査" });
    const [thisWeek, lastWeek, , neverAnswered] = await rows(canvasElement);
    if (!thisWeek || !lastWeek || !neverAnswered) throw new Error("週次調査が足りません");

    await expect(
      thisWeek.getByRole("link", { name: "2026年11月25日（水）17:00締切の週" }),
    ).toHaveAttribute("href", `/surveys/${SURVEY_HISTORY[0]?.id}`);
    await expect(thisWeek.getByText("今週")).toBeVisible();
    await expect(thisWeek.getByText("未回答")).toBeVisible();
    await expect(thisWeek.getByText("緊急配布要請の前に、回答してください。")).toBeVisible();

    await expect(
      lastWeek.getByRole("link", { name: "2026年11月18日（水）17:00締切の週" }),
    ).toBeVisible();
    await expect(lastWeek.getByText("回答済み")).toBeVisible();
    await expect(lastWeek.getByText("2026年11月12日（木）09:30に回答")).toBeVisible();
    // Its receipt can be found again here, as it was issued.
    await expect(lastWeek.getByText("20261111-0000098")).toBeVisible();
    await expect(lastWeek.getByText("（2026年11月12日（木）09:30受付）")).toBeVisible();
    await expect(thisWeek.queryByText(/受付番号/)).toBeNull();
    await expect(lastWeek.queryByText("今週")).toBeNull();

    // An old week left unanswered is only marked, with no call to answer it now.
    await expect(neverAnswered.getByText("未回答")).toBeVisible();
    await expect(neverAnswered.queryByText(/回答してください/)).toBeNull();
  },
};

/** The first page of ten, then 「さらに表示」 asks for the next with the cursor given. */
export const MorePages: Story = {
  args: {
    api: {
      survey: {
        list: (input) =>
          input?.cursor
            ? { items: SURVEY_HISTORY.slice(3), nextCursor: null }
            : { items: SURVEY_HISTORY.slice(0, 3), nextCursor: "2026-11-04" },
      },
    },
  },
  play: async ({ args, canvasElement }) => {
    const page = within(canvasElement);
    await expect(await rows(canvasElement)).toHaveLength(3);
    await userEvent.click(page.getByRole("button", { name: "さらに表示" }));
    await expect(await page.findByText("2026年10月28日（水）17:00締切の週")).toBeVisible();
    await expect(await rows(canvasElement)).toHaveLength(5);
    await expect(page.queryByRole("button", { name: "さらに表示" })).toBeNull();
    await expect(inputsOf(args.calls, "survey.list")).toEqual([
      { limit: 10, direction: "forward" },
      { limit: 10, cursor: "2026-11-04", direction: "forward" },
    ]);
  },
};

/** The next page fails: the rows already shown stay, with the reason and the button to retry. */
export const NextPageFailed: Story = {
  args: {
    api: {
      survey: {
        list: (input) => {
          if (input?.cursor) {
            throw new FixtureError(
              "BAD_REQUEST",
              "一覧の続きを読み込めませんでした。一覧を再読み込みしてください。",
            );
          }
          return { items: SURVEY_HISTORY.slice(0, 3), nextCursor: "2026-11-04" };
        },
      },
    },
  },
  play: async ({ canvasElement }) => {
    const page = within(canvasElement);
    await rows(canvasElement);
    await userEvent.click(page.getByRole("button", { name: "さらに表示" }));
    await expect(await page.findByRole("alert")).toHaveTextContent(
      "続きを読み込めませんでした。一覧の続きを読み込めませんでした。一覧を再読み込みしてください。",
    );
    await expect(await rows(canvasElement)).toHaveLength(3);
    await expect(page.getByRole("button", { name: "さらに表示" })).toBeVisible();
  },
};

/** Before the first Wednesday 18:35 there is nothing to list. */
export const Empty: Story = {
  args: { api: { survey: { list: () => ({ items: [], nextCursor: null }) } } },
  play: async ({ canvasElement }) => {
    const page = within(canvasElement);
    await expect(await page.findByText("週次調査はまだありません。")).toBeVisible();
    await expect(page.queryByRole("list", { name: "週次調査の一覧" })).toBeNull();
  },
};

const listOutage = outage(
  new FixtureError(
    "SERVICE_UNAVAILABLE",
    "ただいまメンテナンス中です。11月25日（水）20:00に再開します。",
  ),
  () => ({ items: SURVEY_HISTORY, nextCursor: null }),
);

/** The list fails with the server's message; 「再読み込み」 reads it again. */
export const LoadFailed: Story = {
  args: { api: { survey: { list: listOutage.handler } } },
  beforeEach: listOutage.reset,
  play: async ({ args, canvasElement }) => {
    const page = within(canvasElement);
    const alert = await page.findByRole("alert");
    await expect(alert).toHaveTextContent("週次調査の一覧を表示できませんでした");
    await expect(alert).toHaveTextContent(
      "ただいまメンテナンス中です。11月25日（水）20:00に再開します。",
    );
    listOutage.recover();
    await userEvent.click(page.getByRole("button", { name: "再読み込み" }));
    await expect(await rows(canvasElement)).toHaveLength(5);
    await expect(page.queryByRole("alert")).toBeNull();
    await expect(inputsOf(args.calls, "survey.list")).toHaveLength(2);
  },
};
