import { FixtureError } from "@sos/web/storybook";
import type { Meta, StoryObj } from "@storybook/react-vite";
import { expect, userEvent, waitFor, within } from "storybook/test";
import { callsOf, countOf, inputsOf } from "../stories/calls";
import { PEOPLE, PREFECTURE_USER } from "../stories/people";
import { REQUESTS } from "../stories/queue";
import { confirmNotEligible, headerStatus, heading, type Page } from "../stories/request-page";
import type { RequestSpec } from "../stories/requests";
import { closedNotEligible, liveServer, reviewServer, STALE } from "../stories/review-server";
import { mergeApi, SCREEN_META } from "../stories/screen";

const meta = {
  ...SCREEN_META,
  title: "画面/審査/要請の確認（都道府県）",
  args: {
    path: `/requests/${REQUESTS.chiyoda.id}`,
    user: PREFECTURE_USER,
    live: liveServer({ scope: 13 }),
  },
} satisfies Meta<typeof SCREEN_META.component>;

export default meta;
type Story = StoryObj<typeof meta>;

/** The officer's part of the page: the section 「都道府県の確認」. */
function decision(page: Page) {
  return within(page.getByRole("region", { name: "都道府県の確認" }));
}

/** The request's page once it has arrived (its institution in the h1), showing `notice`. */
async function expectNotice(canvasElement: HTMLElement, institution: string, notice: string) {
  const page = within(canvasElement);
  await heading(page, institution);
  await expect(page.getByText(notice)).toBeVisible();
  return page;
}

/**
 * A request waiting for the prefecture, opened by its address: what the decision
 * rests on (the rule worked out on the figures, the limit, weeks of cover), how to
 * reach the institution, the filing against the deadlines, and the history.
 */
export const AwaitingInput: Story = {
  play: async ({ canvasElement }) => {
    const page = within(canvasElement);
    await heading(page, "千代田中央病院");
    await expect(headerStatus(canvasElement)).toHaveTextContent("都道府県確認中");
    await expect(
      page.getByText("東京都・病院・医療機関コード 1310112345・2026年11月25日（水）17:00締切の週"),
    ).toBeVisible();
    // Opened by its address: no place in a queue page to show.
    await expect(page.queryByRole("navigation", { name: "一覧の前後の要請" })).toBeNull();

    // The phone is under the title, above the calculation and its explanation.
    const contact = page.getByRole("group", { name: "連絡先" });
    const [phone] = within(contact).getAllByRole("link", { name: "03-3251-1234" });
    await expect(phone).toHaveAttribute("href", "tel:0332511234");
    await expect(contact).toHaveTextContent("担当");
    const explainer = page.getByRole("region", { name: "配布条件の判定" });
    if (phone === undefined) throw new Error("連絡先に電話番号がありません");
    await expect(
      phone.compareDocumentPosition(explainer) & Node.DOCUMENT_POSITION_FOLLOWING,
    ).toBeTruthy();
    await expect(phone.getBoundingClientRect().top).toBeLessThan(400);

    const calculation = within(page.getByRole("region", { name: "配布条件の判定" }));
    await expect(calculation.getByText("購入上限数（算定値）").nextSibling).toHaveTextContent(
      "12セット12,000枚",
    );
    await expect(calculation.getByText("在庫週数").nextSibling).toHaveTextContent("0.4週");
    await expect(
      calculation.getByText("システムチェックの時点の週次調査の回答で判定しています。"),
    ).toBeVisible();

    const institution = within(page.getByRole("region", { name: "医療機関" }));
    await expect(institution.getByText("〒101-0041 東京都千代田区神田須田町1-2-3")).toBeVisible();
    await expect(institution.getByRole("link", { name: "03-3251-1234" })).toHaveAttribute(
      "href",
      "tel:0332511234",
    );
    const filing = within(page.getByRole("region", { name: "要請内容" }));
    await expect(filing.getByText("2026年11月18日（水）19:10")).toBeVisible();
    await expect(filing.getByText("2026年11月26日（木）17:00")).toBeVisible();
    await expect(
      filing.getByText("救急外来の受診者が増え、使用量が急増しています。"),
    ).toBeVisible();

    const form = decision(page);
    await expect(form.getByRole("heading", { level: 2, name: "都道府県の確認" })).toBeVisible();
    await expect(form.getByLabelText("数量（セット）")).toHaveValue("12");
    await expect(form.getByRole("radio", { name: "必要（配送する）" })).not.toBeChecked();

    const history = within(page.getByRole("region", { name: "対応履歴" }));
    const entries = history
      .getAllByRole("listitem")
      .filter((item) => item.matches("li.sos-history__entry"));
    await expect(entries).toHaveLength(2);
    await expect(entries[0]).toHaveTextContent("システムチェック&申請（都道府県・国確認中）");
    await expect(entries[0]).toHaveTextContent("山本 恵子（医療機関）");
    await expect(entries[1]).toHaveTextContent("作成（申請前）");
  },
};

