import type { Meta, StoryObj } from "@storybook/react-vite";
import { useState } from "react";
import { expect, fn, userEvent, waitFor, within } from "storybook/test";
import { SUBMIT_FAILED_MESSAGE } from "../auth/messages";
import { Button } from "../button/Button";
import { Checkbox } from "../field/Checkbox";
import { ConfirmDialog, type ConfirmDialogProps } from "./ConfirmDialog";

/** A refusal as the API words it (another officer saved first). */
const CONFLICT_MESSAGE = "他の担当者が先に更新しました。最新の内容を確認してください。";

const LONG_NAME = "社会福祉法人恩賜財団済生会支部神奈川県済生会横浜市東部病院";
const OPEN_LABEL = "要請を取り下げる";

/** The caller's part: a button opens the dialog, which closes on cancel or once confirmed. */
function DialogHarness(args: ConfirmDialogProps) {
  const [open, setOpen] = useState(false);
  return (
    <>
      <Button variant="secondary" onClick={() => setOpen(true)}>
        {OPEN_LABEL}
      </Button>
      <ConfirmDialog
        {...args}
        open={open}
        onCancel={() => {
          args.onCancel();
          setOpen(false);
        }}
        onConfirm={async () => {
          await args.onConfirm();
          setOpen(false);
        }}
      />
    </>
  );
}

const meta = {
  title: "審査/ConfirmDialog",
  component: ConfirmDialog,
  args: {
    open: false,
    title: "この要請を取り下げます",
    description: "取り下げると、この週の要請はできなくなります。",
    confirmLabel: "取り下げる",
    confirmVariant: "danger",
    pendingLabel: "取り下げ中",
    onConfirm: fn(async () => {}),
    onCancel: fn(),
  },
  render: (args) => <DialogHarness {...args} />,
  decorators: [
    (Story) => (
      <div style={{ maxWidth: "375px" }}>
        <Story />
      </div>
    ),
  ],
} satisfies Meta<typeof ConfirmDialog>;

export default meta;
type Story = StoryObj<typeof meta>;

function page(canvasElement: HTMLElement) {
  return within(canvasElement.ownerDocument.body);
}

async function openDialog(canvasElement: HTMLElement, name?: string | RegExp) {
  const opener = page(canvasElement).getByRole("button", { name: OPEN_LABEL });
  await userEvent.click(opener);
  const dialog = await page(canvasElement).findByRole("dialog", name ? { name } : {});
  return { opener, dialog };
}

/** Focus moves to the title (read first); confirming calls back once, then focus returns. */
export const FocusInAndConfirm: Story = {
  play: async ({ args, canvasElement }) => {
    await expect(page(canvasElement).queryByRole("dialog")).toBeNull();
    const { opener, dialog } = await openDialog(canvasElement, "この要請を取り下げます");
    await expect(dialog).toHaveAccessibleDescription(
      "取り下げると、この週の要請はできなくなります。",
    );
    await expect(within(dialog).getByRole("heading", { level: 2 })).toHaveFocus();
    await expect(args.onConfirm).not.toHaveBeenCalled();

    await userEvent.click(within(dialog).getByRole("button", { name: "取り下げる" }));
    await waitFor(() => expect(args.onConfirm).toHaveBeenCalledOnce());
    await expect(args.onCancel).not.toHaveBeenCalled();
    await waitFor(() => expect(dialog).not.toBeVisible());
    await expect(opener).toHaveFocus();
  },
};

/** Esc asks the caller to close; nothing is confirmed and focus goes back to the opener. */
export const EscapeCancels: Story = {
  play: async ({ args, canvasElement }) => {
    const { opener, dialog } = await openDialog(canvasElement);
    await userEvent.keyboard("{Escape}");
    await expect(args.onCancel).toHaveBeenCalledOnce();
    await waitFor(() => expect(dialog).not.toBeVisible());
    await expect(args.onConfirm).not.toHaveBeenCalled();
    await expect(opener).toHaveFocus();
  },
};

export const CancelButton: Story = {
  args: { cancelLabel: "戻る" },
  play: async ({ args, canvasElement }) => {
    const { dialog } = await openDialog(canvasElement);
    await expect(within(dialog).queryByRole("button", { name: "キャンセル" })).toBeNull();
    await userEvent.click(within(dialog).getByRole("button", { name: "戻る" }));
    await expect(args.onCancel).toHaveBeenCalledOnce();
    await waitFor(() => expect(dialog).not.toBeVisible());
    await expect(args.onConfirm).not.toHaveBeenCalled();
  },
};

