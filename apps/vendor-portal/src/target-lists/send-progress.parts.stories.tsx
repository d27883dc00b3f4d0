import type { Meta, StoryObj } from "@storybook/react-vite";
import { useEffect, useState } from "react";
import { expect, waitFor } from "storybook/test";
import { SendProgress, type SendProgressValue } from "./send-progress";

const RUNNING: SendProgressValue = {
  total: 40,
  done: 12,
  sent: 9,
  skipped: 3,
  failed: 0,
  finished: false,
  skippedByReason: [
    { reason: "not_registered", label: "購入サイトに未登録", count: 2 },
    { reason: "already_sent", label: "送信済みで有効なリンクがある", count: 1 },
  ],
};

const meta = {
  title: "販売業者/SendProgress",
  component: SendProgress,
  args: { progress: RUNNING },
} satisfies Meta<typeof SendProgress>;

export default meta;
type Story = StoryObj<typeof meta>;

export const Running: Story = {
  play: async ({ canvas }) => {
    const bar = canvas.getByRole("progressbar", { name: "購入リンクの送信状況" });
    await expect(bar).toHaveAttribute("value", "12");
    await expect(bar).toHaveAttribute("max", "40");
    await expect(bar).toHaveAttribute("aria-valuetext", "40件中 12件 処理済み");
    await expect(canvas.getByText("12 / 40 件")).toBeVisible();
    await expect(canvas.getByText("購入サイトに未登録：2件")).toBeVisible();
    await expect(canvas.getByRole("status")).toHaveTextContent("");
  },
};

export const Starting: Story = {
  args: { progress: null },
  play: async ({ canvas }) => {
    const bar = canvas.getByRole("progressbar", { name: "購入リンクの送信状況" });
    // Indeterminate until the run reports.
    await expect(bar).not.toHaveAttribute("value");
    await expect(canvas.getByText("送信を準備しています…")).toBeVisible();
  },
};

/** Figures arriving as the screen polls; the end is announced once. */
function Polled() {
  const [progress, setProgress] = useState<SendProgressValue | null>(null);
  useEffect(() => {
    let done = 0;
    const timer = window.setInterval(() => {
      done = Math.min(done + 2, 6);
      setProgress({
        total: 6,
        done,
        sent: Math.min(done, 5),
        skipped: done === 6 ? 1 : 0,
        failed: 0,
        finished: done === 6,
        skippedByReason:
          done === 6
            ? [{ reason: "mismatched", label: "登録内容が国のリストと一致しない", count: 1 }]
            : [],
      });
      if (done === 6) window.clearInterval(timer);
    }, 50);
    return () => window.clearInterval(timer);
  }, []);
  return <SendProgress progress={progress} />;
}

export const PolledToTheEnd: Story = {
  render: () => <Polled />,
  play: async ({ canvas }) => {
    await waitFor(() =>
      expect(canvas.getByRole("status")).toHaveTextContent(
        "送信が完了しました（送信 5件、送信しなかった 1件）。",
      ),
    );
    await expect(canvas.getByRole("progressbar")).toHaveAttribute("value", "6");
    await expect(canvas.getByText("登録内容が国のリストと一致しない：1件")).toBeVisible();
  },
};
