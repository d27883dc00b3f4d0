import { Button, type ButtonProps, SUBMIT_FAILED_MESSAGE } from "@sos/ui";
import type { Decorator, Meta, StoryObj } from "@storybook/react-vite";
import { type ComponentType, useState } from "react";
import { expect, fn, userEvent, waitFor, within } from "storybook/test";
import { CONFLICT_MESSAGE } from "./messages";
import { ReasonDialog } from "./reason-dialog";

/** What a dialog that asks for a reason takes from its caller: ReasonDialog, NotEligibleDialog. */
interface ReasonDialogCallerProps {
  open: boolean;
  onConfirm: (reason: string) => Promise<void> | void;
  onCancel: () => void;
}

/**
 * The meta's render and decorators for the stories of a reason dialog (this one, and
 * NotEligibleDialog's, which is built on it): the caller's part, a button that opens the
 * dialog, which closes on cancel or once confirmed; on a phone's width.
 */
export function reasonDialogCaller<P extends ReasonDialogCallerProps>(
  Dialog: ComponentType<P>,
  opener: { label: string; variant: NonNullable<ButtonProps["variant"]> },
) {
  function Caller(args: P) {
    const [open, setOpen] = useState(false);
    return (
      <>
        <Button variant={opener.variant} onClick={() => setOpen(true)}>
          {opener.label}
        </Button>
        <Dialog
          {...args}
          open={open}
          onCancel={() => {
            args.onCancel();
            setOpen(false);
          }}
          onConfirm={async (reason: string) => {
            await args.onConfirm(reason);
            setOpen(false);
          }}
        />
      </>
    );
  }
  const phoneWidth: Decorator = (Story) => (
    <div style={{ maxWidth: "375px" }}>
      <Story />
    </div>
  );
  return { render: (args: P) => <Caller {...args} />, decorators: [phoneWidth] };
}

const OPEN_LABEL = "都道府県に差し戻す";

const meta = {
  title: "部品/審査/ReasonDialog",
  component: ReasonDialog,
  // Not a story: the caller's part, which NotEligibleDialog's stories share.
  excludeStories: ["reasonDialogCaller"],
  args: {
    open: false,
    title: "この要請を都道府県に差し戻します",
    description: "差し戻すと、都道府県の確認中に戻ります。",
    reasonLabel: "差戻しの理由",
    reasonHint: "都道府県の担当者に表示されます。",
    confirmLabel: "差し戻す",
    pendingLabel: "差戻し中",
    onConfirm: fn(async (_reason: string) => {}),
    onCancel: fn(),
  },
  ...reasonDialogCaller(ReasonDialog, { label: OPEN_LABEL, variant: "secondary" }),
} satisfies Meta<typeof ReasonDialog>;

export default meta;
type Story = StoryObj<typeof meta>;

function page(canvasElement: HTMLElement) {
  return within(canvasElement.ownerDocument.body);
}

async function openDialog(canvasElement: HTMLElement) {
  const opener = page(canvasElement).getByRole("button", { name: OPEN_LABEL });
  await userEvent.click(opener);
  const dialog = await page(canvasElement).findByRole("dialog", {
    name: "この要請を都道府県に差し戻します",
  });
  // The label carries the 必須 tag: 「差戻しの理由必須」.
  const reason = within(dialog).getByRole("textbox", { name: /^差戻しの理由/ });
  return { opener, dialog, reason };
}

/** Focus starts in the box; the reason is sent trimmed (full-width spaces too). */
export const ReasonIsSentTrimmed: Story = {
  play: async ({ args, canvasElement }) => {
    const { dialog, reason } = await openDialog(canvasElement);
    await expect(reason).toHaveFocus();
    await expect(reason).toHaveAccessibleName(/^差戻しの理由\s?必須$/);
    await expect(reason).toHaveAttribute("aria-required", "true");
    await expect(reason).toHaveAccessibleDescription(/都道府県の担当者に表示されます。/);
    await expect(within(dialog).getByText("0 / 1,000文字")).toBeVisible();

    await userEvent.type(reason, "　数量の根拠を確認してください。 ");
    await expect(within(dialog).getByText("17 / 1,000文字")).toBeVisible();
    await userEvent.click(within(dialog).getByRole("button", { name: "差し戻す" }));
    await waitFor(() =>
      expect(args.onConfirm).toHaveBeenCalledWith("数量の根拠を確認してください。"),
    );
    await waitFor(() => expect(dialog).not.toBeVisible());
  },
};