/** Tab and Shift+Tab go round the dialog's controls and never reach the page behind. */
export const TabStaysInside: Story = {
  args: {
    title: "2件の発送を登録します",
    description: undefined,
    confirmLabel: "登録する",
    confirmVariant: "primary",
    children: <Checkbox label="送り状番号を確認した" />,
  },
  play: async ({ args, canvasElement }) => {
    const { opener, dialog } = await openDialog(canvasElement, "2件の発送を登録します");
    const box = within(dialog).getByRole("checkbox", { name: "送り状番号を確認した" });
    const confirm = within(dialog).getByRole("button", { name: "登録する" });
    const cancel = within(dialog).getByRole("button", { name: "キャンセル" });
    await expect(dialog).not.toHaveAttribute("aria-describedby");

    await userEvent.tab();
    await expect(box).toHaveFocus();
    await userEvent.tab();
    await expect(confirm).toHaveFocus();
    await userEvent.tab();
    await expect(cancel).toHaveFocus();
    await userEvent.tab();
    await expect(box).toHaveFocus();
    await userEvent.tab({ shift: true });
    await expect(cancel).toHaveFocus();
    await expect(opener).not.toHaveFocus();

    // All by keyboard: Space ticks the box, Enter on the confirm button submits the form.
    await userEvent.tab();
    await expect(box).toHaveFocus();
    await userEvent.keyboard(" ");
    await expect(box).toBeChecked();
    await userEvent.tab();
    await expect(confirm).toHaveFocus();
    await userEvent.keyboard("{Enter}");
    await waitFor(() => expect(args.onConfirm).toHaveBeenCalledOnce());
  },
};

/** While the server answers, the button is busy and neither Esc nor キャンセル closes. */
export const Pending: Story = {
  args: {
    onConfirm: fn(() => new Promise<void>((resolve) => setTimeout(resolve, 600))),
  },
  play: async ({ args, canvasElement }) => {
    const { dialog } = await openDialog(canvasElement);
    await userEvent.click(within(dialog).getByRole("button", { name: "取り下げる" }));
    const busy = within(dialog).getByRole("button", { name: /^取り下げる\s?（取り下げ中）$/ });
    await expect(busy).toHaveAttribute("aria-busy", "true");
    await expect(busy).toHaveAttribute("aria-disabled", "true");
    await expect(within(dialog).getByRole("button", { name: "キャンセル" })).toBeDisabled();

    // A second press does not send the request twice; Esc does not abandon it.
    await userEvent.click(busy);
    await userEvent.keyboard("{Escape}");
    await expect(args.onCancel).not.toHaveBeenCalled();
    await expect(dialog).toBeVisible();
    await expect(args.onConfirm).toHaveBeenCalledOnce();

    await waitFor(() => expect(dialog).not.toBeVisible());
  },
};

/** A failure without the server's words keeps the dialog open and asks to try again. */
export const NetworkFailure: Story = {
  args: {
    onConfirm: fn(async () => {
      throw new Error("Failed to fetch");
    }),
  },
  play: async ({ args, canvasElement }) => {
    const { dialog } = await openDialog(canvasElement);
    const confirm = within(dialog).getByRole("button", { name: "取り下げる" });
    await userEvent.click(confirm);
    await expect(await within(dialog).findByRole("alert")).toHaveTextContent(SUBMIT_FAILED_MESSAGE);
    await expect(dialog).toBeVisible();
    await expect(confirm).not.toHaveAttribute("aria-busy");
    await expect(args.onConfirm).toHaveBeenCalledOnce();

    // Reopening starts without the old message.
    await userEvent.click(within(dialog).getByRole("button", { name: "キャンセル" }));
    await waitFor(() => expect(dialog).not.toBeVisible());
    await openDialog(canvasElement);
    await expect(within(dialog).queryByRole("alert")).toBeNull();
  },
};

/** The server's refusal is shown in its own words, inside the dialog. */
export const ServerRefusal: Story = {
  args: { error: CONFLICT_MESSAGE },
  play: async ({ canvasElement }) => {
    const { dialog } = await openDialog(canvasElement);
    await expect(within(dialog).getByRole("alert")).toHaveTextContent(CONFLICT_MESSAGE);
    await expect(within(dialog).getByRole("alert")).not.toHaveTextContent(SUBMIT_FAILED_MESSAGE);
  },
};

/** A very long facility name in the title wraps inside a phone-width dialog. */
export const LongFacilityName: Story = {
  args: {
    title: `「${LONG_NAME}」の要請を承認します`,
    description: (
      <ul>
        <li>数量：1,250セット（1,250,000枚）</li>
        <li>承認すると受付完了となり、変更できなくなります。</li>
      </ul>
    ),
    confirmLabel: "承認する",
    confirmVariant: "primary",
  },
  play: async ({ canvasElement }) => {
    const { dialog } = await openDialog(canvasElement, `「${LONG_NAME}」の要請を承認します`);
    await expect(dialog).toHaveAccessibleDescription(
      /数量：1,250セット（1,250,000枚）\s*承認すると受付完了となり、変更できなくなります。/,
    );
    const heading = within(dialog).getByRole("heading", { level: 2 });
    await expect(heading.scrollWidth).toBeLessThanOrEqual(heading.clientWidth);
    const confirm = within(dialog).getByRole("button", { name: "承認する" });
    await expect(confirm).toBeVisible();
    await expect(confirm.getBoundingClientRect().height).toBeGreaterThanOrEqual(44);
  },
};
