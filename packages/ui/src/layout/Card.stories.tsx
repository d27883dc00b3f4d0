import type { Meta, StoryObj } from "@storybook/react-vite";
import { expect } from "storybook/test";
import { Button } from "../button/Button";
import { LinkButton } from "../button/LinkButton";
import { Card } from "./Card";

const meta = {
  title: "レイアウト/Card",
  component: Card,
  decorators: [
    (Story) => (
      <div style={{ maxWidth: "375px" }}>
        <Story />
      </div>
    ),
  ],
} satisfies Meta<typeof Card>;

export default meta;
type Story = StoryObj<typeof meta>;

export const WithTitleAndActions: Story = {
  args: {
    title: "今週の週次調査",
    children: <p>2026年5月13日（水）の週の調査に回答してください。</p>,
    actions: (
      <>
        <LinkButton href="#survey">回答する</LinkButton>
        <Button variant="tertiary">あとで</Button>
      </>
    ),
  },
  play: async ({ canvas }) => {
    const region = canvas.getByRole("region", { name: "今週の週次調査" });
    await expect(region).toContainElement(canvas.getByRole("link", { name: "回答する" }));
    await expect(canvas.getByRole("heading", { level: 2 })).toHaveTextContent("今週の週次調査");
  },
};

export const Untitled: Story = {
  args: { children: <p>タイトルのないカードは名前付きの領域になりません。</p> },
  play: async ({ canvas }) => {
    await expect(canvas.queryByRole("region")).toBeNull();
    await expect(canvas.queryByRole("heading")).toBeNull();
  },
};

export const LongContentOnPhone: Story = {
  args: {
    title: "医療法人社団　東京中央記念病院附属みなとみらい在宅医療支援センター訪問看護ステーション",
    headingLevel: 3,
    children: (
      <dl>
        <dt>医療機関コード</dt>
        <dd>0123456789</dd>
        <dt>所在地</dt>
        <dd>神奈川県横浜市西区みなとみらい二丁目三番一号クイーンズタワーA棟十五階</dd>
      </dl>
    ),
  },
  play: async ({ canvas, canvasElement }) => {
    await expect(canvas.getByRole("heading", { level: 3 })).toBeVisible();
    await expect(canvasElement.scrollWidth).toBeLessThanOrEqual(canvasElement.clientWidth);
  },
};
