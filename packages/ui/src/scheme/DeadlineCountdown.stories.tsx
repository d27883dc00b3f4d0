import type { Meta, StoryObj } from "@storybook/react-vite";
import { expect } from "storybook/test";
import { DeadlineCountdown } from "./DeadlineCountdown";

/** Wednesday 2 December 2026, 17:00 in Tokyo. */
const DEADLINE = "2026-12-02T08:00:00.000Z";

const meta = {
  title: "医療機関/DeadlineCountdown",
  component: DeadlineCountdown,
  args: { deadline: DEADLINE, live: false },
  decorators: [
    (Story) => (
      <div style={{ maxWidth: "375px" }}>
        <Story />
      </div>
    ),
  ],
} satisfies Meta<typeof DeadlineCountdown>;

export default meta;
type Story = StoryObj<typeof meta>;

export const DaysLeft: Story = {
  // Monday 30 November, 15:57 Tokyo.
  args: { now: "2026-11-30T06:57:00.000Z" },
  play: async ({ canvasElement }) => {
    const line = canvasElement.querySelector(".sos-deadline");
    await expect(line).toHaveTextContent("締切（水曜17:00）まで あと 2日 1時間 3分");
    await expect(line).toHaveTextContent("2026年12月2日（水）17:00締切");
    await expect(line).toHaveAttribute("data-overdue", "false");
    await expect(line).not.toHaveClass("sos-deadline--urgent");
    await expect(line?.querySelector("time")).toHaveAttribute("datetime", DEADLINE);
  },
};

/** Under a day left: a warning, and no 0日. Seconds left round up to a whole minute. */
export const LastHours: Story = {
  args: { now: "2026-12-02T04:29:30.000Z" },
  play: async ({ canvasElement }) => {
    const line = canvasElement.querySelector(".sos-deadline");
    await expect(line).toHaveTextContent("締切（水曜17:00）まで あと 3時間 31分");
    await expect(line).toHaveClass("sos-deadline--urgent");
  },
};

export const LastMinute: Story = {
  args: { now: "2026-12-02T07:59:59.000Z" },
  play: async ({ canvasElement }) => {
    await expect(canvasElement.querySelector(".sos-deadline")).toHaveTextContent("あと 1分");
  },
};

export const Overdue: Story = {
  args: { now: "2026-12-02T08:30:00.000Z", handleFrom: "2026-12-03" },
  play: async ({ canvasElement }) => {
    const line = canvasElement.querySelector(".sos-deadline");
    await expect(line).toHaveTextContent("締切を過ぎています（翌営業日 12月3日（木）以降の対応）");
    await expect(line).toHaveAttribute("data-overdue", "true");
  },
};

/** Without handleFrom, the next business day is worked out: Thursday 11 Feb 2027 is 建国記念の日. */
export const OverdueBeforeAHoliday: Story = {
  args: {
    deadline: "2027-02-10T08:00:00.000Z",
    now: "2027-02-10T08:10:00.000Z",
  },
  play: async ({ canvasElement }) => {
    await expect(canvasElement.querySelector(".sos-deadline")).toHaveTextContent(
      "締切を過ぎています（翌営業日 2月12日（金）以降の対応）",
    );
  },
};

/** The year-end closure (29 Dec – 3 Jan) is skipped: handled from Monday 4 January. */
export const OverdueAtYearEnd: Story = {
  args: {
    deadline: "2025-12-31T08:00:00.000Z",
    now: "2025-12-31T09:00:00.000Z",
  },
  play: async ({ canvasElement }) => {
    await expect(canvasElement.querySelector(".sos-deadline")).toHaveTextContent(
      "締切を過ぎています（翌営業日 1月5日（月）以降の対応）",
    );
  },
};
