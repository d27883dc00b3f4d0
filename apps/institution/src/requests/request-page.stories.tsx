import { FixtureError, type Screen } from "@sos/web/storybook";
import type { Meta, StoryObj } from "@storybook/react-vite";
import { expect, userEvent, within } from "storybook/test";
import type { SosRequestDetail } from "../api-types";
import { inputsOf, LATE_NOTE, LONG_NAME_INSTITUTION, outage, THIS_WEEK } from "../stories/fixtures";
import { homeSummary } from "../stories/home";
import { expectHeaderStatus } from "../stories/page-header";
import {
  purchaseLinkSent,
  purchaseNeedsRegistration,
  purchaseOrdered,
  purchaseWaiting,
} from "../stories/purchases";
import {
  ACCEPTED_REQUEST,
  checkOf,
  DRAFT_REQUEST,
  ERROR_REQUEST,
  LATE_REVIEWING_REQUEST,
  NOT_ELIGIBLE_DECISION_REASON,
  NOT_ELIGIBLE_REASON_MESSAGE,
  NOT_ELIGIBLE_REQUEST,
  OPEN_REQUEST_REASON,
  OPEN_REQUEST_REASON_MESSAGE,
  REQUEST_ID,
  REVIEWING_REQUEST,
  UNANSWERED_REASON_MESSAGE,
  WITHDRAWN_REQUEST,
} from "../stories/requests";
import { screenMeta } from "../stories/screen";
import {
  CURRENT_UNANSWERED,
  currentAnswered,
  ELIGIBLE_FIGURES,
  LARGE_FIGURES,
  THIS_WEEK_SURVEY_ID,
} from "../stories/surveys";

const WEEK = THIS_WEEK.weekStart;

function withRequest(request: SosRequestDetail, more: Meta<typeof Screen>["args"] = {}) {
  return {
    api: {
      sos: { get: () => request },
      home: { summary: () => homeSummary({ survey: currentAnswered(), request }) },
      institutionOrders: { forRequest: () => purchaseLinkSent(request.id, request.weekStart) },
      ...more?.api,
    },
  };
}

const meta = {
  title: "緊急配布要請/詳細",
  ...screenMeta({ path: `/requests/${REQUEST_ID}`, ...withRequest(REVIEWING_REQUEST) }),
} satisfies Meta<typeof Screen>;

export default meta;
type Story = StoryObj<typeof meta>;

/** The page once the request has arrived, showing the status in its header. */
async function loaded(canvasElement: HTMLElement, status: string) {
  await expectHeaderStatus(canvasElement, status);
  return within(canvasElement);
}

function region(canvasElement: HTMLElement, name: string) {
  return within(within(canvasElement).getByRole("region", { name }));
}

/** Saved, not filed: the page leads to 「システムチェック&申請」; there is nothing to withdraw. */
export const Draft: Story = {
  args: withRequest(DRAFT_REQUEST),
  play: async ({ canvasElement }) => {
    const page = await loaded(canvasElement, "申請前");
    await expect(page.getByRole("heading", { level: 1, name: "緊急配布要請" })).toBeVisible();
    await expect(
      page.getByText("2026年11月25日（水）17:00締切の週", { selector: ".inst-week-title" }),
    ).toBeVisible();

    const actions = region(canvasElement, "この要請の操作");
    await expect(actions.getByText(/まだ要請は完了していません。/)).toBeVisible();
    await expect(actions.getByRole("button", { name: "システムチェック&申請" })).toBeVisible();
    await expect(actions.getByRole("link", { name: "編集" })).toHaveAttribute(
      "href",
      `/requests/${REQUEST_ID}/edit`,
    );
    await expect(actions.queryByRole("button", { name: "取下げ" })).toBeNull();

    const details = region(canvasElement, "要請内容");
    await expect(details.getByText("医療法人社団 緑風会 みどりが丘記念病院")).toBeVisible();
    await expect(details.getByText("（医療機関コード 1310012345・東京都）")).toBeVisible();
    await expect(details.getByText("042-645-1111")).toBeVisible();
    await expect(details.getByText("（なし）")).toBeVisible();
    await expect(details.getByText("2026年11月19日（木）10:40（山田 花子）")).toBeVisible();
    await expect(details.queryByText("申請日時")).toBeNull();

    await expect(region(canvasElement, "確認結果").getByText("未申請")).toBeVisible();
    await expect(
      page.queryByRole("region", { name: "システムチェックで確認した週次調査" }),
    ).toBeNull();
    await expect(region(canvasElement, "履歴").getByText("作成（申請前）")).toBeVisible();
  },
};