/**
 * 配送要否 and the computed quantity, 都道府県確認を完了: the save carries the version
 * read, and the next request waiting in the queue opens with the outcome on top and
 * the keyboard already in its form.
 */
export const CompleteAndGoToNext: Story = {
  play: async (context) => {
    const page = within(context.canvasElement);
    await heading(page, "千代田中央病院");
    const form = decision(page);
    await userEvent.click(form.getByRole("radio", { name: "必要（配送する）" }));
    await userEvent.type(
      form.getByRole("textbox", { name: "備考" }),
      "11月26日に電話で在庫を確認。",
    );
    await userEvent.click(form.getByRole("button", { name: "都道府県確認を完了" }));
    await userEvent.click(await page.findByRole("button", { name: "完了する" }));

    await heading(page, REQUESTS.sumida.institution.name);
    await expect(inputsOf(callsOf(context), "review.savePrefectureReview")).toEqual([
      {
        id: REQUESTS.chiyoda.id,
        expectedVersion: 1,
        supplyNeeded: true,
        quantitySets: 12,
        overrideReason: "",
        notes: "11月26日に電話で在庫を確認。",
        complete: true,
      },
    ]);
    await expect(page.getByText("「千代田中央病院」の都道府県確認を完了しました")).toBeVisible();
    await expect(page.getByText("一覧の次の要請を表示しています。")).toBeVisible();
    await expect(page.getByText("このページの 1 / 50 件目")).toBeVisible();
    await waitFor(() =>
      expect(decision(page).getByRole("radio", { name: "必要（配送する）" })).toHaveFocus(),
    );
    // The draft saved earlier is what the form starts from.
    await expect(decision(page).getByLabelText("数量（セット）")).toHaveValue("3");
  },
};

/** The bay hospital before its prefecture checked it: 1,250 sets is its computed limit. */
const BAY_WITH_PREFECTURE: RequestSpec = {
  ...REQUESTS.bay,
  version: 1,
  reviewStage: "prefecture",
  prefectureInput: null,
};

/**
 * A large hospital: 1,250 sets (1,250,000 pieces). A quantity typed in full-width
 * digits above the limit is refused until the override is ticked and a reason
 * given; 一時保存 then keeps the officer on the request.
 */
