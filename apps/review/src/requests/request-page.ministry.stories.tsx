import { FixtureError, findVisible } from "@sos/web/storybook";
import type { Meta, StoryObj } from "@storybook/react-vite";
import { expect, userEvent, waitFor, within } from "storybook/test";
import { callsOf, countOf, inputsOf } from "../stories/calls";
import { MINISTRY_USER, PEOPLE } from "../stories/people";
import { REQUESTS } from "../stories/queue";
import { confirmNotEligible, headerStatus, heading, type Page } from "../stories/request-page";
import type { RequestSpec } from "../stories/requests";
import { closedNotEligible, liveServer, STALE } from "../stories/review-server";
import { SCREEN_META } from "../stories/screen";

const meta = {
  ...SCREEN_META,
  title: "画面/審査/要請の承認（国）",
  args: {
    path: `/requests/${REQUESTS.sapporo.id}`,
    user: MINISTRY_USER,
    live: liveServer({ scope: null }),
  },
} satisfies Meta<typeof SCREEN_META.component>;

export default meta;
type Story = StoryObj<typeof meta>;

/**
 * The ministry's part of the page: the section 「国の確認」 (the outer one: a
 * read-only form is a region of the same name inside it).
 */
function decision(page: Page) {
  const [section] = page.getAllByRole("region", { name: "国の確認" });
  if (section === undefined) throw new Error("「国の確認」がありません");
  return within(section);
}

/** What the history says happened, newest first. */
function actionsIn(canvasElement: HTMLElement): Array<string | null> {
  return [...canvasElement.querySelectorAll(".sos-history__action")].map(
    (node) => node.textContent,
  );
}

/**
 * A request the prefecture completed above the computed limit, with its reason:
 * the ministry sees the input and the warning, approves at the prefecture's
 * quantity after the confirmation, and the next request waiting for it opens.
 */
export const ApproveAndGoToNext: Story = {
  play: async (context) => {
    const page = within(context.canvasElement);
    await heading(page, "北の大地メディカルセンター");
    await expect(headerStatus(context.canvasElement)).toHaveTextContent("国確認中");
    const part = decision(page);
    await expect(part.getByRole("heading", { level: 2, name: "国の確認" })).toBeVisible();
    await expect(part.getByText("80セット（80,000枚）")).toBeVisible();
    await expect(part.getByText("（購入上限数 60セット（60,000枚））")).toBeVisible();
    await expect(
      part.getByText("管内の感染拡大で、来週の消費量が2割以上増える見込みのため。"),
    ).toBeVisible();
    await expect(part.getByText("2026年11月24日（火）08:45（佐々木 真理）")).toBeVisible();
    await expect(part.getByLabelText("承認する数量（セット）")).toHaveValue("80");
    await expect(
      part.getByText("購入上限数（算定値 60セット（60,000枚））を超える数量です。"),
    ).toBeVisible();

    await userEvent.click(part.getByRole("button", { name: "承認（受付完了）" }));
    const dialog = within(
      await page.findByRole("dialog", { name: "「北の大地メディカルセンター」の要請を承認します" }),
    );
    await expect(dialog.getByText("80セット（80,000枚）")).toBeVisible();
    await userEvent.click(dialog.getByRole("button", { name: "承認する" }));

    await heading(page, "東京ベイ総合医療センター");
    await expect(inputsOf(callsOf(context), "review.approve")).toEqual([
      {
        items: [
          {
            id: REQUESTS.sapporo.id,
            expectedVersion: 2,
            quantitySets: 80,
            adjustReason: "",
          },
        ],
      },
    ]);
    await expect(
      page.getByText("「北の大地メディカルセンター」の要請を承認しました（受付完了）"),
    ).toBeVisible();
    await expect(page.getByText("一覧の次の要請を表示しています。")).toBeVisible();
    await waitFor(() =>
      expect(decision(page).getByLabelText("承認する数量（セット）")).toHaveFocus(),
    );
  },
};