/** The check failed: every reason, each survey reason with the way to fix the survey. */
export const ErrorWithReasons: Story = {
  args: withRequest(ERROR_REQUEST),
  play: async ({ canvasElement }) => {
    const page = await loaded(canvasElement, "エラーあり");
    const result = page.getByRole("alert");
    await expect(result).toHaveTextContent("システムチェックでエラーがありました（エラーあり）");
    await expect(within(result).getByText(NOT_ELIGIBLE_REASON_MESSAGE)).toBeVisible();
    await expect(within(result).getByText(OPEN_REQUEST_REASON_MESSAGE)).toBeVisible();
    // Only the survey reason has something to open and fix.
    await expect(within(result).getAllByRole("link", { name: "週次調査を確認する" })).toHaveLength(
      1,
    );
    await expect(within(result).getByRole("link", { name: "週次調査を確認する" })).toHaveAttribute(
      "href",
      `/surveys/${THIS_WEEK_SURVEY_ID}`,
    );

    const actions = region(canvasElement, "この要請の操作");
    await expect(actions.getByText(/週次調査の回答を確認・修正してから/)).toBeVisible();
    await expect(actions.getByRole("button", { name: "システムチェック&申請" })).toBeVisible();
    await expect(actions.getByRole("link", { name: "編集" })).toBeVisible();
    const withdraw = actions.getByRole("button", { name: "取下げ" });
    await expect(withdraw).toBeVisible();
    // Issue 16 #13: the entry to withdrawing is outlined, not a solid red block under 編集;
    // the solid red is the confirmation's 取り下げる.
    await expect(getComputedStyle(withdraw).backgroundColor).toBe("rgb(255, 255, 255)");

    const check = region(canvasElement, "システムチェックで確認した週次調査");
    await expect(check.getByText("3,000枚")).toBeVisible();
    await expect(check.getByRole("region", { name: "申請時の自己チェック" })).toHaveAttribute(
      "data-verdict",
      "not-eligible",
    );
    await expect(region(canvasElement, "履歴").getByText(/配布条件を満たさない/)).toBeVisible();
  },
};

/**
 * Issue 16 #4: refused only because another request of the week is open. The survey is
 * not the cause, so the card does not send the institution to fix it.
 */
export const ErrorOpenRequestOnly: Story = {
  args: withRequest({ ...ERROR_REQUEST, errorReasons: [OPEN_REQUEST_REASON] }),
  play: async ({ canvasElement }) => {
    const page = await loaded(canvasElement, "エラーあり");
    await expect(
      within(page.getByRole("alert")).getByText(OPEN_REQUEST_REASON_MESSAGE),
    ).toBeVisible();
    const actions = region(canvasElement, "この要請の操作");
    await expect(actions.getByText(/その要請の結果をお待ちください/)).toBeVisible();
    await expect(actions.queryByText(/週次調査の回答を確認・修正/)).toBeNull();
    await expect(actions.getByRole("button", { name: "取下げ" })).toBeVisible();
  },
};

