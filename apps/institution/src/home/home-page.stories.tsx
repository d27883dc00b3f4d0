import { FixtureError, findVisible, type Screen } from "@sos/web/storybook";
import type { Meta, StoryObj } from "@storybook/react-vite";
import { expect, userEvent, waitFor, within } from "storybook/test";
import type { PurchaseStatus } from "../api-types";
import { inputsOf, LATE_NOTE, outage, STORY_NOW_LATE, THIS_WEEK } from "../stories/fixtures";
import { type HomeSummaryOptions, homeSummary } from "../stories/home";
import {
  order,
  purchaseNeedsRegistration,
  purchaseOrdered,
  purchaseWaiting,
} from "../stories/purchases";
import { LAST_WEEK_ACCEPTED } from "../stories/request-list";
import {
  ACCEPTED_REQUEST,
  DRAFT_REQUEST,
  LATE_REVIEWING_REQUEST,
  NOT_ELIGIBLE_REQUEST,
  REQUEST_ID,
  REVIEWING_REQUEST,
} from "../stories/requests";
import { screenMeta } from "../stories/screen";
import { CURRENT_UNANSWERED, currentAnswered, LARGE_FIGURES } from "../stories/surveys";

/** The two reads of the home screen: the week's summary, and the institution's purchases. */
function homeApi(week: HomeSummaryOptions = {}, purchases: PurchaseStatus[] = []) {
  return {
    home: { summary: () => homeSummary(week) },
    institutionOrders: { mine: () => purchases },
  };
}

const meta = {
  title: "ホーム",
  ...screenMeta({ path: "/", api: homeApi() }),
} satisfies Meta<typeof Screen>;

export default meta;
type Story = StoryObj<typeof meta>;

/** One card of the grid, once the summary has arrived. */
async function card(canvasElement: HTMLElement, name: string) {
  return within(await within(canvasElement).findByRole("region", { name }));
}

/** A new week: the survey is not answered yet and nothing has been requested. */
export const NewWeek: Story = {
  play: async ({ canvasElement }) => {
    const page = within(canvasElement);
    await findVisible(page, "heading", { level: 1, name: "ホーム" });
    await expect(
      page.getByText("山田 花子さん（医療機関）としてログインしています。"),
    ).toBeVisible();

    const survey = await card(canvasElement, "今週の週次調査");
    await expect(survey.getByText("未回答")).toBeVisible();
    await expect(survey.getByText(THIS_WEEK.title)).toBeVisible();
    await expect(survey.getByRole("link", { name: "週次調査に回答する" })).toHaveAttribute(
      "href",
      `/surveys/${CURRENT_UNANSWERED.id}`,
    );

    const request = await card(canvasElement, "今週の緊急配布要請");
    await expect(request.getByText(/今週の緊急配布要請はまだありません。/)).toBeVisible();
    await expect(request.getByRole("link", { name: "緊急配布要請を作成する" })).toHaveAttribute(
      "href",
      "/requests/new",
    );
    await expect(page.queryByRole("region", { name: "購入・配送" })).toBeNull();
    await expect(
      page.getByRole("region", { name: "要請は配布の決定ではありません" }),
    ).toBeVisible();
    // The story's clock reads Wednesday 10:30, six and a half hours before 17:00.
    const deadline = await card(canvasElement, "緊急配布要請の締切");
    await expect(deadline.getByText(/締切（水曜17:00）まで/)).toHaveTextContent(
      "締切（水曜17:00）まで あと 6時間 30分",
    );
  },
};

/** Answered on Thursday with the manual's worked example: eligible for 2 sets. */
export const SurveyAnsweredEligible: Story = {
  args: { api: homeApi({ survey: currentAnswered() }) },
  play: async ({ canvasElement }) => {
    const survey = await card(canvasElement, "今週の週次調査");
    await expect(survey.getByText("回答済み")).toBeVisible();
    await expect(survey.getByText("① 在庫量 2,000枚")).toBeVisible();
    await expect(survey.getByText("② 1週間の想定消費量 1,000枚")).toBeVisible();
    await expect(survey.getByText("③ 1週間の購入見込み量 400枚")).toBeVisible();
    await expect(survey.getByText(/自己チェック：配布対象/)).toHaveTextContent(
      "自己チェック：配布対象 該当（購入上限数 2セット（2,000枚））",
    );
    await expect(survey.getByText("2026年11月19日（木）10:15に回答（山田 花子）")).toBeVisible();
    await expect(survey.getByRole("link", { name: "回答を確認・編集する" })).toBeVisible();
  },
};

