import type { Meta, StoryObj } from "@storybook/react-vite";
import { expect } from "storybook/test";
import { Notice } from "./Notice";

const meta = {
  title: "フィードバック/Notice",
  component: Notice,
  args: {
    title: "緊急配布要請の締切",
    children: (
      <>
        <p>緊急配布要請は毎週水曜の17時までに入力してください。</p>
        <p>17時以降の入力は、翌営業日以降の対応となります。</p>
      </>
    ),
  },
} satisfies Meta<typeof Notice>;

export default meta;
type Story = StoryObj<typeof meta>;

export const Normal: Story = {
  play: async ({ canvas }) => {
    const region = canvas.getByRole("region", { name: "緊急配布要請の締切" });
    await expect(region).toHaveTextContent("毎週水曜の17時まで");
    await expect(canvas.queryByRole("status")).toBeNull();
    await expect(canvas.queryByRole("alert")).toBeNull();
  },
};

export const Important: Story = {
  args: {
    emphasis: "important",
    title: "要請＝配布決定ではありません",
    headingLevel: 3,
    children: (
      <ul>
        <li>緊急配布要請の後、都道府県と国で数量等の整合を確認します。</li>
        <li>都道府県・国から電話等で状況を確認することがあります。</li>
        <li>配布条件に適さない場合は、要請した週の金曜以降に都道府県から個別に連絡します。</li>
      </ul>
    ),
  },
  play: async ({ canvas }) => {
    await expect(canvas.getByRole("heading", { level: 3 })).toHaveTextContent(
      "要請＝配布決定ではありません",
    );
    await expect(canvas.getAllByRole("listitem")).toHaveLength(3);
  },
};
