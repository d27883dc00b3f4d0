import { FixtureError, findVisible, Screen } from "@sos/web/storybook";
import type { Meta, StoryObj } from "@storybook/react-vite";
import { expect, userEvent, waitFor, within } from "storybook/test";
import { VENDOR_APP } from "../app";
import { LARGE_BATCH_ID, link, SENT_MONDAY, SMALL_BATCH_ID } from "../stories/batch-items";
import { callLog } from "../stories/calls";
import { SERVER_DOWN_MESSAGE, serverDown } from "../stories/errors";
import { BATCHES, batchDetail, ITEM, LONG_NAME, SMALL_BATCH_ITEMS } from "../stories/target-lists";
import { VENDOR_USER } from "../stories/users";

const log = callLog();

const AOBA = "医療法人青葉会 青葉台クリニック";

/** 第4号 once 青葉台クリニック's link has gone out. */
const AFTER_AOBA_SENT = SMALL_BATCH_ITEMS.map((each) =>
  each.id === ITEM.mismatched ? { ...each, link: link("live", 1, SENT_MONDAY) } : each,
);

const meta = {
  title: "対象医療機関リスト/リストの医療機関",
  component: Screen,
  parameters: { layout: "fullscreen" },
  beforeEach: log.clear,
  args: {
    app: VENDOR_APP,
    path: `/target-lists/${SMALL_BATCH_ID}`,
    user: VENDOR_USER,
    calls: log.calls,
    api: {
      vendorPortal: {
        batches: () => BATCHES,
        batch: (input) =>
          batchDetail(input, {
            items: log.count("vendorPortal.reissueLink") > 0 ? AFTER_AOBA_SENT : undefined,
          }),
        reissueLink: (input) => {
          const sent = AFTER_AOBA_SENT.find((each) => each.id === input.itemId);
          if (sent === undefined) throw new Error("unknown item");
          return sent;
        },
        revokeLink: () => {
          throw new FixtureError(
            "PRECONDITION_FAILED",
            "現在の状態ではこの操作を行えません。画面を再読み込みしてください。",
            { domainCode: "INVALID_STATE" },
          );
        },
        remindUnregistered: (input) =>
          input.itemIds === null || input.itemIds === undefined
            ? { sent: 1, skippedRecent: 1, notRegistered: 2 }
            : { sent: input.itemIds.length, skippedRecent: 0, notRegistered: input.itemIds.length },
      },
    },
  },
} satisfies Meta<typeof Screen>;

export default meta;
type Story = StoryObj<typeof meta>;

type Canvas = ReturnType<typeof within>;

async function institution(page: Canvas, name: string | RegExp) {
  return within(await page.findByRole("listitem", { name }));
}

async function shownList(page: Canvas) {
  return page.findByRole("list", { name: "医療機関の一覧" });
}