/** A large hospital group's figures, with digit grouping, and a limit of 1,250 sets. */
export const LargeNumbers: Story = {
  args: { api: homeApi({ survey: currentAnswered(LARGE_FIGURES) }) },
  play: async ({ canvasElement }) => {
    const survey = await card(canvasElement, "今週の週次調査");
    await expect(survey.getByText("① 在庫量 1,800,000枚")).toBeVisible();
    await expect(survey.getByText("② 1週間の想定消費量 625,000枚")).toBeVisible();
    await expect(survey.getByText("③ 1週間の購入見込み量 100,000枚")).toBeVisible();
    await expect(survey.getByText(/自己チェック：配布対象/)).toHaveTextContent(
      "（購入上限数 1,250セット（1,250,000枚））",
    );
  },
};

/** Saved but not filed: the card says the request is not complete yet. */
export const DraftRequest: Story = {
  args: { api: homeApi({ survey: currentAnswered(), request: DRAFT_REQUEST }) },
  play: async ({ canvasElement }) => {
    const request = await card(canvasElement, "今週の緊急配布要請");
    await expect(request.getByText("申請前")).toBeVisible();
    await expect(request.getByText(/まだ要請は完了していません。/)).toBeVisible();
    await expect(request.queryByRole("link", { name: "緊急配布要請を作成する" })).toBeNull();
  },
};

/** Filed in time: with the prefecture, nothing to buy yet. */
export const RequestReviewing: Story = {
  args: { api: homeApi({ survey: currentAnswered(), request: REVIEWING_REQUEST }) },
  play: async ({ canvasElement }) => {
    const request = await card(canvasElement, "今週の緊急配布要請");
    await expect(request.getByText("都道府県・国確認中")).toBeVisible();
    await expect(request.getByText(/都道府県・国で要請内容を確認しています。/)).toBeVisible();
    await expect(request.getByRole("link", { name: "要請の内容と状況を見る" })).toHaveAttribute(
      "href",
      `/requests/${REQUEST_ID}`,
    );
    // One request a week: while it is open there is no way to start another.
    await expect(request.queryByRole("link", { name: "緊急配布要請を作成する" })).toBeNull();
    await expect(request.queryByText(/購入：/)).toBeNull();
  },
};

/** Accepted and bought: the card and the purchase list show the order, not yet shipped. */
export const RequestAcceptedOrdered: Story = {
  args: {
    api: homeApi({ survey: currentAnswered(), request: ACCEPTED_REQUEST }, [
      purchaseOrdered(REQUEST_ID, THIS_WEEK.weekStart, "ordered"),
    ]),
  },
  play: async ({ canvasElement }) => {
    const page = within(canvasElement);
    const purchases = within(await page.findByRole("region", { name: "購入・配送" }));
    const request = await card(canvasElement, "今週の緊急配布要請");
    await expect(request.getByText("受付完了")).toBeVisible();
    await expect(request.getByText("購入：注文番号 SOS-2026-000123（注文済み）")).toBeVisible();

    await expect(
      purchases.getByRole("heading", { name: "2026年11月25日（水）17:00締切の週の要請" }),
    ).toBeVisible();
    await expect(purchases.getByText("注文済み")).toBeVisible();
    await expect(purchases.getByText("注文番号 SOS-2026-000123")).toBeVisible();
    await expect(purchases.getByText("出荷の準備中です。")).toBeVisible();
    await expect(purchases.getByText("2セット（2,000枚）")).toBeVisible();
    await expect(purchases.queryByText("お問い合わせ伝票番号")).toBeNull();
  },
};

