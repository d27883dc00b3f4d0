import { findVisible } from "@sos/web/storybook";
import type { Meta, StoryObj } from "@storybook/react-vite";
import { expect, fn, userEvent, waitFor, within } from "storybook/test";
import { BatchCompleteBar, type BatchCompleteItem } from "./batch-complete-bar";

const ITEMS: BatchCompleteItem[] = [
  {
    id: "a",
    institutionName: "千代田中央病院",
    supplyNeeded: true,
    quantitySets: 12,
    source: "computed",
  },
  {
    id: "b",
    institutionName:
      "社会福祉法人恩賜財団済生会支部東京都済生会向島病院附属すみだ訪問看護ステーション",
    supplyNeeded: true,
    quantitySets: 3,
    source: "input",
  },
  {
    id: "c",
    institutionName: "つきしま調剤薬局",
    supplyNeeded: false,
    quantitySets: 0,
    source: "input",
  },
];

const meta = {
  title: "部品/審査/BatchCompleteBar",
  component: BatchCompleteBar,
  args: { items: ITEMS, onComplete: fn(async () => {}), onClear: fn() },
  parameters: { layout: "fullscreen" },
} satisfies Meta<typeof BatchCompleteBar>;

export default meta;
type Story = StoryObj<typeof meta>;

function page(canvasElement: HTMLElement) {
  return within(canvasElement.ownerDocument.body);
}

/**
 * The bar counts the selection and the sets of those needing supply; nothing is
 * written until the confirmation, which lists what each request will be completed as.
 */
export const ConfirmAndComplete: Story = {
  play: async ({ args, canvas, canvasElement }) => {
    const bar = await findVisible(canvas, "region", { name: "選択した要請の一括確認完了" });
    await expect(bar).toHaveTextContent("3件を選択中");
    await expect(bar).toHaveTextContent("配送要 合計 15セット（15,000枚）");

    await userEvent.click(within(bar).getByRole("button", { name: "3件の確認を完了" }));
    const dialog = await findVisible(page(canvasElement), "dialog", {
      name: "3件の都道府県確認を完了します",
    });
    await expect(dialog).toHaveAccessibleDescription(
      /国から差し戻されない限り変更できません。配送要否を入力していない1件は、配送要・購入上限数（算定値）で完了します。\s*件数\s*3件\s*配送要\s*2件（合計 15セット（15,000枚））\s*配送不要\s*1件/,
    );
    const list = within(dialog).getByRole("list", { name: "確認を完了する要請" });
    const entries = within(list).getAllByRole("listitem");
    await expect(entries).toHaveLength(3);
    await expect(entries[0]).toHaveTextContent(
      "千代田中央病院配送要 12セット（12,000枚）（算定値）",
    );
    await expect(entries[1]).toHaveTextContent("配送要 3セット（3,000枚）（入力済み）");
    await expect(entries[2]).toHaveTextContent("つきしま調剤薬局配送不要");
    await expect(args.onComplete).not.toHaveBeenCalled();

    await userEvent.click(within(dialog).getByRole("button", { name: "3件の確認を完了する" }));
    await waitFor(() => expect(args.onComplete).toHaveBeenCalledOnce());
    await waitFor(() => expect(dialog).not.toBeVisible());
  },
};

/** Cancel writes nothing and keeps the selection. */
export const Cancel: Story = {
  play: async ({ args, canvas, canvasElement }) => {
    await userEvent.click(await findVisible(canvas, "button", { name: "3件の確認を完了" }));
    const dialog = await findVisible(page(canvasElement), "dialog");
    await userEvent.click(within(dialog).getByRole("button", { name: "キャンセル" }));
    await waitFor(() => expect(dialog).not.toBeVisible());
    await expect(args.onComplete).not.toHaveBeenCalled();
    await expect(canvas.getByText("3件を選択中")).toBeVisible();
  },
};

/** All or none: the server's refusal stays in the open dialog. */
export const Refused: Story = {
  args: {
    onComplete: fn(async () => {
      throw new Error("stale");
    }),
    error:
      "選択した3件のうち1件は確認完了にできません（千代田中央病院：他の担当者が先に更新しました。最新の内容を確認してください。）。いずれの要請も確認完了にしていません。",
  },
  play: async ({ canvas, canvasElement }) => {
    await userEvent.click(await findVisible(canvas, "button", { name: "3件の確認を完了" }));
    const dialog = await findVisible(page(canvasElement), "dialog");
    await userEvent.click(within(dialog).getByRole("button", { name: "3件の確認を完了する" }));
    const alert = await findVisible(within(dialog), "alert");
    await expect(alert).toHaveTextContent("いずれの要請も確認完了にしていません。");
    await expect(dialog).toBeVisible();
  },
};

/** Above the API's 200 per batch, completion is held back with the reason beside the button. */
export const TooMany: Story = {
  args: {
    items: Array.from({ length: 201 }, (_, index) => ({
      id: `r${index}`,
      institutionName: `医療機関 ${index + 1}`,
      supplyNeeded: true,
      quantitySets: 1,
      source: "computed" as const,
    })),
  },
  play: async ({ canvas, canvasElement }) => {
    const complete = await findVisible(canvas, "button", { name: "201件の確認を完了" });
    await expect(complete).toHaveAttribute("aria-disabled", "true");
    await expect(canvas.getByText(/一度に確認完了にできるのは200件までです/)).toBeVisible();
    await userEvent.click(complete);
    await expect(page(canvasElement).queryByRole("dialog")).toBeNull();
  },
};

export const NothingSelected: Story = {
  args: { items: [] },
  play: async ({ canvas }) => {
    await expect(canvas.queryByRole("region", { name: "選択した要請の一括確認完了" })).toBeNull();
  },
};