/**
 * Adjusting a 1,250-set request: the quantity typed in full-width digits, the
 * reason required before anything is sent, then both in the confirmation and in
 * review.approve.
 */
export const AdjustLargeQuantity: Story = {
  args: { path: `/requests/${REQUESTS.bay.id}` },
  play: async (context) => {
    const page = within(context.canvasElement);
    await heading(page, "東京ベイ総合医療センター");
    const calculation = within(page.getByRole("region", { name: "配布条件の判定" }));
    await expect(calculation.getByText("購入上限数（算定値）").nextSibling).toHaveTextContent(
      "1,250セット1,250,000枚",
    );
    const part = decision(page);
    const quantity = part.getByLabelText("承認する数量（セット）");
    await expect(quantity).toHaveValue("1,250");
    await userEvent.clear(quantity);
    await userEvent.type(quantity, "１，０００");
    await userEvent.click(part.getByRole("button", { name: "承認（受付完了）" }));
    const required =
      "都道府県の入力（1,250セット（1,250,000枚））と異なる数量で承認する場合は、調整理由を入力してください。";
    await expect(await part.findAllByText(required)).toHaveLength(2);
    await expect(page.queryByRole("dialog")).toBeNull();

    const reason = "全国の在庫状況を踏まえ、今週は1,000セットに調整します。";
    await userEvent.type(part.getByRole("textbox", { name: /^調整理由/ }), reason);
    await userEvent.click(part.getByRole("button", { name: "承認（受付完了）" }));
    const dialog = within(
      await page.findByRole("dialog", { name: "「東京ベイ総合医療センター」の要請を承認します" }),
    );
    await expect(dialog.getByText("1,000セット（1,000,000枚）")).toBeVisible();
    await expect(dialog.getByText(reason)).toBeVisible();
    await userEvent.click(dialog.getByRole("button", { name: "承認する" }));

    await expect(
      await page.findByText("「東京ベイ総合医療センター」の要請を承認しました（受付完了）"),
    ).toBeVisible();
    await expect(inputsOf(callsOf(context), "review.approve")).toEqual([
      {
        items: [
          { id: REQUESTS.bay.id, expectedVersion: 2, quantitySets: 1_000, adjustReason: reason },
        ],
      },
    ]);
  },
};

/** Zero sets is never approved: a request nobody should supply is closed instead. */
export const ApproveZeroRefused: Story = {
  args: { path: `/requests/${REQUESTS.naniwa.id}` },
  play: async (context) => {
    const page = within(context.canvasElement);
    await heading(page, "なにわ歯科クリニック");
    const part = decision(page);
    const quantity = part.getByLabelText("承認する数量（セット）");
    await userEvent.clear(quantity);
    await userEvent.type(quantity, "0");
    await userEvent.click(part.getByRole("button", { name: "承認（受付完了）" }));
    await expect(
      await part.findAllByText(
        "承認する数量は1セット以上にしてください。都道府県が配送不要としている場合は、対象外とするか、数量と調整理由を入力してください。",
      ),
    ).toHaveLength(2);
    await expect(countOf(callsOf(context), "review.approve")).toBe(0);
  },
};

/** The request after a colleague at the ministry returned it to Kanagawa meanwhile. */
const RETURNED_BY_COLLEAGUE: RequestSpec = {
  ...REQUESTS.yokohama,
  version: 3,
  reviewStage: "prefecture",
  prefectureInput: {
    ...REQUESTS.yokohama.prefectureInput,
    completedAt: null,
  },
  returns: [
    {
      id: "ret-0002",
      reason: "病床数に比べて想定消費量が多いため、内訳を確認してください。",
      returnedAt: "2026-11-26T01:40:00.000Z",
      returnedBy: PEOPLE.otherMinistryOfficer,
    },
  ],
};

/**
 * A colleague returned the request while this officer was approving it: the
 * approval is refused, the confirmation makes way for the conflict notice, and
 * reading the latest shows it back with the prefecture.
 */