export const LargeQuantityOverLimitDraft: Story = {
  args: {
    path: `/requests/${REQUESTS.bay.id}`,
    live: liveServer({ scope: 13, requests: () => [BAY_WITH_PREFECTURE] }),
  },
  play: async (context) => {
    const page = within(context.canvasElement);
    await heading(page, "東京ベイ総合医療センター");
    const calculation = within(page.getByRole("region", { name: "配布条件の判定" }));
    await expect(calculation.getByText("購入上限数（算定値）").nextSibling).toHaveTextContent(
      "1,250セット1,250,000枚",
    );
    await expect(calculation.getByText("在庫週数").nextSibling).toHaveTextContent("2.8週");

    const form = decision(page);
    const quantity = form.getByLabelText("数量（セット）");
    await expect(quantity).toHaveValue("1,250");
    await userEvent.click(form.getByRole("radio", { name: "必要（配送する）" }));
    await userEvent.clear(quantity);
    await userEvent.type(quantity, "１，３００");
    await userEvent.click(form.getByRole("button", { name: "一時保存" }));
    const overLimit =
      "購入上限数（1,250セット（1,250,000枚））を超えています。超える場合は「上限を超える（理由を記入）」にチェックし、理由を入力してください。";
    await expect(await form.findAllByText(overLimit)).toHaveLength(2);
    await expect(countOf(callsOf(context), "review.savePrefectureReview")).toBe(0);

    await userEvent.click(form.getByRole("checkbox", { name: "上限を超える（理由を記入）" }));
    await userEvent.click(form.getByRole("button", { name: "一時保存" }));
    await expect(
      await form.findAllByText(
        "購入上限数（1,250セット（1,250,000枚））を超える理由を入力してください。",
      ),
    ).toHaveLength(2);
    await userEvent.type(
      form.getByRole("textbox", { name: /^上限を超える理由/ }),
      "感染症病棟を12月1日に50床増床するため。",
    );
    await userEvent.click(form.getByRole("button", { name: "一時保存" }));

    await expect(
      await form.findByText("一時保存しました。まだ国には送られていません。"),
    ).toBeVisible();
    await expect(inputsOf(callsOf(context), "review.savePrefectureReview")).toEqual([
      {
        id: REQUESTS.bay.id,
        expectedVersion: 1,
        supplyNeeded: true,
        quantitySets: 1_300,
        overrideReason: "感染症病棟を12月1日に50床増床するため。",
        notes: "",
        complete: false,
      },
    ]);
    await heading(page, "東京ベイ総合医療センター");
    await expect(form.getByLabelText("数量（セット）")).toHaveValue("1,300");
  },
};

/**
 * What the form refuses before asking the server, each message at its field and
 * in the summary: no 配送要否, a quantity typed in pieces (「3000枚」), zero sets
 * typed in a full-width digit while supply is needed.
 */
export const ValidationErrors: Story = {
  play: async (context) => {
    const page = within(context.canvasElement);
    await heading(page, "千代田中央病院");
    const form = decision(page);
    const quantity = form.getByLabelText("数量（セット）");
    await userEvent.clear(quantity);
    await userEvent.type(quantity, "3000枚");
    await userEvent.click(form.getByRole("button", { name: "都道府県確認を完了" }));
    const summary = within(await form.findByRole("region", { name: /^入力内容に誤りがあります/ }));
    await expect(summary.getByRole("link", { name: "配送要否を選択してください。" })).toBeVisible();
    const inPieces = "数量はセット単位で入力してください（1セット＝1,000枚。枚数ではありません）";
    await expect(summary.getByRole("link", { name: inPieces })).toBeVisible();
    await expect(quantity).toHaveAccessibleDescription(expect.stringContaining(inPieces));

    await userEvent.click(form.getByRole("radio", { name: "必要（配送する）" }));
    await userEvent.clear(quantity);
    // Pasted in one go: see the report on the summary taking the focus while typing.
    quantity.focus();
    await userEvent.paste("０");
    await userEvent.click(form.getByRole("button", { name: "都道府県確認を完了" }));
    await expect(
      await form.findAllByText("配送が必要な場合、数量は1セット以上を入力してください。"),
    ).toHaveLength(2);
    await expect(summary.queryByRole("link", { name: "配送要否を選択してください。" })).toBeNull();
    await expect(countOf(callsOf(context), "review.savePrefectureReview")).toBe(0);
  },
};

/** The request after another officer of the prefecture saved their input meanwhile. */
const SAVED_BY_COLLEAGUE: RequestSpec = {
  ...REQUESTS.sumida,
  version: 4,
  prefectureInput: {
    supplyNeeded: true,
    quantitySets: 2,
    notes: "高橋：医療機関に再確認し、2セットで足りるとのこと。",
    updatedAt: "2026-11-26T01:40:00.000Z",
    by: PEOPLE.otherPrefectureOfficer,
  },
};

/**
 * Another officer saved the request after this page read it: nothing is
 * overwritten, the page says so, and 「最新の内容を読み込む」 shows their input.
 */
