import { Button, SUBMIT_FAILED_MESSAGE } from "@sos/ui";
import type { Meta, StoryObj } from "@storybook/react-vite";
import { useState } from "react";
import { expect, fn, userEvent, waitFor } from "storybook/test";
import { SystemCheckDialog, type SystemCheckDialogProps } from "./system-check-dialog";

type HarnessProps = Omit<SystemCheckDialogProps, "open">;

/** The request page's button and the dialog it opens; the page owns `open`. */
function ApplyButton(props: HarnessProps) {
  const [open, setOpen] = useState(false);
  const [done, setDone] = useState(false);
  return (
    <div className="sos-stack">
      <Button onClick={() => setOpen(true)}>システムチェック&申請</Button>
      {done && <p>申請しました</p>}
      <SystemCheckDialog
        {...props}
        open={open}
        onCancel={() => {
          props.onCancel();
          setOpen(false);
        }}
        onConfirm={async () => {
          await props.onConfirm();
          setOpen(false);
          setDone(true);
        }}
      />
    </div>
  );
}

const meta = {
  title: "医療機関/SystemCheckDialog",
  component: SystemCheckDialog,
  args: {
    open: false,
    onConfirm: fn(async () => {}),
    onCancel: fn(),
    weekTitle: "2026年12月2日（水）17:00締切の週",
  },
  render: ({ open: _open, ...args }) => <ApplyButton {...args} />,
  decorators: [
    (Story) => (
      <div style={{ maxWidth: "375px" }}>
        <Story />
      </div>
    ),
  ],
} satisfies Meta<typeof SystemCheckDialog>;

export default meta;
type Story = StoryObj<typeof meta>;

/** Focus starts in the dialog, Tab stays inside, Esc closes and focus returns to the button. */
export const KeyboardBehaviour: Story = {
  play: async ({ args, canvas }) => {
    const trigger = canvas.getByRole("button", { name: "システムチェック&申請" });
    await expect(canvas.queryByRole("dialog")).toBeNull();
    await userEvent.click(trigger);

    const dialog = await canvas.findByRole("dialog", { name: "システムチェック&申請" });
    await expect(dialog).toHaveAccessibleDescription(/システムが次の内容を確認します/);
    await expect(canvas.getByRole("heading", { name: "システムチェック&申請" })).toHaveFocus();
    // The page behind is inert while the dialog is modal.
    await expect(dialog.matches(":modal")).toBe(true);

    const confirm = canvas.getByRole("button", { name: "完了" });
    const cancel = canvas.getByRole("button", { name: "キャンセル" });
    await userEvent.tab();
    await expect(confirm).toHaveFocus();
    await userEvent.tab();
    await expect(cancel).toHaveFocus();
    await userEvent.tab();
    await expect(confirm).toHaveFocus();
    await userEvent.tab({ shift: true });
    await expect(cancel).toHaveFocus();

    await userEvent.keyboard("{Escape}");
    await waitFor(() => expect(canvas.queryByRole("dialog")).toBeNull());
    await expect(args.onCancel).toHaveBeenCalledTimes(1);
    await expect(args.onConfirm).not.toHaveBeenCalled();
    await expect(trigger).toHaveFocus();
  },
};

export const ConfirmWithDone: Story = {
  args: {
    onConfirm: fn(async () => {
      await new Promise((resolve) => setTimeout(resolve, 150));
    }),
  },
  play: async ({ args, canvas }) => {
    await userEvent.click(canvas.getByRole("button", { name: "システムチェック&申請" }));
    const dialog = await canvas.findByRole("dialog");
    await expect(dialog).toHaveTextContent(
      "今週（2026年12月2日（水）17:00締切の週）の週次調査に回答していること",
    );
    await userEvent.click(canvas.getByRole("button", { name: "完了" }));
    await waitFor(() =>
      expect(canvas.getByRole("button", { name: /完了/ })).toHaveAttribute("aria-busy", "true"),
    );
    // While the check runs, neither Esc nor キャンセル abandons it.
    await expect(canvas.getByRole("button", { name: "キャンセル" })).toBeDisabled();
    await userEvent.keyboard("{Escape}");
    await expect(canvas.getByRole("dialog")).toBeVisible();
    await waitFor(() => expect(canvas.queryByRole("dialog")).toBeNull());
    await expect(args.onConfirm).toHaveBeenCalledTimes(1);
    await expect(args.onCancel).not.toHaveBeenCalled();
    await expect(canvas.getByText("申請しました")).toBeVisible();
  },
};

export const CancelButton: Story = {
  play: async ({ args, canvas }) => {
    await userEvent.click(canvas.getByRole("button", { name: "システムチェック&申請" }));
    await userEvent.click(await canvas.findByRole("button", { name: "キャンセル" }));
    await waitFor(() => expect(canvas.queryByRole("dialog")).toBeNull());
    await expect(args.onCancel).toHaveBeenCalledTimes(1);
  },
};

/** After Wednesday 17:00: the dialog says from which business day the request is handled. */
export const AfterTheDeadline: Story = {
  args: { late: true, handleFrom: "2026-12-03" },
  play: async ({ canvas }) => {
    await userEvent.click(canvas.getByRole("button", { name: "システムチェック&申請" }));
    const dialog = await canvas.findByRole("dialog");
    await expect(dialog).toHaveTextContent(
      "水曜17時の締切を過ぎているため、翌営業日 2026年12月3日（木）以降の対応となります。",
    );
  },
};

export const NetworkFailure: Story = {
  args: { onConfirm: fn(async () => Promise.reject(new Error("Failed to fetch"))) },
  play: async ({ canvas }) => {
    await userEvent.click(canvas.getByRole("button", { name: "システムチェック&申請" }));
    await userEvent.click(await canvas.findByRole("button", { name: "完了" }));
    await waitFor(() => expect(canvas.getByRole("alert")).toHaveTextContent(SUBMIT_FAILED_MESSAGE));
    await expect(canvas.getByRole("dialog")).toBeVisible();
    await expect(canvas.getByRole("button", { name: "キャンセル" })).toBeEnabled();
  },
};

/** On a phone the dialog fits the screen and its buttons stay in view while the text scrolls. */
export const FitsThePhone: Story = {
  args: { late: true, handleFrom: "2026-12-03" },
  decorators: [
    (Story) => (
      <div style={{ width: "375px" }}>
        <Story />
      </div>
    ),
  ],
  play: async ({ canvas }) => {
    await userEvent.click(canvas.getByRole("button", { name: "システムチェック&申請" }));
    const dialog = await canvas.findByRole("dialog");
    const box = dialog.getBoundingClientRect();
    await expect(box.bottom).toBeLessThanOrEqual(window.innerHeight);
    const confirm = canvas.getByRole("button", { name: "完了" }).getBoundingClientRect();
    await expect(confirm.bottom).toBeLessThanOrEqual(box.bottom);
    await expect(confirm.height).toBeGreaterThanOrEqual(44);
  },
};
