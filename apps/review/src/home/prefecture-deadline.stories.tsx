import type { Meta, StoryObj } from "@storybook/react-vite";
import { expect } from "storybook/test";
import { PrefectureDeadline } from "./prefecture-deadline";

/** Thursday 3 December 2026, 17:00 Tokyo. */
const DUE = "2026-12-03T08:00:00.000Z";

const meta = {
  title: "部品/審査/PrefectureDeadline",
  component: PrefectureDeadline,
  args: {
    deadline: DUE,
    live: false,
    awaiting: 1_234,
    weekTitle: "2026年12月2日（水）17:00締切の週",
  },
} satisfies Meta<typeof PrefectureDeadline>;

export default meta;
type Story = StoryObj<typeof meta>;

export const DayBefore: Story = {
  // Wednesday 2 December, 17:30 Tokyo: the SOS deadline has just passed.
  args: { now: "2026-12-02T08:30:00.000Z" },
  play: async ({ canvasElement }) => {
    const line = canvasElement.querySelector(".sos-deadline");
    await expect(line).toHaveTextContent("確認期限（木曜17:00）まで あと 23時間 30分");
    await expect(line).toHaveTextContent("2026年12月3日（木）17:00確認期限");
    await expect(line).toHaveTextContent("未完了 1,234件");
    await expect(line).toHaveTextContent("対象：2026年12月2日（水）17:00締切の週");
    await expect(line).toHaveClass("sos-deadline--urgent");
  },
};

export const Overdue: Story = {
  args: { now: "2026-12-03T08:01:00.000Z", awaiting: 3 },
  play: async ({ canvasElement }) => {
    const line = canvasElement.querySelector(".sos-deadline");
    await expect(line).toHaveAttribute("data-overdue", "true");
    await expect(line).toHaveTextContent(
      "都道府県の確認期限を過ぎています（2026年12月3日（木）17:00）",
    );
    await expect(line).toHaveTextContent("未完了 3件：できるだけ早く確認を完了してください");
  },
};

export const OverdueAllDone: Story = {
  args: { now: "2026-12-03T09:00:00.000Z", awaiting: 0 },
  play: async ({ canvasElement }) => {
    await expect(canvasElement.querySelector(".sos-deadline")).toHaveTextContent(
      "未完了の要請はありません",
    );
  },
};
