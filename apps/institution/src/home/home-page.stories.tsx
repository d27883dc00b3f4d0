import { Screen } from "@sos/web/storybook";
import type { Meta, StoryObj } from "@storybook/react-vite";
import { expect, within } from "storybook/test";
import { INSTITUTION_APP } from "../app";
import { INSTITUTION_USER } from "../stories/fixtures";

const SURVEY = {
  id: "7c9e6679-7425-40de-944b-e07fc1f90ae7",
  weekStart: "2026-11-18",
  title: "2026年11月18日週",
  status: "unanswered",
  statusLabel: "未回答",
  stock: null,
  consumption: null,
  purchases: null,
  answeredAt: null,
  answeredBy: null,
  createdAt: "2026-11-18T09:35:00.000Z",
  updatedAt: "2026-11-18T09:35:00.000Z",
  isCurrent: true,
  editable: true,
  assessment: null,
} as const;

const meta = {
  title: "ホーム",
  component: Screen,
  parameters: { layout: "fullscreen" },
  args: {
    app: INSTITUTION_APP,
    path: "/",
    user: INSTITUTION_USER,
    api: {
      home: {
        summary: () => ({
          week: {
            weekStart: "2026-11-18",
            title: "2026年11月18日週",
            opensAt: "2026-11-18T09:35:00.000Z",
            closesAt: "2026-11-25T09:35:00.000Z",
          },
          survey: SURVEY,
          deadline: {
            at: "2026-11-25T08:00:00.000Z",
            timeLeft: { days: 0, hours: 6, minutes: 30, overdue: false },
            ifAppliedNow: { late: false, handleFrom: "2026-11-26" },
          },
          request: null,
          purchase: null,
        }),
      },
      institutionOrders: { mine: () => [] },
    },
  },
} satisfies Meta<typeof Screen>;

export default meta;
type Story = StoryObj<typeof meta>;

/** A new week: the survey is not answered yet and nothing has been requested. */
export const NewWeek: Story = {
  play: async ({ canvasElement }) => {
    const page = within(canvasElement);
    await expect(await page.findByRole("heading", { level: 1, name: "ホーム" })).toBeVisible();
    await expect(
      page.getByText("山田 花子さん（医療機関）としてログインしています。"),
    ).toBeVisible();
  },
};
