import { formatPieces } from "@sos/domain";
import type { Meta, StoryObj } from "@storybook/react-vite";
import { useState } from "react";
import { expect, userEvent, waitFor } from "storybook/test";
import { TextField } from "../field/TextField";
import { LiveAnnouncement, type LiveAnnouncementProps } from "./LiveAnnouncement";

const meta = {
  title: "医療機関/LiveAnnouncement",
  component: LiveAnnouncement,
  args: { message: "配布対象に該当します。購入上限数は2セット（2,000枚）です。", delayMs: 200 },
} satisfies Meta<typeof LiveAnnouncement>;

export default meta;
type Story = StoryObj<typeof meta>;

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** A polite, atomic status region that takes no room on screen. */
export const PoliteAndHidden: Story = {
  play: async ({ canvas }) => {
    const region = canvas.getByRole("status");
    await expect(region).toHaveAttribute("aria-live", "polite");
    await expect(region).toHaveAttribute("aria-atomic", "true");
    await expect(region).toHaveClass("sos-visually-hidden");
    await expect(region.getBoundingClientRect().width).toBeLessThanOrEqual(1);
  },
};

/** The message present on load is part of the page, not a change: it is not announced. */
export const InitialMessageIsNotAnnounced: Story = {
  play: async ({ canvas }) => {
    await pause(400);
    await expect(canvas.getByRole("status")).toHaveTextContent(/^$/);
  },
};

function TypingHarness({ delayMs }: LiveAnnouncementProps) {
  const [stock, setStock] = useState("");
  const digits = stock.normalize("NFKC").replace(/[^0-9]/g, "");
  return (
    <>
      <TextField label="在庫量" value={stock} onChange={(e) => setStock(e.currentTarget.value)} />
      <LiveAnnouncement
        message={digits === "" ? "" : `在庫量は${formatPieces(Number(digits))}です。`}
        delayMs={delayMs}
      />
    </>
  );
}

/**
 * A figure typed digit by digit is read out once, after the pause, and never a
 * half-typed figure on the way (every text the region ever held is recorded).
 */
export const ReadOnceAfterTyping: Story = {
  render: (args) => <TypingHarness {...args} />,
  play: async ({ canvas }) => {
    const region = canvas.getByRole("status");
    const heard: string[] = [];
    const observer = new MutationObserver(() => heard.push(region.textContent ?? ""));
    observer.observe(region, { childList: true, characterData: true, subtree: true });
    try {
      await userEvent.type(canvas.getByRole("textbox", { name: "在庫量" }), "1250000", {
        delay: 20,
      });
      await expect(region).toHaveTextContent(/^$/);
      await waitFor(() => expect(region).toHaveTextContent("在庫量は1,250,000枚です。"));
      await pause(300);
      await expect(heard.filter((text) => text !== "")).toEqual(["在庫量は1,250,000枚です。"]);
    } finally {
      observer.disconnect();
    }
  },
};

/** Clearing the box empties the region, so the next figure is announced afresh. */
export const ClearedToSilence: Story = {
  render: (args) => <TypingHarness {...args} />,
  play: async ({ canvas }) => {
    const box = canvas.getByRole("textbox", { name: "在庫量" });
    const region = canvas.getByRole("status");
    await userEvent.type(box, "２０００");
    await waitFor(() => expect(region).toHaveTextContent("在庫量は2,000枚です。"));
    await userEvent.clear(box);
    await waitFor(() => expect(region).toHaveTextContent(/^$/));
  },
};