/** Filed without answering the survey: the page points to the survey to answer first. */
export const ErrorSurveyUnanswered: Story = {
  args: withRequest(
    {
      ...ERROR_REQUEST,
      errorReasons: [
        {
          code: "survey_unanswered",
          message: UNANSWERED_REASON_MESSAGE,
          surveyId: THIS_WEEK_SURVEY_ID,
        },
      ],
      check: null,
    },
    {
      api: {
        home: {
          summary: () => homeSummary({ survey: CURRENT_UNANSWERED, request: ERROR_REQUEST }),
        },
      },
    },
  ),
  play: async ({ canvasElement }) => {
    const page = await loaded(canvasElement, "エラーあり");
    await expect(page.getByRole("alert")).toHaveTextContent(UNANSWERED_REASON_MESSAGE);
    const actions = region(canvasElement, "この要請の操作");
    await expect(await actions.findByText(/今週の週次調査が未回答です。/)).toHaveTextContent(
      "今週の週次調査が未回答です。申請の前に週次調査に回答してください。",
    );
    await expect(actions.getByRole("link", { name: "週次調査に回答" })).toHaveAttribute(
      "href",
      `/surveys/${THIS_WEEK_SURVEY_ID}`,
    );
    await expect(
      page.queryByRole("region", { name: "システムチェックで確認した週次調査" }),
    ).toBeNull();
  },
};

/** Filed in time and with the prefecture: still editable and withdrawable, not re-filed. */
export const Reviewing: Story = {
  play: async ({ args, canvasElement }) => {
    const page = await loaded(canvasElement, "都道府県・国確認中");
    const actions = region(canvasElement, "この要請の操作");
    await expect(
      actions.getByText(
        "都道府県・国で確認中です。受付が完了するまでは、内容の編集や取下げができます。",
      ),
    ).toBeVisible();
    await expect(actions.queryByRole("button", { name: "システムチェック&申請" })).toBeNull();
    await expect(actions.getByRole("link", { name: "編集" })).toBeVisible();
    await expect(actions.getByRole("button", { name: "取下げ" })).toBeVisible();

    const decision = region(canvasElement, "確認結果");
    await expect(decision.getByText("確認中")).toBeVisible();
    await expect(decision.getByText(/数量が決まると、ここに表示されます。/)).toBeVisible();

    const check = region(canvasElement, "システムチェックで確認した週次調査");
    await expect(check.getByText("2,000枚")).toBeVisible();
    await expect(check.getByRole("link", { name: "週次調査を見る" })).toBeVisible();
    await expect(check.getByRole("region", { name: "申請時の自己チェック" })).toHaveAttribute(
      "data-verdict",
      "eligible",
    );
    await expect(
      region(canvasElement, "要請内容").getByText("2026年11月19日（木）10:52"),
    ).toBeVisible();
    await expect(page.queryByText("締切後の申請です")).toBeNull();
    // Nothing to file, so the week's summary is not asked for.
    await expect(inputsOf(args.calls, "home.summary")).toEqual([]);
  },
};

/** Filed after Wednesday 17:00: the page says from which day it is handled. */
export const ReviewingLate: Story = {
  args: withRequest(LATE_REVIEWING_REQUEST),
  play: async ({ canvasElement }) => {
    const page = await loaded(canvasElement, "都道府県・国確認中");
    const notice = page.getByRole("region", { name: "締切後の申請です" });
    await expect(notice).toHaveTextContent(LATE_NOTE);
    await expect(
      region(canvasElement, "要請内容").getByText("2026年11月25日（水）17:40"),
    ).toBeVisible();
    const change = region(canvasElement, "履歴").getByText(/対応開始日（締切後の申請）/);
    await expect(change.closest("li")).toHaveTextContent(
      "対応開始日（締切後の申請）：2026年11月26日（木）",
    );
  },
};