export const ConflictWithColleague: Story = {
  args: {
    path: `/requests/${REQUESTS.yokohama.id}`,
    live: liveServer({
      scope: null,
      changedAfterFirstRead: [RETURNED_BY_COLLEAGUE],
      refuse: {
        approve: new FixtureError("CONFLICT", `${STALE}いずれの要請も承認していません。`, {
          domainCode: "STALE_VERSION",
          fieldErrors: { "items.0": [STALE] },
        }),
      },
    }),
  },
  play: async (context) => {
    const page = within(context.canvasElement);
    await heading(page, "社会福祉法人恩賜財団済生会支部神奈川県済生会横浜市東部病院");
    await userEvent.click(decision(page).getByRole("button", { name: "承認（受付完了）" }));
    const dialog = await page.findByRole("dialog", { name: /の要請を承認します$/ });
    await userEvent.click(within(dialog).getByRole("button", { name: "承認する" }));

    await expect(await decision(page).findByText(STALE)).toBeVisible();
    await waitFor(() => expect(page.queryByRole("dialog")).toBeNull());
    await expect(inputsOf(callsOf(context), "review.approve")).toMatchObject([
      { items: [{ id: REQUESTS.yokohama.id, expectedVersion: 2 }] },
    ]);

    await userEvent.click(decision(page).getByRole("button", { name: "最新の内容を読み込む" }));
    await expect(
      await decision(page).findByText(
        "都道府県確認中です。都道府県が確認を完了すると、承認・差戻しができます。",
      ),
    ).toBeVisible();
    await expect(headerStatus(context.canvasElement)).toHaveTextContent("都道府県確認中");
    await expect(
      page.getByText("2026年11月26日（木）10:40に国（中村 由美）から差し戻されました。"),
    ).toBeVisible();
    await expect(decision(page).queryByRole("button", { name: "承認（受付完了）" })).toBeNull();
  },
};

const BUSY = "アクセスが集中しています。しばらく時間をおいてから再度お試しください。";

/** The server turns the approval away: its words in the dialog, nothing approved, no move. */
export const ApproveRefused: Story = {
  args: {
    path: `/requests/${REQUESTS.naniwa.id}`,
    live: liveServer({
      scope: null,
      refuse: { approve: new FixtureError("TOO_MANY_REQUESTS", BUSY) },
    }),
  },
  play: async (context) => {
    const page = within(context.canvasElement);
    await heading(page, "なにわ歯科クリニック");
    await userEvent.click(decision(page).getByRole("button", { name: "承認（受付完了）" }));
    const dialog = within(
      await page.findByRole("dialog", { name: "「なにわ歯科クリニック」の要請を承認します" }),
    );
    await userEvent.click(dialog.getByRole("button", { name: "承認する" }));
    await expect(await dialog.findByText(BUSY)).toBeVisible();
    await expect(headerStatus(context.canvasElement)).toHaveTextContent("国確認中");
    await expect(page.queryByText(/を承認しました/)).toBeNull();
    await expect(countOf(callsOf(context), "review.queue")).toBe(0);
  },
};

/**
 * 差戻し: a reason is required; the request goes back to the prefecture and the
 * next one waiting for the ministry opens.
 */