/** Shipped this morning; last week's order was delivered. Newest first. */
export const RequestAcceptedShipped: Story = {
  args: {
    api: homeApi({ survey: currentAnswered(), request: ACCEPTED_REQUEST }, [
      purchaseOrdered(REQUEST_ID, THIS_WEEK.weekStart, "shipped"),
      purchaseOrdered(LAST_WEEK_ACCEPTED.id, LAST_WEEK_ACCEPTED.weekStart, "delivered", {
        orderNumber: "SOS-2026-000098",
        totalSets: 3,
        totalPieces: 3000,
      }),
    ]),
  },
  play: async ({ canvasElement }) => {
    const page = within(canvasElement);
    const purchases = within(await page.findByRole("region", { name: "購入・配送" }));
    const request = await card(canvasElement, "今週の緊急配布要請");
    await expect(request.getByText("購入：注文番号 SOS-2026-000123（出荷済み）")).toBeVisible();

    const [thisWeek, lastWeek] = purchases.getAllByRole("listitem").map((item) => within(item));
    if (thisWeek === undefined || lastWeek === undefined) throw new Error("購入が2件ありません");
    await expect(
      thisWeek.getByRole("heading", { name: "2026年11月25日（水）17:00締切の週の要請" }),
    ).toBeVisible();
    await expect(thisWeek.getByText("出荷済み")).toBeVisible();
    await expect(thisWeek.getByText("2026年11月25日（水）10:20に出荷しました。")).toBeVisible();
    await expect(thisWeek.getByText("ヤマト運輸")).toBeVisible();
    await expect(thisWeek.getByText("4455-6677-8899")).toBeVisible();

    await expect(
      lastWeek.getByRole("heading", { name: "2026年11月18日（水）17:00締切の週の要請" }),
    ).toBeVisible();
    await expect(lastWeek.getByText("配達済み")).toBeVisible();
    await expect(lastWeek.getByText("2026年11月25日（水）16:40に配達されました。")).toBeVisible();
    await expect(lastWeek.getByText("3セット（3,000枚）")).toBeVisible();
    await expect(
      lastWeek.getByRole("link", { name: "要請と購入・配送の詳細を見る" }),
    ).toHaveAttribute("href", `/requests/${LAST_WEEK_ACCEPTED.id}`);
  },
};

/** Set once the story's institution confirmed receipt; the next read shows it. */
let receivedAt: string | null = null;

const shippedPurchase = () =>
  purchaseOrdered(REQUEST_ID, THIS_WEEK.weekStart, "shipped", {
    shipment: {
      carrier: "ヤマト運輸",
      trackingNumber: "4455-6677-8899",
      shippedAt: "2026-11-25T01:20:00.000Z",
      deliveredAt: null,
      receivedAt,
    },
  });

/**
 * 受領確認: the shipped order asks to confirm once the gloves arrive; asked first,
 * then confirmed, and the card says when (the vendor and the ministry see it too).
 */
export const ConfirmReceipt: Story = {
  beforeEach: () => {
    receivedAt = null;
  },
  args: {
    api: {
      home: {
        summary: () => homeSummary({ survey: currentAnswered(), request: ACCEPTED_REQUEST }),
      },
      institutionOrders: {
        mine: () => [shippedPurchase()],
        confirmReceipt: () => {
          receivedAt = "2026-11-25T05:00:00.000Z";
          return order("shipped");
        },
      },
    },
  },
  play: async ({ args, canvasElement }) => {
    const page = within(canvasElement);
    const purchases = within(await findVisible(page, "region", { name: "購入・配送" }));
    await expect(
      purchases.getByText(
        "手袋が届いたら、受領確認をしてください。販売業者と厚生労働省に届いたことが伝わります。",
      ),
    ).toBeVisible();
    await userEvent.click(purchases.getByRole("button", { name: "受領を確認する" }));
    const dialog = within(
      await findVisible(page, "dialog", { name: "注文 SOS-2026-000123 の受領を確認しますか？" }),
    );
    await expect(inputsOf(args.calls, "institutionOrders.confirmReceipt")).toEqual([]);
    await userEvent.click(dialog.getByRole("button", { name: "受領を確認する" }));
    await waitFor(() =>
      expect(purchases.getByText("2026年11月25日（水）14:00に受領を確認しました。")).toBeVisible(),
    );
    await expect(inputsOf(args.calls, "institutionOrders.confirmReceipt")).toEqual([
      { orderId: "c1d2e3f4-0000-4a5b-8c9d-000000000123" },
    ]);
    await expect(purchases.queryByRole("button", { name: "受領を確認する" })).toBeNull();
  },
};

/** Refused (someone of the institution confirmed it meanwhile): the server's words in the dialog. */
export const ConfirmReceiptRefused: Story = {
  args: {
    api: {
      home: {
        summary: () => homeSummary({ survey: currentAnswered(), request: ACCEPTED_REQUEST }),
      },
      institutionOrders: {
        mine: () => [purchaseOrdered(REQUEST_ID, THIS_WEEK.weekStart, "shipped")],
        confirmReceipt: () => {
          throw new FixtureError("PRECONDITION_FAILED", "この注文は既に受領確認済みです。", {
            domainCode: "INVALID_STATE",
          });
        },
      },
    },
  },
  play: async ({ canvasElement }) => {
    const page = within(canvasElement);
    const purchases = within(await findVisible(page, "region", { name: "購入・配送" }));
    await userEvent.click(purchases.getByRole("button", { name: "受領を確認する" }));
    const dialog = within(await findVisible(page, "dialog", { name: /の受領を確認しますか？$/ }));
    await userEvent.click(dialog.getByRole("button", { name: "受領を確認する" }));
    await expect(await findVisible(dialog, "alert")).toHaveTextContent(
      "この注文は既に受領確認済みです。",
    );
  },
};

