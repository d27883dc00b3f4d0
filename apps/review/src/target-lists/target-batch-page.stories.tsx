import { FixtureError, findVisible } from "@sos/web/storybook";
import type { Meta, StoryObj } from "@storybook/react-vite";
import { expect, userEvent, within } from "storybook/test";
import { callsOf, countOf, inputsOf } from "../stories/calls";
import { expectMinistryOnly } from "../stories/denied";
import { MINISTRY_USER, PREFECTURE_USER } from "../stories/people";
import { requestDetail } from "../stories/requests";
import { SCREEN_META } from "../stories/screen";
import {
  LATEST_BATCH,
  LATEST_BATCH_DETAIL,
  LISTED_BAY_REQUEST,
  SJIS_PROBLEMS,
  TARGET_LISTS,
} from "../stories/target-lists";

const NOT_FOUND = "対象のデータが見つかりません。削除されたか、閲覧する権限がありません。";

const meta = {
  ...SCREEN_META,
  title: "画面/審査/対象医療機関リスト/リストの内容",
  args: {
    path: `/target-lists/${LATEST_BATCH.id}`,
    user: MINISTRY_USER,
    api: {
      targetList: {
        get: () => LATEST_BATCH_DETAIL,
        csvCheck: () => SJIS_PROBLEMS,
        list: () => TARGET_LISTS,
      },
      review: {
        get: ({ id }) => {
          if (id !== LISTED_BAY_REQUEST.id) throw new FixtureError("NOT_FOUND", NOT_FOUND);
          return requestDetail(LISTED_BAY_REQUEST);
        },
      },
    },
  },
} satisfies Meta<typeof SCREEN_META.component>;

export default meta;
type Story = StoryObj<typeof meta>;

const CAPTION = "第12号に載せた医療機関";

/**
 * List 12 as the vendor receives it: who issued it, the count and total, the
 * files (with the Shift_JIS warning), and every row in the CSV's columns, long
 * names and a 1,250-set hospital among them.
 */
export const Batch: Story = {
  play: async (context) => {
    const page = within(context.canvasElement);
    await findVisible(page, "heading", { level: 1, name: "対象医療機関リスト 第12号" });
    await expect(inputsOf(callsOf(context), "targetList.get")).toEqual([
      { batchId: LATEST_BATCH.id },
    ]);
    await expect(page.getByText("2026年11月19日（木）15:00に中村 由美さんが発行")).toBeVisible();
    await expect(page.getByText("件数").nextElementSibling).toHaveTextContent("6件");
    await expect(page.getByText("合計数量").nextElementSibling).toHaveTextContent(
      "1,679セット（1,679,000枚）",
    );
    await expect(
      page.getByRole("heading", { level: 2, name: "第12号のCSVファイル（6件）" }),
    ).toBeVisible();
    await expect(await page.findByText("Shift_JISで表せない文字が2か所あります")).toBeVisible();

    const table = within(page.getByRole("table", { name: CAPTION }));
    const headers = table.getAllByRole("columnheader").map((cell) => cell.textContent);
    await expect(headers).toEqual([
      "医療機関名",
      "医療機関コード",
      "都道府県",
      "住所",
      "電話番号",
      "担当者",
      "メールアドレス",
      "購入上限数",
    ]);
    const rows = table.getAllByRole("row").slice(1);
    await expect(rows).toHaveLength(6);
    await expect(rows[1]).toHaveTextContent(
      "東京ベイ総合医療センター1310898765東京都〒135-0064 東京都江東区青海2-5-1003-3520-1000渡辺 大輔busshi@tokyo-bay-mc.example.jp1,250セット1,250,000枚",
    );
    await expect(
      table.getByRole("link", {
        name: "社会福祉法人恩賜財団済生会支部東京都済生会向島病院附属すみだ訪問看護ステーション",
      }),
    ).toBeVisible();
    await expect(table.getByRole("link", { name: "𠮷野内科クリニック" })).toBeVisible();
  },
};

/** Each row opens the request it came from: approved, and on this list. */
export const OpenListedRequest: Story = {
  play: async ({ canvasElement }) => {
    const page = within(canvasElement);
    const table = within(await page.findByRole("table", { name: CAPTION }));
    await userEvent.click(table.getByRole("link", { name: "東京ベイ総合医療センター" }));
    await findVisible(page, "heading", { level: 1, name: "東京ベイ総合医療センター" });
    const approval = within(page.getByRole("region", { name: "国の承認" }));
    await expect(approval.getByText("第12号（2026年11月19日（木）15:00 発行）")).toBeVisible();
    await expect(approval.getByText("1,250セット（1,250,000枚）")).toBeVisible();
  },
};

/** No such list (a mistyped address): no retry, the way back to the lists. */
export const NotFound: Story = {
  args: {
    path: "/target-lists/9c4e0000-0000-4000-8000-000000000099",
    api: {
      targetList: {
        get: () => {
          throw new FixtureError("NOT_FOUND", NOT_FOUND, { domainCode: "NOT_FOUND" });
        },
        list: () => TARGET_LISTS,
      },
    },
  },
  play: async ({ canvasElement }) => {
    const page = within(canvasElement);
    await expect(await page.findByText("対象医療機関リストを表示できませんでした")).toBeVisible();
    await expect(page.getByText(NOT_FOUND)).toBeVisible();
    await expect(page.queryByRole("button", { name: "再読み込み" })).toBeNull();
    await userEvent.click(page.getByRole("link", { name: "対象医療機関リストへ戻る" }));
    await findVisible(page, "heading", { level: 1, name: "対象医療機関リスト" });
  },
};

/** The list could not be read: the server's message and a retry that works. */
export const LoadFailed: Story = {
  args: {
    live: (calls) => ({
      targetList: {
        get: () => {
          if (countOf(calls, "targetList.get") === 1) {
            throw new FixtureError(
              "GATEWAY_TIMEOUT",
              "ただいまサービスを利用できません。しばらく時間をおいてから再度お試しください。",
            );
          }
          return LATEST_BATCH_DETAIL;
        },
      },
    }),
  },
  play: async ({ canvasElement }) => {
    const page = within(canvasElement);
    await expect(
      await page.findByText(
        "ただいまサービスを利用できません。しばらく時間をおいてから再度お試しください。",
      ),
    ).toBeVisible();
    await userEvent.click(page.getByRole("button", { name: "再読み込み" }));
    await findVisible(page, "table", { name: CAPTION });
  },
};

/** A prefecture officer at the address: told it is the ministry's page, nothing asked. */
export const PrefectureDenied: Story = {
  args: { user: PREFECTURE_USER },
  play: async (context) => {
    await expectMinistryOnly(context.canvasElement, "対象医療機関リスト", callsOf(context));
  },
};