/** The prefecture has entered its quantity; the ministry has yet to approve. */
export const ReviewingWithPrefectureQuantity: Story = {
  args: withRequest({
    ...REVIEWING_REQUEST,
    reviewStage: "ministry",
    decision: {
      kind: "quantity",
      source: "prefecture",
      final: false,
      quantitySets: 2,
      purchaseLimitPieces: 2000,
      computedLimitSets: 2,
      decidedAt: "2026-11-20T06:15:00.000Z",
    },
  }),
  play: async ({ canvasElement }) => {
    await loaded(canvasElement, "都道府県・国確認中");
    const decision = region(canvasElement, "確認結果");
    await expect(decision.getByText("国の承認待ち")).toBeVisible();
    await expect(decision.getByText("都道府県が確認した数量").nextElementSibling).toHaveTextContent(
      "2セット（2,000枚）",
    );
    await expect(decision.getByText("2026年11月20日（金）15:15")).toBeVisible();
    await expect(decision.getByText(/国の承認後に確定します。/)).toBeVisible();
  },
};

/** The survey was edited after filing: officers judge the figures as filed, and the page says so. */
export const ReviewingAfterSurveyEdited: Story = {
  args: withRequest({
    ...REVIEWING_REQUEST,
    check: checkOf(ELIGIBLE_FIGURES, { stock: 2200, consumption: 1000, purchases: 400 }),
  }),
  play: async ({ canvasElement }) => {
    await loaded(canvasElement, "都道府県・国確認中");
    const check = region(canvasElement, "システムチェックで確認した週次調査");
    await expect(check.getByText(/申請後に週次調査の回答が変更されています/)).toHaveTextContent(
      "申請後に週次調査の回答が変更されています（現在の回答：在庫量 2,200枚、1週間の想定消費量 1,000枚、1週間の購入見込み量 400枚）。都道府県・国は申請時の数値で確認します。",
    );
    await expect(check.getByText("2,000枚")).toBeVisible();
  },
};

/** A very long facility name, contact and notes on a phone: all wrap inside the screen. */
export const LongFacilityName: Story = {
  args: withRequest({
    ...REVIEWING_REQUEST,
    institution: LONG_NAME_INSTITUTION,
    contactName: "小笠原 美智子（用度課 課長補佐 兼 感染対策室）",
    contactPhone: "0455763000",
    notes:
      "感染症病棟の増床に伴い、ニトリル手袋の消費量が通常の約3倍になっています。\n卸業者からは12月中旬まで入荷の見込みがないと連絡を受けています。\n平日9時〜17時は用度課（内線2345）までご連絡ください。",
  }),
  play: async ({ canvasElement }) => {
    await loaded(canvasElement, "都道府県・国確認中");
    const details = region(canvasElement, "要請内容");
    await expect(
      details.getByText("社会福祉法人恩賜財団済生会支部神奈川県済生会横浜市東部病院"),
    ).toBeVisible();
    await expect(details.getByText("（医療機関コード 1410098765・神奈川県）")).toBeVisible();
    await expect(details.getByText("045-576-3000")).toBeVisible();
    await expect(details.getByText(/内線2345/)).toBeVisible();
    const root = document.documentElement;
    await expect(root.scrollWidth).toBeLessThanOrEqual(root.clientWidth);
  },
};

/** Accepted: the decided quantity, buying through the emailed link, and no more editing. */
export const AcceptedLinkSent: Story = {
  args: withRequest(ACCEPTED_REQUEST),
  play: async ({ args, canvasElement }) => {
    const page = await loaded(canvasElement, "受付完了");
    const decision = region(canvasElement, "確認結果");
    await expect(decision.getByText("決定")).toBeVisible();
    await expect(decision.getByText("決定した数量").nextElementSibling).toHaveTextContent(
      "2セット（2,000枚）",
    );
    await expect(decision.getByText("購入上限数").nextElementSibling).toHaveTextContent(
      "2セット（2,000枚）",
    );
    await expect(decision.getByText("2026年11月24日（火）10:30")).toBeVisible();

    const purchase = within(await page.findByRole("region", { name: "購入・配送" }));
    await expect(
      await purchase.findByText("購入用URLを2026年11月24日（火）14:30にメールで送信しました。"),
    ).toBeVisible();
    await expect(purchase.getByText(/有効期限は2026年12月1日（火）23:59までです。/)).toBeVisible();
    await expect(purchase.getByText(/購入できる上限：/)).toHaveTextContent(
      "購入できる上限：2セット（2,000枚）",
    );

    await expect(page.queryByRole("region", { name: "この要請の操作" })).toBeNull();
    await expect(page.getByRole("region", { name: "この要請は編集できません" })).toHaveTextContent(
      "受付完了の要請は編集できません。内容の変更が必要な場合は、都道府県の担当者にご連絡ください。",
    );
    await expect(region(canvasElement, "履歴").getByText("国の承認（受付完了）")).toBeVisible();
    await expect(inputsOf(args.calls, "institutionOrders.forRequest")).toEqual([
      { requestId: REQUEST_ID },
    ]);
  },
};