export const ConflictWithAnotherOfficer: Story = {
  args: {
    path: `/requests/${REQUESTS.sumida.id}`,
    live: liveServer({
      scope: 13,
      changedAfterFirstRead: [SAVED_BY_COLLEAGUE],
      refuse: {
        savePrefectureReview: new FixtureError("CONFLICT", STALE, {
          domainCode: "STALE_VERSION",
        }),
      },
    }),
  },
  play: async (context) => {
    const page = within(context.canvasElement);
    await heading(page, REQUESTS.sumida.institution.name);
    const form = decision(page);
    await expect(form.getByLabelText("数量（セット）")).toHaveValue("3");
    const notes = form.getByRole("textbox", { name: "備考" });
    await userEvent.clear(notes);
    await userEvent.type(notes, "佐藤：4セットに増やす。");
    await userEvent.click(form.getByRole("button", { name: "一時保存" }));

    await expect(await form.findByText(STALE)).toBeVisible();
    await expect(form.getByText(/この画面の入力内容は保存されていません。/)).toBeVisible();
    await expect(notes).toHaveValue("佐藤：4セットに増やす。");
    await expect(inputsOf(callsOf(context), "review.savePrefectureReview")).toMatchObject([
      { id: REQUESTS.sumida.id, expectedVersion: 3 },
    ]);

    await userEvent.click(form.getByRole("button", { name: "最新の内容を読み込む" }));
    await waitFor(() =>
      expect(decision(page).getByRole("textbox", { name: "備考" })).toHaveValue(
        "高橋：医療機関に再確認し、2セットで足りるとのこと。",
      ),
    );
    await expect(decision(page).getByLabelText("数量（セット）")).toHaveValue("2");
    await expect(decision(page).queryByText(STALE)).toBeNull();
    const history = within(page.getByRole("region", { name: "対応履歴" }));
    await expect(history.getByText("高橋 直人（都道府県担当者）")).toBeVisible();
  },
};

const SERVER_TROUBLE = "システムエラーが発生しました。しばらく時間をおいてから再度お試しください。";

/** The server refuses the save for its own reasons: its words, the input kept, no move. */
export const SaveRefused: Story = {
  args: {
    live: liveServer({
      scope: 13,
      refuse: { savePrefectureReview: new FixtureError("INTERNAL_SERVER_ERROR", SERVER_TROUBLE) },
    }),
  },
  play: async (context) => {
    const page = within(context.canvasElement);
    await heading(page, "千代田中央病院");
    const form = decision(page);
    await userEvent.click(form.getByRole("radio", { name: "必要（配送する）" }));
    await userEvent.click(form.getByRole("button", { name: "都道府県確認を完了" }));
    await userEvent.click(await page.findByRole("button", { name: "完了する" }));
    await expect(await form.findByText(SERVER_TROUBLE)).toBeVisible();
    await heading(page, "千代田中央病院");
    await expect(form.getByRole("radio", { name: "必要（配送する）" })).toBeChecked();
    await expect(form.getByLabelText("数量（セット）")).toHaveValue("12");
    await expect(countOf(callsOf(context), "review.queue")).toBe(0);
  },
};

const WITH_MINISTRY =
  "この要請は都道府県の確認が完了し、国確認中です。変更が必要な場合は、国に差戻しを依頼してください。";

/** The request after another officer of the prefecture completed it meanwhile. */
const COMPLETED_BY_COLLEAGUE: RequestSpec = {
  ...REQUESTS.chiyoda,
  version: 2,
  reviewStage: "ministry",
  prefectureInput: {
    supplyNeeded: true,
    quantitySets: 10,
    completedAt: "2026-11-26T01:40:00.000Z",
    updatedAt: "2026-11-26T01:40:00.000Z",
    by: PEOPLE.otherPrefectureOfficer,
  },
};

/**
 * Completed by a colleague a moment ago: the refusal is read as "decided
 * elsewhere" and the request is read again, now shown read-only.
 */
