import { SUBMIT_FAILED_MESSAGE } from "@sos/ui";
import type { Meta, StoryObj } from "@storybook/react-vite";
import { expect, fn, userEvent, waitFor, within } from "storybook/test";
import { BatchApproveBar, type BatchApproveItem } from "./batch-approve-bar";

const ITEMS: BatchApproveItem[] = [
  { id: "a", institutionName: "なにわ歯科クリニック", quantitySets: 2 },
  {
    id: "b",
    institutionName: "社会福祉法人恩賜財団済生会支部神奈川県済生会横浜市東部病院",
    quantitySets: 1_250,
  },
  { id: "c", institutionName: "ちゅら助産院", quantitySets: 1 },
];

const meta = {
  title: "部品/審査/BatchApproveBar",
  component: BatchApproveBar,
  args: { items: ITEMS, onApprove: fn(async () => {}), onClear: fn() },
  parameters: { layout: "fullscreen" },
} satisfies Meta<typeof BatchApproveBar>;

export default meta;
type Story = StoryObj<typeof meta>;

function page(canvasElement: HTMLElement) {
  return within(canvasElement.ownerDocument.body);
}

/** The bar counts the selection and its sets; the confirmation lists every request. */
export const ConfirmAndApprove: Story = {
  play: async ({ args, canvas, canvasElement }) => {
    const bar = canvas.getByRole("region", { name: "選択した要請の一括承認" });
    await expect(bar).toHaveTextContent("3件を選択中");
    await expect(bar).toHaveTextContent("合計 1,253セット（1,253,000枚）");

    await userEvent.click(within(bar).getByRole("button", { name: "3件を承認" }));
    const dialog = await page(canvasElement).findByRole("dialog", {
      name: "3件の要請を承認します",
    });
    await expect(dialog).toHaveAccessibleDescription(
      /件数\s*3件\s*合計数量\s*1,253セット（1,253,000枚）/,
    );
    const list = within(dialog).getByRole("list", { name: "承認する要請" });
    await expect(within(list).getAllByRole("listitem")).toHaveLength(3);
    await expect(list).toHaveTextContent(
      "社会福祉法人恩賜財団済生会支部神奈川県済生会横浜市東部病院1,250セット（1,250,000枚）",
    );
    await expect(args.onApprove).not.toHaveBeenCalled();

    await userEvent.click(within(dialog).getByRole("button", { name: "3件を承認する" }));
    await waitFor(() => expect(args.onApprove).toHaveBeenCalledOnce());
    await waitFor(() => expect(dialog).not.toBeVisible());
  },
};

export const Clear: Story = {
  play: async ({ args, canvas }) => {
    await userEvent.click(canvas.getByRole("button", { name: "選択を解除" }));
    await expect(args.onClear).toHaveBeenCalledOnce();
  },
};

/** One transaction: a refusal approves none, and the dialog says so with the server's words. */
export const Refused: Story = {
  args: {
    onApprove: fn(async () => {
      throw new Error("stale");
    }),
    error:
      "ちゅら助産院：他の担当者が先に更新しました。最新の内容を確認してください。いずれの要請も承認していません。",
  },
  play: async ({ canvas, canvasElement }) => {
    await userEvent.click(canvas.getByRole("button", { name: "3件を承認" }));
    const dialog = await page(canvasElement).findByRole("dialog");
    await userEvent.click(within(dialog).getByRole("button", { name: "3件を承認する" }));
    await expect(await within(dialog).findByRole("alert")).toHaveTextContent(
      "いずれの要請も承認していません。",
    );
    await expect(dialog).toBeVisible();
  },
};

/** Without the server's words, a failure asks to try again. */
export const NetworkFailure: Story = {
  args: {
    onApprove: fn(async () => {
      throw new Error("offline");
    }),
  },
  play: async ({ canvas, canvasElement }) => {
    await userEvent.click(canvas.getByRole("button", { name: "3件を承認" }));
    const dialog = await page(canvasElement).findByRole("dialog");
    await userEvent.click(within(dialog).getByRole("button", { name: "3件を承認する" }));
    await expect(await within(dialog).findByRole("alert")).toHaveTextContent(SUBMIT_FAILED_MESSAGE);
  },
};

/** Above the API's 200 per batch, approval is held back with the reason beside the button. */
export const TooMany: Story = {
  args: {
    items: Array.from({ length: 201 }, (_, index) => ({
      id: `r${index}`,
      institutionName: `医療機関 ${index + 1}`,
      quantitySets: 3,
    })),
  },
  play: async ({ canvas, canvasElement }) => {
    await expect(canvas.getByText("201件を選択中")).toBeVisible();
    await expect(canvas.getByText("合計 603セット（603,000枚）")).toBeVisible();
    const approve = canvas.getByRole("button", { name: "201件を承認" });
    await expect(approve).toHaveAttribute("aria-disabled", "true");
    await expect(canvas.getByText(/一度に承認できるのは200件までです/)).toBeVisible();
    await userEvent.click(approve);
    await expect(page(canvasElement).queryByRole("dialog")).toBeNull();
  },
};

export const NothingSelected: Story = {
  args: { items: [] },
  play: async ({ canvas }) => {
    await expect(canvas.queryByRole("region", { name: "選択した要請の一括承認" })).toBeNull();
  },
};