/** Accepted, waiting for the ministry to hand the list to the vendor. */
export const AcceptedWaitingForVendor: Story = {
  args: withRequest(ACCEPTED_REQUEST, {
    api: { institutionOrders: { forRequest: () => purchaseWaiting(REQUEST_ID, WEEK) } },
  }),
  play: async ({ canvasElement }) => {
    const page = await loaded(canvasElement, "受付完了");
    const purchase = within(page.getByRole("region", { name: "購入・配送" }));
    await expect(await purchase.findByText(/販売業者への引き渡しを待っています。/)).toBeVisible();
  },
};

/** Accepted, but not registered with the vendor: the way to register. */
export const AcceptedNotRegistered: Story = {
  args: withRequest(ACCEPTED_REQUEST, {
    api: { institutionOrders: { forRequest: () => purchaseNeedsRegistration(REQUEST_ID, WEEK) } },
  }),
  play: async ({ canvasElement }) => {
    const page = await loaded(canvasElement, "受付完了");
    const purchase = within(page.getByRole("region", { name: "購入・配送" }));
    await expect(
      await purchase.findByRole("link", { name: "購入サイトで施設登録する" }),
    ).toHaveAttribute("href", "/vendor/register");
    await expect(purchase.getByText(/施設登録がまだです。/)).toBeVisible();
  },
};

/** Bought: the order, its sizes, where it goes; shipping not yet. */
export const AcceptedOrdered: Story = {
  args: withRequest(ACCEPTED_REQUEST, {
    api: { institutionOrders: { forRequest: () => purchaseOrdered(REQUEST_ID, WEEK, "ordered") } },
  }),
  play: async ({ canvasElement }) => {
    const page = await loaded(canvasElement, "受付完了");
    const order = within(await page.findByRole("region", { name: "ご注文の内容と配送状況" }));
    await expect(order.getByText("SOS-2026-000123")).toBeVisible();
    await expect(order.getByText("2026年11月24日（火）15:10")).toBeVisible();
    await expect(order.getByRole("list", { name: "配送の状況" })).toBeVisible();
    const lines = within(order.getByRole("table", { name: "サイズごとのセット数" }));
    await expect(lines.getByRole("rowheader", { name: "Mサイズ" })).toBeVisible();
    await expect(lines.getByRole("row", { name: /合計/ })).toHaveTextContent("合計2セット2,000枚");
    await expect(
      order.getByText("〒192-0032 東京都八王子市石川町2958-1 みどりが丘記念病院 用度課"),
    ).toBeVisible();
    await expect(order.getByText("請求書払い")).toBeVisible();
    await expect(order.getByText(/出荷の準備中です。/)).toBeVisible();
  },
};

