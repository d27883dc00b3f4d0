import { FixtureError, findVisible } from "@sos/web/storybook";
import type { Meta, StoryObj } from "@storybook/react-vite";
import { expect, userEvent, waitFor, within } from "storybook/test";
import { callsOf, inputsOf } from "../stories/calls";
import { OPERATIONS_API } from "../stories/operations";
import { INSTITUTION_STAFF, MINISTRY_USER, PREFECTURE_USER } from "../stories/people";
import { AWAITING_MINISTRY_TOTAL, PROGRESS } from "../stories/progress";
import { ALL_REQUESTS, serveQueue } from "../stories/queue";
import { deadlines, ROUND_WEEK_TITLE } from "../stories/round";
import { mergeApi, SCREEN_META } from "../stories/screen";
import { TARGET_LISTS } from "../stories/target-lists";

const PREFECTURE_API = {
  review: {
    deadlines: () => deadlines(12),
    queue: (input: Parameters<typeof serveQueue>[1]) => serveQueue(ALL_REQUESTS, input, 13),
  },
};

const MINISTRY_API = {
  review: {
    // 1,240 wait for the ministry: this round's 1,234 and six from earlier weeks.
    deadlines: () => deadlines(PROGRESS.totals.awaitingPrefecture, 0, 1_240),
    ministryProgress: () => PROGRESS,
  },
  targetList: { list: () => TARGET_LISTS },
  ...OPERATIONS_API,
};

const meta = {
  ...SCREEN_META,
  title: "画面/審査/ホーム",
  args: { path: "/", user: PREFECTURE_USER, api: PREFECTURE_API },
} satisfies Meta<typeof SCREEN_META.component>;

export default meta;
type Story = StoryObj<typeof meta>;

/** The menu entries only the ministry has. */
const MINISTRY_MENU = ["進捗状況", "対象医療機関リスト", "措置", "公表用一覧"];

/**
 * A Tokyo officer on Thursday morning: 12 requests wait for them, with the
 * countdown to Thursday 17:00 and the ways into the queue.
 */
export const Prefecture: Story = {
  play: async ({ canvasElement }) => {
    const page = within(canvasElement);
    await findVisible(page, "heading", { level: 1, name: "ホーム" });
    await expect(
      page.getByText("佐藤 美咲さん（東京都 都道府県担当者）としてログインしています。"),
    ).toBeVisible();
    await expect(page.getByRole("heading", { name: "東京都の確認待ちの要請" })).toBeVisible();
    await expect(await page.findByText("確認待ちの要請が 12件 あります。")).toBeVisible();
    // The countdown follows the real clock; the round and the count show either way.
    await expect(page.getByText(`対象：${ROUND_WEEK_TITLE}`)).toBeVisible();
    await expect(page.getByText("12件", { selector: "strong" })).toBeVisible();

    const nav = page.getByRole("navigation", { name: "メインメニュー" });
    await expect(within(nav).getByRole("link", { name: "確認待ちの要請" })).toBeVisible();
    for (const entry of MINISTRY_MENU) {
      await expect(within(nav).queryByRole("link", { name: entry })).toBeNull();
    }
    await expect(page.getByRole("link", { name: "確認待ちの要請を開く" })).toHaveAttribute(
      "href",
      "/requests",
    );
    await expect(page.getByRole("link", { name: "国確認中の要請" })).toHaveAttribute(
      "href",
      "/requests?stage=ministry",
    );
    await expect(page.getByRole("link", { name: "すべての要請" })).toHaveAttribute(
      "href",
      "/requests?status=all",
    );
  },
};

/** 「締切後の申請」 opens the queue filtered to the requests filed after Wednesday 17:00. */
export const PrefectureOpensLateRequests: Story = {
  play: async (context) => {
    const page = within(context.canvasElement);
    await userEvent.click(await page.findByRole("link", { name: "締切後の申請" }));
    await findVisible(page, "heading", { level: 1, name: "確認待ちの要請" });
    await expect(await page.findByText("全 1 件中 1〜1 件")).toBeVisible();
    await expect(page.getByRole("link", { name: "つきしま助産院" })).toBeVisible();
    await expect(page.getByText("締切後")).toBeVisible();
    await expect(inputsOf(callsOf(context), "review.queue").at(-1)).toMatchObject({
      late: true,
      stage: "prefecture",
      status: "reviewing",
    });
  },
};

/** Everything checked: the card says so instead of a count. */
export const PrefectureNothingWaiting: Story = {
  args: { api: mergeApi(PREFECTURE_API, { review: { deadlines: () => deadlines(0) } }) },
  play: async ({ canvasElement }) => {
    const page = within(canvasElement);
    await expect(await page.findByText("確認待ちの要請はありません。")).toBeVisible();
    await expect(page.queryByText(/確認待ちの要請が .*件 あります/)).toBeNull();
  },
};

