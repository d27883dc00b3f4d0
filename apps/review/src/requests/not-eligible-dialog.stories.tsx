import type { Meta, StoryObj } from "@storybook/react-vite";
import { expect, fn, userEvent, waitFor, within } from "storybook/test";
import { CONFLICT_MESSAGE } from "../common/messages";
import { reasonDialogCaller } from "../common/reason-dialog.stories";
import { NotEligibleDialog } from "./not-eligible-dialog";

const LONG_NAME = "社会福祉法人恩賜財団済生会支部神奈川県済生会横浜市東部病院";
const OPEN_LABEL = "対象外とする";

const meta = {
  title: "部品/審査/NotEligibleDialog",
  component: NotEligibleDialog,
  args: {
    open: false,
    institutionName: LONG_NAME,
    // 00:00 on Friday 4 December 2026, Tokyo.
    noticeFrom: "2026-12-03T15:00:00.000Z",
    onConfirm: fn(async (_reason: string) => {}),
    onCancel: fn(),
  },
  ...reasonDialogCaller(NotEligibleDialog, { label: OPEN_LABEL, variant: "danger" }),
} satisfies Meta<typeof NotEligibleDialog>;

export default meta;
type Story = StoryObj<typeof meta>;

function page(canvasElement: HTMLElement) {
  return within(canvasElement.ownerDocument.body);
}

async function openDialog(canvasElement: HTMLElement, name: string) {
  const opener = page(canvasElement).getByRole("button", { name: OPEN_LABEL });
  await userEvent.click(opener);
  const dialog = await page(canvasElement).findByRole("dialog", { name });
  const reason = within(dialog).getByRole("textbox", { name: /^対象外とする理由/ });
  return { opener, dialog, reason };
}

/** The title names the facility; the institution is emailed from the Friday, on the Tokyo clock. */
export const NamesFacilityAndFriday: Story = {
  play: async ({ args, canvasElement }) => {
    const { dialog, reason } = await openDialog(
      canvasElement,
      `「${LONG_NAME}」の要請を対象外とします`,
    );
    await expect(dialog).toHaveAccessibleDescription(
      /変更できなくなります。.*医療機関には、2026年12月4日（金）以降に、理由を記載したメールで連絡します。/,
    );
    await expect(reason).toHaveFocus();
    await expect(reason).toHaveAccessibleDescription(
      /医療機関へのメールに、このとおり記載されます。/,
    );
    await expect(within(dialog).getByText("0 / 1,000文字")).toBeVisible();
    const title = within(dialog).getByRole("heading", { level: 2 });
    await expect(title.scrollWidth).toBeLessThanOrEqual(title.clientWidth);

    await userEvent.type(reason, "在庫量が1か月分を超えているため。");
    await userEvent.click(within(dialog).getByRole("button", { name: "対象外とする" }));
    await waitFor(() =>
      expect(args.onConfirm).toHaveBeenCalledWith("在庫量が1か月分を超えているため。"),
    );
    await waitFor(() => expect(dialog).not.toBeVisible());
  },
};

/** Without the name and the date the dialog still says whose request and when, in words. */
export const WithoutNameOrDate: Story = {
  args: { institutionName: undefined, noticeFrom: null },
  play: async ({ canvasElement }) => {
    const { dialog } = await openDialog(canvasElement, "この要請を対象外とします");
    await expect(dialog).toHaveAccessibleDescription(/要請した週の金曜日以降に/);
    await expect(within(dialog).getByRole("heading", { level: 2 })).toHaveTextContent(
      /^この要請を対象外とします$/,
    );
  },
};

/** Closing a request needs its reason: the empty box is refused and nothing is sent. */
export const ReasonRequired: Story = {
  play: async ({ args, canvasElement }) => {
    const { dialog, reason } = await openDialog(
      canvasElement,
      `「${LONG_NAME}」の要請を対象外とします`,
    );
    await userEvent.click(within(dialog).getByRole("button", { name: "対象外とする" }));
    await waitFor(() => expect(reason).toHaveAttribute("aria-invalid", "true"));
    await expect(reason).toHaveAccessibleDescription(
      /エラー：\s?対象外とする理由を入力してください$/,
    );
    await expect(args.onConfirm).not.toHaveBeenCalled();
  },
};

/** Esc leaves the request as it was. */
export const EscapeCancels: Story = {
  play: async ({ args, canvasElement }) => {
    const { opener, dialog, reason } = await openDialog(
      canvasElement,
      `「${LONG_NAME}」の要請を対象外とします`,
    );
    await userEvent.type(reason, "重複した要請のため");
    await userEvent.keyboard("{Escape}");
    await expect(args.onCancel).toHaveBeenCalledOnce();
    await waitFor(() => expect(dialog).not.toBeVisible());
    await expect(opener).toHaveFocus();
    await expect(args.onConfirm).not.toHaveBeenCalled();
  },
};

/** Someone else decided first: the dialog stays, with the server's words. */
export const Conflict: Story = {
  args: {
    error: CONFLICT_MESSAGE,
    onConfirm: fn(async (_reason: string) => {
      throw new Error("stale");
    }),
  },
  play: async ({ canvasElement }) => {
    const { dialog, reason } = await openDialog(
      canvasElement,
      `「${LONG_NAME}」の要請を対象外とします`,
    );
    await userEvent.type(reason, "重複した要請のため");
    await userEvent.click(within(dialog).getByRole("button", { name: "対象外とする" }));
    await expect(await within(dialog).findByRole("alert")).toHaveTextContent(CONFLICT_MESSAGE);
    await expect(dialog).toBeVisible();
  },
};