/** 第4号: each institution with its match, its link, its order and what can be done next. */
export const EveryState: Story = {
  play: async ({ canvasElement }) => {
    const page = within(canvasElement);
    await findVisible(page, "heading", { level: 1, name: "対象医療機関リスト 第4号" });
    await expect(
      page.getByText(
        "2026年12月10日（木）18:00 受領・8件・上限数の合計 1,292セット（1,292,000枚）",
      ),
    ).toBeVisible();
    await expect(page.getByLabelText("照合と送信の状況")).toHaveTextContent(
      "照合済み5件登録内容不一致1件要確認0件未登録2件登録依頼済み1件リンク送信済み4件購入済み1件",
    );
    await expect(within(await shownList(page)).getAllByRole("listitem")).toHaveLength(8);
    await expect(page.getByText("8件を表示")).toBeVisible();
    // The download the issue mail promises: the ministry's CSV of this list.
    const csv = page.getByRole("link", { name: "CSVをダウンロード" });
    await expect(csv.getAttribute("href")).toMatch(
      /^\/api\/target-lists\/[0-9a-f-]{36}\.csv\?encoding=utf8$/,
    );
    await expect(csv).toHaveAttribute("download");

    const toSend = await institution(page, /みどりが丘記念病院/);
    await expect(toSend.getByText("照合済み")).toBeVisible();
    await expect(
      toSend.getByText("医療機関コード 1310000123・東京都・上限 4セット（4,000枚）"),
    ).toBeVisible();
    await expect(toSend.getByText("未送信")).toBeVisible();
    await expect(toSend.getByText("order-desk@midori.example.jp（銀行振込）")).toBeVisible();
    await expect(toSend.getByRole("button", { name: /購入リンクを送信$/ })).toBeVisible();

    const live = await institution(page, LONG_NAME);
    await expect(live.getByRole("heading", { level: 3, name: LONG_NAME })).toBeVisible();
    await expect(
      live.getByText("医療機関コード 1410000456・神奈川県・上限 1,250セット（1,250,000枚）"),
    ).toBeVisible();
    await expect(live.getByText("送信済み（有効）")).toBeVisible();
    await expect(
      live.getByText("送信 2回・最終 2026年12月14日（月）10:00・2026年12月21日（月）10:00まで有効"),
    ).toBeVisible();
    await expect(live.getByRole("button", { name: `${LONG_NAME}：再発行` })).toBeVisible();
    await expect(live.getByRole("button", { name: `${LONG_NAME}：取り消す` })).toBeVisible();

    const bought = await institution(page, "さくら訪問看護ステーション");
    await expect(bought.getByText("購入済み")).toBeVisible();
    await expect(bought.getByText("出荷済み")).toBeVisible();
    await expect(
      bought.getByText("SOS-2026-000123（2セット（2,000枚）・2026年12月11日（金）14:20）"),
    ).toBeVisible();
    await expect(bought.queryByRole("button")).toBeNull();

    const mismatched = await institution(page, AOBA);
    await expect(mismatched.getByText("登録内容不一致（2項目）")).toBeVisible();
    const diff = mismatched.getByRole("table");
    await expect(within(diff).getByRole("row", { name: /^施設名/ })).toHaveTextContent(
      `施設名${AOBA}青葉台クリニック▲ 不一致`,
    );
    await expect(within(diff).getByRole("row", { name: /^住所/ })).toHaveTextContent("✓ 一致");
    await expect(
      mismatched.getByRole("button", { name: `${AOBA}：確認のうえ購入リンクを送信` }),
    ).toBeVisible();

    const reminded = await institution(page, "やまびこ薬局 千葉駅前店");
    await expect(reminded.getByText("未登録", { selector: "span" })).toBeVisible();
    await expect(reminded.getByText("連絡先（国のリスト）")).toBeVisible();
    await expect(reminded.getByText(/薬局長 高橋 美咲・yamabiko-chiba@example\.jp/)).toBeVisible();
    await expect(reminded.getByText("登録依頼 2回・最終 2026年12月14日（月）09:30")).toBeVisible();

    const expired = await institution(page, "ほくと こども歯科クリニック");
    await expect(expired.getByText("有効期限切れ")).toBeVisible();
    await expect(expired.getAllByRole("button").map((button) => button.textContent)).toEqual([
      "再発行",
    ]);
    const revoked = await institution(page, "医療法人 札幌中央総合病院");
    await expect(revoked.getByText("取消済み")).toBeVisible();
    await expect(revoked.getAllByRole("button").map((button) => button.textContent)).toEqual([
      "再発行",
    ]);
  },
};

/** A registration that differs is sent only after the side-by-side check, and says it was. */
export const MismatchCheckedAndSent: Story = {
  play: async ({ canvasElement }) => {
    const page = within(canvasElement);
    const mismatched = await institution(page, AOBA);
    await userEvent.click(
      mismatched.getByRole("button", { name: `${AOBA}：確認のうえ購入リンクを送信` }),
    );
    const dialog = within(
      await page.findByRole("dialog", {
        name: "登録内容が国のリストと異なります。購入リンクを送信しますか？",
      }),
    );
    await expect(
      dialog.getByText(
        /info@aobadai-cl\.example\.jp 宛てに、購入用URLと購入可能数（3セット（3,000枚））を送信します。/,
      ),
    ).toBeVisible();
    await expect(dialog.getByRole("table")).toHaveTextContent("（不一致 2項目）");
    await userEvent.click(dialog.getByRole("button", { name: "確認済みとして送信する" }));

    await expect(await page.findByText(`${AOBA}に購入リンクを送信しました。`)).toBeVisible();
    await expect(log.inputsTo("vendorPortal.reissueLink")).toEqual([
      { itemId: ITEM.mismatched, allowMismatched: true },
    ]);
    // The list is read again: the institution now has a live link.
    await waitFor(() => expect(mismatched.getByText("送信済み（有効）")).toBeVisible());
    await expect(page.queryByRole("dialog")).toBeNull();
  },
};