/** Nothing, or only the full-width space an IME leaves, is refused at the box. */
export const ReasonRequired: Story = {
  play: async ({ args, canvasElement }) => {
    const { dialog, reason } = await openDialog(canvasElement);
    const confirm = within(dialog).getByRole("button", { name: "差し戻す" });
    await userEvent.click(confirm);
    await waitFor(() => expect(reason).toHaveAttribute("aria-invalid", "true"));
    await expect(reason).toHaveAccessibleDescription(/エラー：\s?差戻しの理由を入力してください$/);
    await expect(reason).toHaveFocus();

    await userEvent.type(reason, "　　");
    await userEvent.click(confirm);
    await expect(reason).toHaveAttribute("aria-invalid", "true");
    await expect(reason).toHaveFocus();
    await expect(args.onConfirm).not.toHaveBeenCalled();
    await expect(dialog).toBeVisible();

    // Writing something clears the message as the user types.
    await userEvent.type(reason, "再確認");
    await expect(reason).not.toHaveAttribute("aria-invalid");
    await expect(within(dialog).queryByText("差戻しの理由を入力してください")).toBeNull();
  },
};

/** Over 1,000 characters (pasted): the counter says by how much and the reason is refused. */
export const ReasonTooLong: Story = {
  play: async ({ args, canvasElement }) => {
    const { dialog, reason } = await openDialog(canvasElement);
    await userEvent.click(reason);
    await userEvent.paste("確".repeat(1_001));
    await expect(within(dialog).getByText("1,001 / 1,000文字（1文字超過）")).toBeVisible();
    await expect(reason).toHaveAttribute("aria-invalid", "true");
    await userEvent.click(within(dialog).getByRole("button", { name: "差し戻す" }));
    await expect(
      await within(dialog).findByText("差戻しの理由は1,000文字以内で入力してください"),
    ).toBeVisible();
    await expect(reason).toHaveFocus();
    await expect(args.onConfirm).not.toHaveBeenCalled();
  },
};

/** A reason belongs to one decision: cancelled and reopened, the box is empty again. */
export const EachOpeningStartsBlank: Story = {
  play: async ({ args, canvasElement }) => {
    const first = await openDialog(canvasElement);
    await userEvent.type(first.reason, "書きかけの理由");
    await userEvent.keyboard("{Escape}");
    await expect(args.onCancel).toHaveBeenCalledOnce();
    await waitFor(() => expect(first.dialog).not.toBeVisible());
    await expect(first.opener).toHaveFocus();

    const second = await openDialog(canvasElement);
    await expect(second.reason).toHaveValue("");
    await expect(second.reason).toHaveFocus();
    await userEvent.click(within(second.dialog).getByRole("button", { name: "キャンセル" }));
    await expect(args.onCancel).toHaveBeenCalledTimes(2);
    await expect(args.onConfirm).not.toHaveBeenCalled();
  },
};

/** A failure keeps the dialog and what was written, so it can be sent again. */
export const NetworkFailure: Story = {
  args: {
    onConfirm: fn(async (_reason: string) => {
      throw new Error("Failed to fetch");
    }),
  },
  play: async ({ args, canvasElement }) => {
    const { dialog, reason } = await openDialog(canvasElement);
    await userEvent.type(reason, "数量の根拠を確認してください。");
    await userEvent.click(within(dialog).getByRole("button", { name: "差し戻す" }));
    await expect(await within(dialog).findByRole("alert")).toHaveTextContent(SUBMIT_FAILED_MESSAGE);
    await expect(reason).toHaveValue("数量の根拠を確認してください。");
    await expect(args.onConfirm).toHaveBeenCalledOnce();
  },
};

export const ServerRefusal: Story = {
  args: { error: CONFLICT_MESSAGE },
  play: async ({ canvasElement }) => {
    const { dialog } = await openDialog(canvasElement);
    await expect(within(dialog).getByRole("alert")).toHaveTextContent(CONFLICT_MESSAGE);
  },
};

/** A caller's own limit: the counter and the message follow it. */
export const ShortLimit: Story = {
  args: { maxLength: 20 },
  play: async ({ args, canvasElement }) => {
    const { dialog, reason } = await openDialog(canvasElement);
    await expect(within(dialog).getByText("0 / 20文字")).toBeVisible();
    await userEvent.type(reason, "数量の根拠を確認してください。再確認をお願いします");
    await userEvent.click(within(dialog).getByRole("button", { name: "差し戻す" }));
    await expect(
      await within(dialog).findByText("差戻しの理由は20文字以内で入力してください"),
    ).toBeVisible();
    await expect(args.onConfirm).not.toHaveBeenCalled();
  },
};
