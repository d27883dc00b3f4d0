import type { Meta, StoryObj } from "@storybook/react-vite";
import { expect } from "storybook/test";
import { Button } from "../button/Button";
import { LinkButton } from "../button/LinkButton";
import { StatusBadge } from "../data/StatusBadge";
import { PageHeader } from "./PageHeader";

const meta = {
  title: "レイアウト/PageHeader",
  component: PageHeader,
  args: { title: "緊急配布要請" },
} satisfies Meta<typeof PageHeader>;

export default meta;
type Story = StoryObj<typeof meta>;

export const ListPage: Story = {
  args: {
    description: "過去30日間の緊急配布要請を表示しています。",
    actions: <LinkButton href="#new">新規</LinkButton>,
  },
  play: async ({ canvas }) => {
    await expect(canvas.getByRole("heading", { level: 1 })).toHaveTextContent("緊急配布要請");
    await expect(canvas.getByRole("link", { name: "新規" })).toBeVisible();
  },
};

export const DetailPage: Story = {
  args: {
    title: "緊急配布要請 SOS-2026-000123",
    back: { href: "#list", label: "緊急配布要請の一覧へ戻る" },
    meta: <StatusBadge status="reviewing" />,
    actions: <Button variant="secondary">編集</Button>,
    description: "2026年5月13日（水）16:42 申請",
  },
  play: async ({ canvas }) => {
    const back = canvas.getByRole("link", { name: /一覧へ戻る/ });
    await expect(back).toHaveAccessibleName("緊急配布要請の一覧へ戻る");
    await expect(back.getBoundingClientRect().height).toBeGreaterThanOrEqual(44);
    await expect(canvas.getByText("都道府県・国確認中")).toBeVisible();
  },
};

export const LongTitleOnPhone: Story = {
  args: {
    title: "医療法人社団　東京中央記念病院附属みなとみらい在宅医療支援センターの緊急配布要請",
    actions: <Button>システムチェック&申請</Button>,
  },
  decorators: [
    (Story) => (
      <div style={{ maxWidth: "375px" }}>
        <Story />
      </div>
    ),
  ],
  play: async ({ canvasElement }) => {
    await expect(canvasElement.scrollWidth).toBeLessThanOrEqual(canvasElement.clientWidth);
  },
};