/** Before shipping there is nothing to confirm. */
export const NoReceiptBeforeShipping: Story = {
  args: {
    api: homeApi({ survey: currentAnswered(), request: ACCEPTED_REQUEST }, [
      purchaseOrdered(REQUEST_ID, THIS_WEEK.weekStart, "ordered"),
    ]),
  },
  play: async ({ canvasElement }) => {
    const page = within(canvasElement);
    const purchases = within(await findVisible(page, "region", { name: "購入・配送" }));
    await expect(purchases.getByText("出荷の準備中です。")).toBeVisible();
    await expect(purchases.queryByRole("button", { name: "受領を確認する" })).toBeNull();
  },
};

/** Accepted, but the vendor cannot mail the link: the card asks for the registration. */
export const AcceptedNotRegisteredWithVendor: Story = {
  args: {
    api: homeApi({ survey: currentAnswered(), request: ACCEPTED_REQUEST }, [
      purchaseNeedsRegistration(REQUEST_ID, THIS_WEEK.weekStart),
    ]),
  },
  play: async ({ canvasElement }) => {
    const page = within(canvasElement);
    const purchases = within(await page.findByRole("region", { name: "購入・配送" }));
    await expect(
      (await card(canvasElement, "今週の緊急配布要請")).getByText(
        "購入：販売業者の購入サイトへの施設登録が必要です",
      ),
    ).toBeVisible();
    await expect(purchases.getByText(/施設登録がまだです。/)).toBeVisible();
    await expect(purchases.getByText("2セット（2,000枚）")).toBeVisible();
    await expect(purchases.getByRole("link", { name: "購入サイトで施設登録する" })).toHaveAttribute(
      "href",
      "/vendor/register",
    );
  },
};

/** Four weeks of purchases: home keeps to the latest three and says where the rest are. */
export const ManyPurchases: Story = {
  args: {
    api: homeApi({ survey: currentAnswered(), request: ACCEPTED_REQUEST }, [
      purchaseWaiting(REQUEST_ID, THIS_WEEK.weekStart),
      purchaseOrdered(LAST_WEEK_ACCEPTED.id, "2026-11-11", "delivered"),
      purchaseOrdered("9f8e7d6c-5b4a-4c3d-8e2f-1a0b9c8d7e07", "2026-11-04", "delivered"),
      purchaseOrdered("9f8e7d6c-5b4a-4c3d-8e2f-1a0b9c8d7e08", "2026-10-28", "delivered"),
    ]),
  },
  play: async ({ canvasElement }) => {
    const page = within(canvasElement);
    const purchases = within(await page.findByRole("region", { name: "購入・配送" }));
    await expect(
      purchases.getAllByRole("heading", { level: 3 }).map((heading) => heading.textContent),
    ).toEqual([
      "2026年11月25日（水）17:00締切の週の要請",
      "2026年11月18日（水）17:00締切の週の要請",
      "2026年11月11日（水）17:00締切の週の要請",
    ]);
    await expect(purchases.getByText(/販売業者への引き渡しを待っています。/)).toBeVisible();
    await expect(purchases.getByText(/それより前の購入は、緊急配布要請の一覧から/)).toBeVisible();
    await expect(
      (await card(canvasElement, "今週の緊急配布要請")).getByText(
        "購入：販売業者への引き渡しを待っています",
      ),
    ).toBeVisible();
  },
};

/** Filed at 17:40 on Wednesday, after the deadline: handled from Thursday. */
export const LateFiling: Story = {
  parameters: { clock: STORY_NOW_LATE },
  args: {
    api: homeApi({ survey: currentAnswered(), request: LATE_REVIEWING_REQUEST, late: true }),
  },
  play: async ({ canvasElement }) => {
    const request = await card(canvasElement, "今週の緊急配布要請");
    await expect(request.getByText("都道府県・国確認中")).toBeVisible();
    await expect(request.getByText(LATE_NOTE)).toBeVisible();

    const deadline = await card(canvasElement, "緊急配布要請の締切");
    await expect(deadline.getByText(/締切は毎週水曜17時です。/)).toBeVisible();
    // At 17:45 the countdown is over and names the server's handling day.
    const countdown = canvasElement.querySelector(".sos-deadline");
    await expect(countdown).toHaveAttribute("data-overdue", "true");
    await expect(countdown).toHaveTextContent(
      "締切を過ぎています（翌営業日 11月26日（木）以降の対応）",
    );
  },
};