/** The server refuses to revoke: its message in the dialog, and the link stays as it was. */
export const RevokeRefused: Story = {
  play: async ({ canvasElement }) => {
    const page = within(canvasElement);
    const live = await institution(page, LONG_NAME);
    await userEvent.click(live.getByRole("button", { name: `${LONG_NAME}：取り消す` }));
    const dialog = within(
      await page.findByRole("dialog", { name: "購入リンクを取り消しますか？" }),
    );
    await expect(
      dialog.getByText(
        `${LONG_NAME}に送ったURLから購入できなくなります。必要になれば再発行できます。`,
      ),
    ).toBeVisible();
    await userEvent.click(dialog.getByRole("button", { name: "取り消す" }));

    await expect(await dialog.findByRole("alert")).toHaveTextContent(
      "現在の状態ではこの操作を行えません。画面を再読み込みしてください。",
    );
    await expect(log.inputsTo("vendorPortal.revokeLink")).toEqual([{ itemId: ITEM.live }]);
    await userEvent.click(dialog.getByRole("button", { name: "キャンセル" }));
    await waitFor(() => expect(page.queryByRole("dialog")).toBeNull());
    await expect(live.getByText("送信済み（有効）")).toBeVisible();
    await expect(page.queryByText(/購入リンクを取り消しました/)).toBeNull();
    await expect(log.count("vendorPortal.batch")).toBe(1);
  },
};

/** The follow-up list: only the unregistered, then the registration request to all of them. */
export const FollowUpUnregistered: Story = {
  play: async ({ canvasElement }) => {
    const page = within(canvasElement);
    await shownList(page);
    await userEvent.selectOptions(page.getByRole("combobox", { name: "照合結果" }), "未登録");
    await waitFor(() =>
      expect(
        within(page.getByRole("list", { name: "医療機関の一覧" })).getAllByRole("listitem"),
      ).toHaveLength(2),
    );
    await expect(log.inputsTo("vendorPortal.batch").at(-1)).toEqual({
      batchId: SMALL_BATCH_ID,
      status: "not_registered",
      linkState: null,
      search: null,
    });
    const never = await institution(page, "ひまわり助産院");
    await expect(never.getByText(/院長 中村 由美・himawari-josan@example\.jp/)).toBeVisible();
    await expect(never.queryByText(/登録依頼 \d+回/)).toBeNull();

    await userEvent.click(
      page.getByRole("button", { name: "未登録・未確認の医療機関に登録依頼メールを送信（2件）" }),
    );
    const dialog = within(
      await page.findByRole("dialog", { name: "施設登録の依頼メールを送信しますか？" }),
    );
    await expect(
      dialog.getByText(/未登録・未確認の医療機関2件に、国のリストの連絡先あてに/),
    ).toBeVisible();
    await userEvent.click(dialog.getByRole("button", { name: "送信する" }));
    await expect(
      await page.findByText(
        "施設登録の依頼メールを1件送信しました。最近送信済みの1件には送信していません。",
      ),
    ).toBeVisible();
    await expect(log.inputsTo("vendorPortal.remindUnregistered")).toEqual([
      { batchId: SMALL_BATCH_ID, itemIds: null },
    ]);
  },
};

/** One institution asked to register from its own card. */
export const RemindOne: Story = {
  play: async ({ canvasElement }) => {
    const page = within(canvasElement);
    const never = await institution(page, "ひまわり助産院");
    await userEvent.click(
      never.getByRole("button", { name: "ひまわり助産院：登録依頼メールを送信" }),
    );
    const dialog = within(
      await page.findByRole("dialog", { name: "施設登録の依頼メールを送信しますか？" }),
    );
    await expect(
      dialog.getByText(
        "国のリストの連絡先（himawari-josan@example.jp）に、購入サイトへの施設登録のお願いを送信します。",
      ),
    ).toBeVisible();
    await userEvent.click(dialog.getByRole("button", { name: "送信する" }));
    await expect(
      await page.findByText("ひまわり助産院に施設登録の依頼メールを送信しました。"),
    ).toBeVisible();
    await expect(log.inputsTo("vendorPortal.remindUnregistered")).toEqual([
      { batchId: SMALL_BATCH_ID, itemIds: [ITEM.unregistered] },
    ]);
  },
};