export const CompletedElsewhere: Story = {
  args: {
    live: liveServer({
      scope: 13,
      changedAfterFirstRead: [COMPLETED_BY_COLLEAGUE],
      refuse: {
        savePrefectureReview: new FixtureError("PRECONDITION_FAILED", WITH_MINISTRY, {
          domainCode: "INVALID_STATE",
        }),
      },
    }),
  },
  play: async (context) => {
    const page = within(context.canvasElement);
    await heading(page, "千代田中央病院");
    const form = decision(page);
    await userEvent.click(form.getByRole("radio", { name: "必要（配送する）" }));
    await userEvent.click(form.getByRole("button", { name: "都道府県確認を完了" }));
    await userEvent.click(await page.findByRole("button", { name: "完了する" }));
    await expect(
      await page.findByText(
        "都道府県確認を完了し、国確認中です。変更が必要な場合は、国に差戻しを依頼してください。",
      ),
    ).toBeVisible();
    await expect(headerStatus(context.canvasElement)).toHaveTextContent("国確認中");
    await expect(decision(page).getByText("10セット（10,000枚）", { exact: false })).toBeVisible();
    await expect(decision(page).queryByRole("button", { name: "都道府県確認を完了" })).toBeNull();
    await expect(countOf(callsOf(context), "review.get")).toBe(2);
  },
};

/**
 * Closing a request as not eligible (the survey answer changed after the check):
 * the dialog asks for the reason, says from when the institution is emailed, and
 * the next request opens saying when that email goes.
 */
export const MarkNotEligible: Story = {
  args: { path: `/requests/${REQUESTS.takahashi.id}` },
  play: async (context) => {
    const page = within(context.canvasElement);
    await heading(page, "髙橋整形外科医院");
    await expect(
      page.getByText(
        "システムチェックの後に週次調査の回答が変更されています（現在の回答：在庫量 5,000枚、想定消費量 1,200枚、購入見込み量 0枚）。",
      ),
    ).toBeVisible();
    await userEvent.click(decision(page).getByRole("button", { name: "対象外とする…" }));
    const dialog = within(
      await page.findByRole("dialog", { name: "「髙橋整形外科医院」の要請を対象外とします" }),
    );
    await expect(
      dialog.getByText(
        "医療機関には、2026年11月27日（金）以降に、理由を記載したメールで連絡します。",
      ),
    ).toBeVisible();
    await userEvent.click(dialog.getByRole("button", { name: "対象外とする" }));
    await expect(await dialog.findByText("対象外とする理由を入力してください")).toBeVisible();
    await expect(countOf(callsOf(context), "review.markNotEligible")).toBe(0);

    await confirmNotEligible(context, dialog, {
      request: REQUESTS.takahashi,
      expectedVersion: 1,
      reason:
        "11月25日の週次調査で在庫量が5,000枚に更新され、配布条件（在庫量＜（消費量−購入量）×4）を満たさなくなったため。",
      next: "千代田中央病院",
    });
  },
};

/**
 * The last request waiting: a late filing with no contact phone. Completing it
 * returns to the queue, which says the run is over.
 */
export const LastOneBackToQueue: Story = {
  args: {
    path: `/requests/${REQUESTS.tsukishima.id}`,
    live: (calls) =>
      mergeApi(reviewServer(calls, { scope: 13 }), {
        review: {
          queue: (input) => {
            const done = countOf(calls, "review.savePrefectureReview") > 0;
            return {
              items: [],
              total: done ? 0 : 1,
              page: input.page ?? 1,
              pageSize: input.pageSize ?? 50,
              pageCount: 1,
            };
          },
        },
      }),
  },
  play: async (context) => {
    const page = within(context.canvasElement);
    await heading(page, "つきしま助産院");
    const filing = within(page.getByRole("region", { name: "要請内容" }));
    await expect(
      filing.getByText("水曜17時の締切後の申請のため、2026年11月26日（木）以降の対応となります。"),
    ).toBeVisible();
    await expect(filing.getByText("（未入力）")).toBeVisible();

    const form = decision(page);
    await expect(form.getByLabelText("数量（セット）")).toHaveValue("1");
    await userEvent.click(form.getByRole("radio", { name: "必要（配送する）" }));
    await userEvent.click(form.getByRole("button", { name: "都道府県確認を完了" }));
    await userEvent.click(await page.findByRole("button", { name: "完了する" }));

    await heading(page, "確認待ちの要請");
    await expect(page.getByText("「つきしま助産院」の都道府県確認を完了しました")).toBeVisible();
    await expect(page.getByText("この一覧で、確認を待っている要請は以上です。")).toBeVisible();
    await expect(page.getByText("確認待ちの要請はありません。")).toBeVisible();
  },
};

