import { findVisible } from "@sos/web/storybook";
import type { Meta, StoryObj } from "@storybook/react-vite";
import { expect, within } from "storybook/test";
import { LEAD_SEES, MINISTRY_MANAGES, MINISTRY_PERSON } from "../stories/accounts";
import { MINISTRY_USER, PREFECTURE_USER } from "../stories/people";
import { SCREEN_META } from "../stories/screen";

const meta = {
  ...SCREEN_META,
  title: "画面/審査/権限の一覧",
  args: {
    path: "/accounts/permissions",
    user: MINISTRY_USER,
    api: {
      accounts: {
        permissions: () => ({ scope: "ministry", people: [MINISTRY_PERSON, ...MINISTRY_MANAGES] }),
      },
    },
  },
} satisfies Meta<typeof SCREEN_META.component>;

export default meta;
type Story = StoryObj<typeof meta>;

function rowOf(page: ReturnType<typeof within>, name: string): HTMLElement {
  const row = within(page.getByRole("table", { name: "権限の一覧" }))
    .getByRole("rowheader", { name: new RegExp(`^${name}`) })
    .closest("tr");
  if (row === null) throw new Error(`${name}の行がありません`);
  return row;
}

/** The ministry: everyone of its staff, where they act, whom they manage, status, last sign-in. */
export const Ministry: Story = {
  play: async ({ canvasElement }) => {
    const page = within(canvasElement);
    await findVisible(page, "heading", { level: 1, name: "権限の一覧" });
    await page.findByRole("table", { name: "権限の一覧" });
    await expect(rowOf(page, "田中 健一")).toHaveTextContent("国（厚生労働省）・全国");
    await expect(rowOf(page, "田中 健一")).toHaveTextContent("都道府県担当者・販売業者");
    await expect(rowOf(page, "佐藤 美咲")).toHaveTextContent("東京都の担当者（主担当）");
    await expect(rowOf(page, "佐藤 美咲")).toHaveTextContent("2026年11月24日（火）09:15");
    await expect(rowOf(page, "高橋 直人")).toHaveTextContent("利用停止");
    await expect(page.queryByRole("button", { name: /利用停止|主担当/ })).toBeNull();
  },
};

/** A lead officer: its own prefecture's officers only. */
export const LeadOfficer: Story = {
  args: {
    user: PREFECTURE_USER,
    api: { accounts: { permissions: () => ({ scope: "prefecture", people: LEAD_SEES }) } },
  },
  play: async ({ canvasElement }) => {
    const page = within(canvasElement);
    await page.findByRole("table", { name: "権限の一覧" });
    await expect(within(page.getByRole("table")).getAllByRole("row")).toHaveLength(3);
    await expect(rowOf(page, "伊藤 翔太")).toHaveTextContent("東京都の担当者");
  },
};
