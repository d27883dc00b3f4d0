import { findVisible, Screen } from "@sos/web/storybook";
import type { Meta, StoryObj } from "@storybook/react-vite";
import { expect, userEvent, within } from "storybook/test";
import { VENDOR_APP } from "../app";
import { callLog } from "../stories/calls";
import { SERVER_DOWN_MESSAGE, serverDown } from "../stories/errors";
import { BATCHES, batchDetail } from "../stories/target-lists";
import { VENDOR_USER } from "../stories/users";

const log = callLog();

const meta = {
  title: "対象医療機関リスト/一覧",
  component: Screen,
  parameters: { layout: "fullscreen" },
  beforeEach: log.clear,
  args: {
    app: VENDOR_APP,
    path: "/target-lists",
    user: VENDOR_USER,
    calls: log.calls,
    api: { vendorPortal: { batches: () => BATCHES, batch: (input) => batchDetail(input) } },
  },
} satisfies Meta<typeof Screen>;

export default meta;
type Story = StoryObj<typeof meta>;

function rowTexts(table: HTMLElement): string[][] {
  return within(table)
    .getAllByRole("row")
    .slice(1)
    .map((row) => [...row.children].map((cell) => cell.textContent ?? ""));
}

/** Four lists, newest first, each with how far matching, sending and buying have got. */
export const HandedOverLists: Story = {
  play: async ({ canvasElement }) => {
    const page = within(canvasElement);
    await findVisible(page, "heading", { level: 1, name: "対象医療機関リスト" });
    const table = await page.findByRole("table", { name: "引き渡されたリスト（新しい順）" });
    await expect(rowTexts(table)).toEqual([
      [
        "第4号2026年12月10日（木）18:00 受領",
        "8件",
        "1,292セット（1,292,000枚）",
        "5件",
        "1件",
        "0件",
        "2件（依頼済み 1件）",
        "4件",
        "1件",
      ],
      [
        "第3号2026年12月3日（木）18:00 受領",
        "1,250件",
        "4,994セット（4,994,000枚）",
        "1,187件",
        "13件",
        "0件",
        "50件（依頼済み 0件）",
        "712件",
        "125件",
      ],
      [
        "第2号2026年11月26日（木）18:00 受領",
        "842件",
        "3,105セット（3,105,000枚）",
        "813件",
        "8件",
        "2件",
        "19件（依頼済み 19件）",
        "823件",
        "801件",
      ],
      [
        "第1号2026年11月19日（木）18:00 受領",
        "315件",
        "1,020セット（1,020,000枚）",
        "312件",
        "0件",
        "0件",
        "3件（依頼済み 3件）",
        "312件",
        "310件",
      ],
    ]);

    await userEvent.click(within(table).getByRole("link", { name: "第4号" }));
    await findVisible(page, "heading", { level: 1, name: "対象医療機関リスト 第4号" });
  },
};

/** Before the ministry's first hand-over. */
export const NoListYet: Story = {
  args: { api: { vendorPortal: { batches: () => [] } } },
  play: async ({ canvasElement }) => {
    const page = within(canvasElement);
    const table = await page.findByRole("table", { name: "引き渡されたリスト（新しい順）" });
    await expect(
      within(table).getByText("国から引き渡されたリストはまだありません。"),
    ).toBeVisible();
  },
};

/** The server is down: its message and a retry, which shows the lists once it is back. */
export const LoadFailedThenRetry: Story = {
  args: {
    api: {
      vendorPortal: {
        batches: () => (log.count("vendorPortal.batches") === 1 ? serverDown() : BATCHES),
      },
    },
  },
  play: async ({ canvasElement }) => {
    const page = within(canvasElement);
    const alert = await page.findByRole("alert");
    await expect(alert).toHaveTextContent("リストを表示できませんでした");
    await expect(alert).toHaveTextContent(SERVER_DOWN_MESSAGE);
    await expect(page.queryByRole("table")).toBeNull();

    await userEvent.click(page.getByRole("button", { name: "再読み込み" }));
    const table = await page.findByRole("table", { name: "引き渡されたリスト（新しい順）" });
    await expect(within(table).getByRole("link", { name: "第1号" })).toBeVisible();
    await expect(page.queryByRole("alert")).toBeNull();
  },
};