/** Returned by the ministry with its reason, above the form that keeps the earlier input. */
export const ReturnedByMinistry: Story = {
  args: { path: `/requests/${REQUESTS.yoshino.id}` },
  play: async ({ canvasElement }) => {
    const page = await expectNotice(
      canvasElement,
      "𠮷野内科クリニック",
      "2026年11月24日（火）16:30に国（中村 由美）から差し戻されました。",
    );
    await expect(
      page.getByText(
        "理由：想定消費量が前週の3倍になっています。医療機関に根拠を確認のうえ、数量を見直してください。",
      ),
    ).toBeVisible();
    await expect(decision(page).getByLabelText("数量（セット）")).toHaveValue("4");
    await expect(decision(page).getByRole("radio", { name: "必要（配送する）" })).toBeChecked();
    const history = within(page.getByRole("region", { name: "対応履歴" }));
    await expect(history.getByText("国から都道府県へ差戻し")).toBeVisible();
    await expect(history.getByText("中村 由美（国（厚生労働省））")).toBeVisible();
  },
};

/** A sanction came into force after the filing: said before anything else. */
export const InstitutionUnderSanction: Story = {
  args: { path: `/requests/${REQUESTS.midori.id}` },
  play: async ({ canvasElement }) => {
    await expectNotice(
      canvasElement,
      "みどり調剤薬局　本町店",
      "この医療機関には 2026年11月25日（水） から措置（同意事項④）が適用されています。理由：前回購入分の手袋をインターネットで転売したことが確認されたため（同意事項④）。",
    );
  },
};

/** Completed and with the ministry: the prefecture's input, read-only, and why. */
export const WithMinistryReadOnly: Story = {
  args: { path: `/requests/${REQUESTS.bay.id}` },
  play: async ({ canvasElement }) => {
    const page = within(canvasElement);
    await heading(page, "東京ベイ総合医療センター");
    await expect(headerStatus(canvasElement)).toHaveTextContent("国確認中");
    const part = decision(page);
    await expect(
      part.getByText(
        "都道府県確認を完了し、国確認中です。変更が必要な場合は、国に差戻しを依頼してください。",
      ),
    ).toBeVisible();
    await expect(part.getByText("1,250セット（1,250,000枚）")).toBeVisible();
    await expect(part.getByText("2026年11月24日（火）14:00（佐藤 美咲）")).toBeVisible();
    await expect(part.queryByRole("button")).toBeNull();
    await expect(part.queryByRole("textbox")).toBeNull();
  },
};

/** Approved at an adjusted quantity and handed to the vendor on list 12. */
const ACCEPTED: RequestSpec = {
  ...REQUESTS.bay,
  version: 4,
  status: "accepted",
  reviewStage: null,
  approval: {
    quantitySets: 1_000,
    adjustReason: "全国の在庫状況を踏まえ、1,000セットに調整しました。",
    approvedAt: "2026-11-25T02:30:00.000Z",
  },
  targetList: {
    batchId: "9c4e0000-0000-4000-8000-000000000012",
    number: 12,
    issuedAt: "2026-11-19T06:00:00.000Z",
  },
};

/** Accepted: the approval (quantity, reason, who, when, which list) and its history. */
export const AcceptedAndListed: Story = {
  args: {
    path: `/requests/${REQUESTS.bay.id}`,
    live: liveServer({ scope: 13, requests: () => [ACCEPTED] }),
  },
  play: async ({ canvasElement }) => {
    const page = within(canvasElement);
    await heading(page, "東京ベイ総合医療センター");
    await expect(headerStatus(canvasElement)).toHaveTextContent("受付完了");
    await expect(
      decision(page).getByText("国が承認し、受付完了となった要請です。変更できません。"),
    ).toBeVisible();
    const approval = within(page.getByRole("region", { name: "国の承認" }));
    await expect(approval.getByText("1,000セット（1,000,000枚）")).toBeVisible();
    await expect(
      approval.getByText("全国の在庫状況を踏まえ、1,000セットに調整しました。"),
    ).toBeVisible();
    await expect(approval.getByText("田中 健一")).toBeVisible();
    await expect(approval.getByText("第12号（2026年11月19日（木）15:00 発行）")).toBeVisible();
    const calculation = within(page.getByRole("region", { name: "配布条件の判定" }));
    await expect(calculation.getByText("承認数量").nextSibling).toHaveTextContent(
      "1,000セット1,000,000枚",
    );

    const history = within(page.getByRole("region", { name: "対応履歴" }));
    await expect(history.getByText("販売業者へ引渡し（対象医療機関リスト）")).toBeVisible();
    await expect(history.getByText("第12号")).toBeVisible();
    await expect(history.getByText("国の承認（受付完了）")).toBeVisible();
    await expect(history.getByText("都道府県の数量：")).toBeVisible();
  },
};