export const ReturnToPrefecture: Story = {
  args: { path: `/requests/${REQUESTS.naniwa.id}` },
  play: async (context) => {
    const page = within(context.canvasElement);
    await heading(page, "なにわ歯科クリニック");
    await userEvent.click(decision(page).getByRole("button", { name: "都道府県に差し戻す…" }));
    const dialog = within(
      await page.findByRole("dialog", {
        name: "「なにわ歯科クリニック」の要請を都道府県に差し戻します",
      }),
    );
    await userEvent.click(dialog.getByRole("button", { name: "差し戻す" }));
    await expect(await dialog.findByText("差戻しの理由を入力してください")).toBeVisible();
    // A reason of nothing but a full-width space is still no reason.
    await userEvent.type(dialog.getByRole("textbox", { name: /^差戻しの理由/ }), "　");
    await userEvent.click(dialog.getByRole("button", { name: "差し戻す" }));
    await expect(dialog.getByText("差戻しの理由を入力してください")).toBeVisible();
    await expect(countOf(callsOf(context), "review.returnToPrefecture")).toBe(0);

    const reason = "歯科診療所として想定消費量が多いため、根拠を医療機関に確認してください。";
    await userEvent.clear(dialog.getByRole("textbox", { name: /^差戻しの理由/ }));
    await userEvent.type(dialog.getByRole("textbox", { name: /^差戻しの理由/ }), reason);
    await userEvent.click(dialog.getByRole("button", { name: "差し戻す" }));

    await heading(page, "東京ベイ総合医療センター");
    await expect(inputsOf(callsOf(context), "review.returnToPrefecture")).toEqual([
      { id: REQUESTS.naniwa.id, expectedVersion: 2, reason },
    ]);
    await expect(
      page.getByText("「なにわ歯科クリニック」の要請を都道府県に差し戻しました"),
    ).toBeVisible();
  },
};

/**
 * Still with the prefecture: the ministry reads its state and may close it as not
 * eligible without waiting.
 */
export const WithPrefectureCloseNotEligible: Story = {
  args: { path: `/requests/${REQUESTS.chiyoda.id}` },
  play: async (context) => {
    const page = within(context.canvasElement);
    await heading(page, "千代田中央病院");
    const part = decision(page);
    await expect(
      part.getByText("都道府県確認中です。都道府県が確認を完了すると、承認・差戻しができます。"),
    ).toBeVisible();
    await expect(part.getByText("数量").nextSibling).toHaveTextContent(
      "未入力（購入上限数 12セット（12,000枚））",
    );
    await userEvent.click(part.getByRole("button", { name: "対象外とする…" }));
    const dialog = within(
      await page.findByRole("dialog", { name: "「千代田中央病院」の要請を対象外とします" }),
    );
    await confirmNotEligible(context, dialog, {
      request: REQUESTS.chiyoda,
      expectedVersion: 1,
      reason: "同一法人の別施設から同じ週に重複して要請されているため。",
      next: "東京ベイ総合医療センター",
    });
  },
};

/** Approved with an adjustment and on list 12: read-only, with the whole audit trail. */
export const AcceptedAuditTrail: Story = {
  args: {
    path: `/requests/${REQUESTS.sapporo.id}`,
    live: liveServer({
      scope: null,
      requests: () => [
        {
          ...REQUESTS.sapporo,
          version: 4,
          status: "accepted",
          reviewStage: null,
          approval: {
            quantitySets: 70,
            adjustReason: "上限超過分の一部のみ認め、70セットとする。",
            approvedAt: "2026-11-25T01:10:00.000Z",
            by: PEOPLE.otherMinistryOfficer,
          },
          targetList: {
            batchId: "9c4e0000-0000-4000-8000-000000000012",
            number: 12,
            issuedAt: "2026-11-25T06:00:00.000Z",
          },
        },
      ],
    }),
  },
  play: async ({ canvasElement }) => {
    const page = within(canvasElement);
    await heading(page, "北の大地メディカルセンター");
    await expect(headerStatus(canvasElement)).toHaveTextContent("受付完了");
    await expect(
      decision(page).getByText("承認済み（受付完了）の要請です。変更できません。"),
    ).toBeVisible();
    await expect(decision(page).queryByRole("button")).toBeNull();
    const approval = within(page.getByRole("region", { name: "国の承認" }));
    await expect(approval.getByText("70セット（70,000枚）")).toBeVisible();
    await expect(approval.getByText("中村 由美")).toBeVisible();

    const history = within(page.getByRole("region", { name: "対応履歴" }));
    const entries = [...canvasElement.querySelectorAll("li.sos-history__entry")];
    await expect(actionsIn(canvasElement)).toEqual([
      "販売業者へ引渡し（対象医療機関リスト）",
      "国の承認（受付完了）",
      "都道府県確認完了",
      "システムチェック&申請（都道府県・国確認中）",
      "作成（申請前）",
    ]);
    await expect(entries[1]).toHaveTextContent("中村 由美（国（厚生労働省））");
    await expect(entries[1]).toHaveTextContent("数量：70セット（70,000枚）");
    await expect(entries[1]).toHaveTextContent("都道府県の数量：80セット（80,000枚）");
    await expect(entries[1]).toHaveTextContent(
      "調整理由：上限超過分の一部のみ認め、70セットとする。",
    );
    await expect(entries[2]).toHaveTextContent("佐々木 真理（都道府県担当者）");
    await expect(history.getByText("対象医療機関リスト：")).toBeVisible();
  },
};