/** Searching by the start of a code, then for a name that is not on the list. */
export const SearchAndNoMatch: Story = {
  play: async ({ canvasElement }) => {
    const page = within(canvasElement);
    await shownList(page);
    const search = page.getByRole("searchbox", { name: "医療機関名・コード" });
    await userEvent.type(search, "0110");
    await userEvent.click(page.getByRole("button", { name: "検索" }));
    await waitFor(() => expect(page.getByText("2件を表示")).toBeVisible());
    await expect(log.inputsTo("vendorPortal.batch").at(-1)).toMatchObject({ search: "0110" });
    await expect(
      within(await shownList(page))
        .getAllByRole("heading", { level: 3 })
        .map((heading) => heading.textContent),
    ).toEqual(["ほくと こども歯科クリニック", "医療法人 札幌中央総合病院"]);

    await userEvent.clear(search);
    await userEvent.type(search, "存在しない病院");
    await userEvent.click(page.getByRole("button", { name: "検索" }));
    await expect(await page.findByText("条件に当てはまる医療機関はありません。")).toBeVisible();
    await expect(page.getByText("0件を表示")).toBeVisible();
    await expect(
      page.getByRole("checkbox", { name: "表示中の医療機関をすべて選択" }),
    ).toBeDisabled();
  },
};

/** The large list's follow-up: its 50 unregistered institutions, all ticked and reminded at once. */
export const LargeListFollowUp: Story = {
  args: { path: `/target-lists/${LARGE_BATCH_ID}?match=not_registered` },
  play: async ({ canvasElement }) => {
    const page = within(canvasElement);
    await findVisible(page, "heading", { level: 1, name: "対象医療機関リスト 第3号" });
    await expect(
      page.getByText(
        "2026年12月3日（木）18:00 受領・1,250件・上限数の合計 4,994セット（4,994,000枚）",
      ),
    ).toBeVisible();
    await expect(page.getByLabelText("照合と送信の状況")).toHaveTextContent(
      "照合済み1,187件登録内容不一致13件要確認0件未登録50件登録依頼済み0件リンク送信済み712件購入済み125件",
    );
    await expect(page.getByRole("combobox", { name: "照合結果" })).toHaveValue("not_registered");
    await expect(page.getByText("50件を表示")).toBeVisible();

    await userEvent.click(page.getByRole("checkbox", { name: "表示中の医療機関をすべて選択" }));
    await expect(page.getByText("50件を表示（50件を選択中）")).toBeVisible();
    await userEvent.click(
      page.getByRole("button", { name: "未登録・未確認の医療機関に登録依頼メールを送信（50件）" }),
    );
    const dialog = within(
      await page.findByRole("dialog", { name: "施設登録の依頼メールを送信しますか？" }),
    );
    await userEvent.click(dialog.getByRole("button", { name: "送信する" }));
    await expect(await page.findByText("施設登録の依頼メールを50件送信しました。")).toBeVisible();
    const [sent] = log.inputsTo("vendorPortal.remindUnregistered") as { itemIds: string[] }[];
    await expect(sent?.itemIds).toHaveLength(50);
  },
};

/** A list id that is not (or no longer) there: the reason and the way back, no retry. */
export const UnknownList: Story = {
  args: { path: "/target-lists/00000000-0000-4000-8000-000000000000" },
  play: async ({ canvasElement }) => {
    const page = within(canvasElement);
    const alert = await page.findByRole("alert");
    await expect(alert).toHaveTextContent("リストを表示できませんでした");
    await expect(alert).toHaveTextContent(
      "対象のデータが見つかりません。削除されたか、閲覧する権限がありません。",
    );
    await expect(page.queryByRole("button", { name: "再読み込み" })).toBeNull();
    await expect(page.getByRole("link", { name: /対象医療機関リストの一覧へ/ })).toBeVisible();
  },
};

/** The server is down on opening; the retry shows the list. */
export const LoadFailedThenRetry: Story = {
  args: {
    api: {
      vendorPortal: {
        batch: (input) =>
          log.count("vendorPortal.batch") === 1 ? serverDown() : batchDetail(input),
      },
    },
  },
  play: async ({ canvasElement }) => {
    const page = within(canvasElement);
    await expect(await page.findByRole("alert")).toHaveTextContent(SERVER_DOWN_MESSAGE);
    await userEvent.click(page.getByRole("button", { name: "再読み込み" }));
    await findVisible(page, "heading", { level: 1, name: "対象医療機関リスト 第4号" });
    await expect(within(await shownList(page)).getAllByRole("listitem")).toHaveLength(8);
  },
};