/** Found not eligible: a new request may be started straight away. */
export const RequestNotEligible: Story = {
  args: { api: homeApi({ survey: currentAnswered(), request: NOT_ELIGIBLE_REQUEST }) },
  play: async ({ canvasElement }) => {
    const request = await card(canvasElement, "今週の緊急配布要請");
    await expect(request.getByText("対象外")).toBeVisible();
    await expect(request.getByText(/緊急配布の対象外となりました。/)).toBeVisible();
    await expect(request.getByRole("link", { name: "要請の内容と状況を見る" })).toBeVisible();
    await expect(request.getByRole("link", { name: "緊急配布要請を作成する" })).toBeVisible();
  },
};

const summaryOutage = outage(
  new FixtureError(
    "INTERNAL_SERVER_ERROR",
    "サーバーでエラーが発生しました。時間をおいて再度お試しください。",
  ),
  () => homeSummary({ survey: currentAnswered() }),
);

/** The summary fails: the server's message and 「再読み込み」, which reads it again. */
export const SummaryLoadFailed: Story = {
  args: { api: { ...homeApi(), home: { summary: summaryOutage.handler } } },
  beforeEach: summaryOutage.reset,
  play: async ({ args, canvasElement }) => {
    const page = within(canvasElement);
    const alert = await page.findByRole("alert");
    await expect(alert).toHaveTextContent("今週の状況を表示できませんでした");
    await expect(alert).toHaveTextContent(
      "サーバーでエラーが発生しました。時間をおいて再度お試しください。",
    );
    await expect(page.queryByRole("region", { name: "今週の週次調査" })).toBeNull();

    summaryOutage.recover();
    await userEvent.click(page.getByRole("button", { name: "再読み込み" }));
    await findVisible(page, "region", { name: "今週の週次調査" });
    await expect(page.queryByRole("alert")).toBeNull();
    await expect(inputsOf(args.calls, "home.summary")).toHaveLength(2);
  },
};

/** Only the purchases fail: the week is still shown, with the purchase error beside it. */
export const PurchasesLoadFailed: Story = {
  args: {
    api: {
      ...homeApi({ survey: currentAnswered(), request: ACCEPTED_REQUEST }),
      institutionOrders: {
        mine: () => {
          throw new FixtureError(
            "SERVICE_UNAVAILABLE",
            "販売業者のシステムに接続できませんでした。",
          );
        },
      },
    },
  },
  play: async ({ canvasElement }) => {
    const page = within(canvasElement);
    const alert = await page.findByRole("alert");
    await expect(alert).toHaveTextContent("購入・配送の状況を表示できませんでした");
    await expect(alert).toHaveTextContent("販売業者のシステムに接続できませんでした。");
    await expect(page.getByRole("button", { name: "再読み込み" })).toBeVisible();
    const request = await card(canvasElement, "今週の緊急配布要請");
    await expect(request.getByText("受付完了")).toBeVisible();
    await waitFor(() => expect(request.queryByText(/購入：/)).toBeNull());
  },
};

/** The stock-out forecast: 4.3 weeks left, the day it runs out, and the warning for next week. */
export const StockOutForecast: Story = {
  args: {
    api: homeApi({
      survey: currentAnswered(),
      forecast: {
        asOf: "2026-11-26",
        weeksOfCover: 4.36,
        stockOutDate: "2026-12-26",
        atRiskNextWeek: true,
      },
    }),
  },
  play: async ({ canvasElement }) => {
    const forecast = await card(canvasElement, "在庫の見通し");
    await expect(forecast.getByText("約4.3週間分")).toBeVisible();
    await expect(
      forecast.getByText("2026年12月26日（土）ごろに在庫がなくなる見込みです。"),
    ).toBeVisible();
    await expect(forecast.getByText(/来週、配布対象の条件/)).toBeVisible();
    await expect(forecast.getByText(/2026年11月26日（木）時点の在庫量/)).toBeVisible();
  },
};

/** Purchases cover use: no stock-out day, "—" rather than a number. */
export const StockDoesNotShrink: Story = {
  args: {
    api: homeApi({
      survey: currentAnswered(),
      forecast: {
        asOf: "2026-11-26",
        weeksOfCover: null,
        stockOutDate: null,
        atRiskNextWeek: false,
      },
    }),
  },
  play: async ({ canvasElement }) => {
    const forecast = await card(canvasElement, "在庫の見通し");
    await expect(forecast.getByText("—")).toBeVisible();
    await expect(forecast.queryByText(/来週、配布対象の条件/)).toBeNull();
    await expect(forecast.queryByText(/ごろに在庫がなくなる/)).toBeNull();
  },
};