/**
 * Bought, shipped and confirmed by the institution (受領確認): the approval card says
 * when each happened, so the ministry sees the gloves arrived.
 */
export const AcceptedShippedAndReceived: Story = {
  args: {
    path: `/requests/${REQUESTS.sapporo.id}`,
    live: liveServer({
      scope: null,
      requests: () => [
        {
          ...REQUESTS.sapporo,
          version: 4,
          status: "accepted",
          reviewStage: null,
          approval: {
            quantitySets: 70,
            approvedAt: "2026-11-25T01:10:00.000Z",
            by: PEOPLE.otherMinistryOfficer,
          },
          targetList: {
            batchId: "9c4e0000-0000-4000-8000-000000000012",
            number: 12,
            issuedAt: "2026-11-25T06:00:00.000Z",
          },
          order: {
            orderNumber: "SOS-2026-000131",
            status: "shipped",
            statusLabel: "出荷済み",
            orderedAt: "2026-11-26T01:00:00.000Z",
            totalSets: 70,
            shippedAt: "2026-11-27T02:30:00.000Z",
            deliveredAt: null,
            receivedAt: "2026-11-28T00:45:00.000Z",
          },
        },
      ],
    }),
  },
  play: async ({ canvasElement }) => {
    const page = within(canvasElement);
    await heading(page, "北の大地メディカルセンター");
    const approval = within(await findVisible(page, "region", { name: "国の承認" }));
    await expect(approval.getByText("注文").nextSibling).toHaveTextContent(
      "SOS-2026-000131（出荷済み・70セット（70,000枚）・2026年11月26日（木）10:00 注文）",
    );
    await expect(approval.getByText("出荷").nextSibling).toHaveTextContent(
      "2026年11月27日（金）11:30",
    );
    await expect(approval.getByText("受領確認").nextSibling).toHaveTextContent(
      "2026年11月28日（土）09:45",
    );
  },
};

/** Closed by the ministry: the reason, and when the institution's email goes out. */
export const ClosedByMinistry: Story = {
  args: {
    path: `/requests/${REQUESTS.naniwa.id}`,
    live: liveServer({
      scope: null,
      requests: () => [
        closedNotEligible(REQUESTS.naniwa, {
          role: "ministry",
          reason: "同意事項④による措置の対象であることが判明したため。",
        }),
      ],
    }),
  },
  play: async ({ canvasElement }) => {
    const page = within(canvasElement);
    await heading(page, "なにわ歯科クリニック");
    await expect(headerStatus(canvasElement)).toHaveTextContent("対象外");
    await expect(decision(page).getByText("対象外として終了した要請です。")).toBeVisible();
    await expect(page.getByText("対象外の理由").nextSibling).toHaveTextContent(
      "同意事項④による措置の対象であることが判明したため。",
    );
    const history = within(page.getByRole("region", { name: "対応履歴" }));
    await expect(actionsIn(canvasElement)[0]).toBe("対象外");
    await expect(
      history.getByText("2026年11月27日（金）00:00以降に送信（info@naniwa-dental.example.jp）"),
    ).toBeVisible();
  },
};