/** Closed as not eligible: why, the notice in the history, nothing to change. */
export const ClosedNotEligible: Story = {
  args: {
    path: `/requests/${REQUESTS.takahashi.id}`,
    live: liveServer({
      scope: 13,
      requests: () => [
        closedNotEligible(REQUESTS.takahashi, {
          role: "prefecture",
          reason: "在庫量が配布条件を満たさなくなったため。",
        }),
      ],
    }),
  },
  play: async ({ canvasElement }) => {
    const page = within(canvasElement);
    await heading(page, "髙橋整形外科医院");
    await expect(headerStatus(canvasElement)).toHaveTextContent("対象外");
    await expect(page.getByText("対象外の理由").nextSibling).toHaveTextContent(
      "在庫量が配布条件を満たさなくなったため。",
    );
    await expect(decision(page).getByText("対象外として終了した要請です。")).toBeVisible();
    const history = within(page.getByRole("region", { name: "対応履歴" }));
    await expect(
      history.getByText(
        "2026年11月27日（金）00:00以降に送信（uketsuke@takahashi-seikei.example.jp）",
      ),
    ).toBeVisible();
  },
};

/** No survey answer to judge by: the card says what to do instead. */
export const NoSurveyAnswer: Story = {
  args: {
    live: liveServer({
      scope: 13,
      requests: () => [{ ...REQUESTS.chiyoda, noCalculation: true }],
    }),
  },
  play: async ({ canvasElement }) => {
    await expectNotice(
      canvasElement,
      "千代田中央病院",
      "判定に使える週次調査の回答がありません。医療機関に在庫量などを確認してください。",
    );
  },
};

/** The request could not be read: the server's message, and a retry that works. */
export const LoadFailed: Story = {
  args: {
    live: (calls) =>
      mergeApi(reviewServer(calls, { scope: 13 }), {
        review: {
          get: (input) => {
            if (countOf(calls, "review.get") === 1) {
              throw new FixtureError(
                "TIMEOUT",
                "処理に時間がかかっています。しばらく時間をおいてから再度お試しください。",
              );
            }
            return reviewServer(calls, { scope: 13 }).review?.get?.(input) as never;
          },
        },
      }),
  },
  play: async ({ canvasElement }) => {
    const page = within(canvasElement);
    await heading(page, "要請の確認");
    await expect(await page.findByText("要請を表示できませんでした")).toBeVisible();
    await expect(
      page.getByText("処理に時間がかかっています。しばらく時間をおいてから再度お試しください。"),
    ).toBeVisible();
    await userEvent.click(page.getByRole("button", { name: "再読み込み" }));
    await heading(page, "千代田中央病院");
  },
};

/** Another prefecture's request (or none): no retry, only the way back to the queue. */
export const NotFound: Story = {
  args: { path: `/requests/${REQUESTS.yokohama.id}` },
  play: async ({ canvasElement }) => {
    const page = within(canvasElement);
    await expect(await page.findByText("要請を表示できませんでした")).toBeVisible();
    await expect(
      page.getByText("対象のデータが見つかりません。削除されたか、閲覧する権限がありません。"),
    ).toBeVisible();
    await expect(page.queryByRole("button", { name: "再読み込み" })).toBeNull();
    await userEvent.click(page.getByRole("link", { name: "要請の一覧へ戻る" }));
    await heading(page, "確認待ちの要請");
  },
};