/** Delivered: the carrier, the tracking number and when it arrived. */
export const AcceptedDelivered: Story = {
  args: withRequest(ACCEPTED_REQUEST, {
    api: {
      institutionOrders: { forRequest: () => purchaseOrdered(REQUEST_ID, WEEK, "delivered") },
    },
  }),
  play: async ({ canvasElement }) => {
    const page = await loaded(canvasElement, "受付完了");
    const order = within(await page.findByRole("region", { name: "ご注文の内容と配送状況" }));
    await expect(order.getAllByText("配達済み").length).toBeGreaterThan(0);
    await expect(order.getByText("ヤマト運輸")).toBeVisible();
    await expect(order.getByText("4455-6677-8899")).toBeVisible();
    await expect(order.getByText("2026年11月25日（水）10:20")).toBeVisible();
    await expect(order.getByText("2026年11月25日（水）16:40")).toBeVisible();
    // Issue 16 #7: once bought, no step of buying is shown as still to do.
    await expect(page.queryByText(/購入用のURL|施設登録/)).toBeNull();
  },
};

/** A large hospital group, adjusted by the review: 1,000 of the 1,250 sets the rule gave. */
export const AcceptedLargeQuantity: Story = {
  args: withRequest(
    {
      ...ACCEPTED_REQUEST,
      check: checkOf(LARGE_FIGURES),
      decision: {
        kind: "quantity",
        source: "ministry",
        final: true,
        quantitySets: 1000,
        purchaseLimitPieces: 1_000_000,
        computedLimitSets: 1250,
        decidedAt: "2026-11-24T01:30:00.000Z",
      },
    },
    {
      api: {
        institutionOrders: {
          forRequest: () => ({
            ...purchaseLinkSent(REQUEST_ID, WEEK),
            limitSets: 1000,
            limitPieces: 1_000_000,
          }),
        },
      },
    },
  ),
  play: async ({ canvasElement }) => {
    const page = await loaded(canvasElement, "受付完了");
    const decision = region(canvasElement, "確認結果");
    await expect(decision.getByText("購入上限数").nextElementSibling).toHaveTextContent(
      "1,000セット（1,000,000枚）",
    );
    await expect(decision.getByText(/自己チェックで計算した購入上限数/)).toHaveTextContent(
      "自己チェックで計算した購入上限数（1,250セット（1,250,000枚））から、都道府県・国の確認により調整されています。",
    );
    const check = region(canvasElement, "システムチェックで確認した週次調査");
    await expect(check.getByText("1,800,000枚")).toBeVisible();
    const purchase = within(page.getByRole("region", { name: "購入・配送" }));
    await expect(await purchase.findByText(/購入できる上限：/)).toHaveTextContent(
      "購入できる上限：1,000セット（1,000,000枚）",
    );
  },
};

const purchaseOutage = outage(
  new FixtureError("SERVICE_UNAVAILABLE", "販売業者のシステムに接続できませんでした。"),
  () => purchaseOrdered(REQUEST_ID, WEEK, "shipped"),
);

/** The purchase cannot be read: the rest of the page stands, and 「再読み込み」 reads it again. */
export const AcceptedPurchaseLoadFailed: Story = {
  args: withRequest(ACCEPTED_REQUEST, {
    api: { institutionOrders: { forRequest: purchaseOutage.handler } },
  }),
  beforeEach: purchaseOutage.reset,
  play: async ({ canvasElement }) => {
    const page = await loaded(canvasElement, "受付完了");
    const purchase = within(page.getByRole("region", { name: "購入・配送" }));
    const alert = await purchase.findByRole("alert");
    await expect(alert).toHaveTextContent("購入・配送の状況を表示できませんでした");
    await expect(alert).toHaveTextContent("販売業者のシステムに接続できませんでした。");
    await expect(region(canvasElement, "確認結果").getByText("決定")).toBeVisible();

    purchaseOutage.recover();
    await userEvent.click(purchase.getByRole("button", { name: "再読み込み" }));
    await expect(await purchase.findByText("SOS-2026-000123")).toBeVisible();
    await expect(purchase.queryByRole("alert")).toBeNull();
  },
};