/** Requests of an earlier round still unchecked after their due time are called out. */
export const PrefectureOverdue: Story = {
  args: { api: mergeApi(PREFECTURE_API, { review: { deadlines: () => deadlines(15, 3) } }) },
  play: async ({ canvasElement }) => {
    const page = within(canvasElement);
    await expect(
      await page.findByText("確認期限を過ぎても都道府県確認中の要請が 3件 あります。"),
    ).toBeVisible();
    await expect(page.getByText("確認待ちの要請が 15件 あります。")).toBeVisible();
  },
};

/**
 * The ministry's start: the round's counts nationwide (1,234 waiting for it), the
 * 1,250 approved requests not yet on a target list, and its own menu.
 */
export const Ministry: Story = {
  args: { user: MINISTRY_USER, api: MINISTRY_API },
  play: async ({ canvasElement }) => {
    const page = within(canvasElement);
    await expect(
      await page.findByText("田中 健一さん（国（厚生労働省））としてログインしています。"),
    ).toBeVisible();
    const { totals } = PROGRESS;
    await expect(
      await page.findByText(
        `${ROUND_WEEK_TITLE}：国確認待ち 1,234件、都道府県確認中 ${totals.awaitingPrefecture.toLocaleString("ja-JP")}件、承認済み ${totals.approved.toLocaleString("ja-JP")}件。`,
      ),
    ).toBeVisible();
    await expect(totals.awaitingMinistry).toBe(AWAITING_MINISTRY_TOTAL);
    await expect(page.getByText("国確認待ちの要請が 1,240件 あります。")).toBeVisible();
    const banner = canvasElement.querySelector(".sos-deadline");
    await expect(banner).toHaveTextContent("国確認待ち 1,240件");
    await expect(banner).not.toHaveTextContent("未完了");
    await expect(
      await page.findByText(
        "リストに載せていない承認済みの要請が 1,250件（合計 48,760セット（48,760,000枚））あります。",
      ),
    ).toBeVisible();
    const nav = page.getByRole("navigation", { name: "メインメニュー" });
    await expect(within(nav).getByRole("link", { name: "要請の確認・承認" })).toBeVisible();
    await expect(within(nav).queryByRole("link", { name: "確認待ちの要請" })).toBeNull();
    for (const entry of MINISTRY_MENU) {
      await expect(within(nav).getByRole("link", { name: entry })).toBeVisible();
    }
  },
};

/** Every approved request is on a list already. */
export const MinistryNothingToList: Story = {
  args: {
    user: MINISTRY_USER,
    api: mergeApi(MINISTRY_API, {
      targetList: { list: () => ({ ...TARGET_LISTS, pending: { count: 0, sets: 0 } }) },
    }),
  },
  play: async ({ canvasElement }) => {
    const page = within(canvasElement);
    await expect(
      await page.findByText("リストに載せていない承認済みの要請はありません。"),
    ).toBeVisible();
  },
};

/**
 * The counts could not be read: the cards keep their plain description rather
 * than a guess, and the ways into the work stay.
 */
export const MinistryCountsUnavailable: Story = {
  args: {
    user: MINISTRY_USER,
    api: mergeApi(MINISTRY_API, {
      review: {
        ministryProgress: () => {
          throw new FixtureError("INTERNAL_SERVER_ERROR", "サーバーでエラーが発生しました。");
        },
      },
    }),
  },
  play: async (context) => {
    const page = within(context.canvasElement);
    await waitFor(() =>
      expect(inputsOf(callsOf(context), "review.ministryProgress")).toHaveLength(1),
    );
    await expect(
      page.getByText("都道府県が確認を完了した要請を確認し、承認します。"),
    ).toBeVisible();
    await expect(page.getByRole("link", { name: "国確認待ちの要請を開く" })).toBeVisible();
  },
};

/** An institution's account at the console's address is pointed to its own app. */
export const InstitutionAccount: Story = {
  args: { user: INSTITUTION_STAFF, api: {} },
  play: async ({ canvasElement }) => {
    const page = within(canvasElement);
    await findVisible(page, "heading", {
      level: 1,
      name: "都道府県・国向けのページは利用できません",
    });
    await expect(page.getByText("医療機関のアカウントでログインしています")).toBeVisible();
    await expect(page.queryByRole("link", { name: "確認待ちの要請" })).toBeNull();
  },
};

/** Signed out: the console sends the visitor to sign in first. */
export const SignedOut: Story = {
  args: { user: null, api: {} },
  play: async ({ canvasElement }) => {
    const page = within(canvasElement);
    await findVisible(page, "heading", { level: 1, name: "ログイン" });
    await expect(page.queryByText(/としてログインしています/)).toBeNull();
  },
};