/** Found not eligible by the prefecture, with its reason; no purchase mail will come. */
export const NotEligible: Story = {
  args: withRequest(NOT_ELIGIBLE_REQUEST),
  play: async ({ args, canvasElement }) => {
    const page = await loaded(canvasElement, "対象外");
    const decision = region(canvasElement, "確認結果");
    await expect(decision.getByText(/緊急配布の対象外となりました。/)).toBeVisible();
    await expect(decision.getByText("理由")).toBeVisible();
    await expect(decision.getByText(NOT_ELIGIBLE_DECISION_REASON)).toBeVisible();
    await expect(decision.getByText(/購入用のメールは届きません。/)).toBeVisible();
    await expect(page.queryByRole("region", { name: "この要請の操作" })).toBeNull();
    await expect(page.queryByRole("region", { name: "購入・配送" })).toBeNull();
    await expect(page.getByRole("region", { name: "この要請は編集できません" })).toHaveTextContent(
      "対象外となった要請は編集できません。必要な場合は、新しい要請を作成してください。",
    );
    await expect(
      region(canvasElement, "履歴").getByText("鈴木 次郎（都道府県担当者）"),
    ).toBeVisible();
    await expect(inputsOf(args.calls, "institutionOrders.forRequest")).toEqual([]);
  },
};

/** Withdrawn by a colleague: closed, with the note they left. */
export const Withdrawn: Story = {
  args: withRequest(WITHDRAWN_REQUEST),
  play: async ({ canvasElement }) => {
    const page = await loaded(canvasElement, "取下げ");
    await expect(
      region(canvasElement, "確認結果").getByText(
        "この要請は取り下げられました。必要な場合は、新しい要請を作成してください。",
      ),
    ).toBeVisible();
    await expect(page.getByText("卸業者から入荷の連絡があったため取り下げます。")).toBeVisible();
    await expect(page.getByRole("region", { name: "この要請は編集できません" })).toHaveTextContent(
      "取り下げた要請は編集できません。",
    );
    await expect(page.queryByRole("button", { name: "取下げ" })).toBeNull();
    await expect(region(canvasElement, "履歴").getByText("佐藤 一郎（医療機関）")).toBeVisible();
  },
};

/** Another institution's request, or a wrong address: no retry, the way back to the list. */
export const NotFound: Story = {
  args: {
    path: "/requests/00000000-0000-4000-8000-000000000000",
    api: {
      sos: {
        get: () => {
          throw new FixtureError(
            "NOT_FOUND",
            "対象のデータが見つかりません。削除されたか、閲覧する権限がありません。",
            { domainCode: "NOT_FOUND" },
          );
        },
      },
    },
  },
  play: async ({ canvasElement }) => {
    const page = within(canvasElement);
    const alert = await page.findByRole("alert");
    await expect(alert).toHaveTextContent("緊急配布要請を表示できませんでした");
    await expect(alert).toHaveTextContent(
      "対象のデータが見つかりません。削除されたか、閲覧する権限がありません。",
    );
    await expect(page.queryByRole("button", { name: "再読み込み" })).toBeNull();
    await expect(page.getByRole("link", { name: "緊急配布要請の一覧へ戻る" })).toHaveAttribute(
      "href",
      "/requests",
    );
  },
};

const requestOutage = outage(
  new FixtureError(
    "INTERNAL_SERVER_ERROR",
    "サーバーでエラーが発生しました。時間をおいて再度お試しください。",
  ),
  () => REVIEWING_REQUEST,
);

/** The request fails to load; 「再読み込み」 reads it again. */
export const LoadFailed: Story = {
  args: { api: { sos: { get: requestOutage.handler } } },
  beforeEach: requestOutage.reset,
  play: async ({ canvasElement }) => {
    const page = within(canvasElement);
    await expect(await page.findByRole("alert")).toHaveTextContent(
      "サーバーでエラーが発生しました。時間をおいて再度お試しください。",
    );
    requestOutage.recover();
    await userEvent.click(page.getByRole("button", { name: "再読み込み" }));
    await loaded(canvasElement, "都道府県・国確認中");
    await expect(page.queryByRole("alert")).toBeNull();
  },
};
