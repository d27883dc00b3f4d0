import type { Meta, StoryObj } from "@storybook/react-vite";
import { expect } from "storybook/test";
import { PurchaseLimitTable } from "./PurchaseLimitTable";

const meta = {
  title: "医療機関/PurchaseLimitTable",
  component: PurchaseLimitTable,
  decorators: [
    (Story) => (
      <div style={{ maxWidth: "375px" }}>
        <Story />
      </div>
    ),
  ],
} satisfies Meta<typeof PurchaseLimitTable>;

export default meta;
type Story = StoryObj<typeof meta>;

/** The manual's four bands, then 「以降も同様」. */
export const AsInTheManual: Story = {
  play: async ({ canvas }) => {
    const rows = canvas.getAllByRole("row").slice(1);
    await expect(rows.map((row) => row.textContent)).toEqual([
      "1〜1,000枚1セット【1,000枚（10箱）】を購入可能",
      "1,001〜2,000枚2セット【2,000枚（20箱）】まで購入可能",
      "2,001〜3,000枚3セット【3,000枚（30箱）】まで購入可能",
      "3,001〜4,000枚4セット【4,000枚（40箱）】まで購入可能",
      "・・・以降も同様（1,000枚ごとに1セット）",
    ]);
    await expect(canvas.queryByRole("row", { current: true })).toBeNull();
  },
};

export const FifthBand: Story = {
  args: { applicableSets: 5 },
  play: async ({ canvas }) => {
    const marked = canvas.getByRole("row", { current: true });
    await expect(marked).toHaveTextContent(
      "4,001〜5,000枚5セット【5,000枚（50箱）】まで購入可能該当",
    );
    // Straight after the fourth band: no gap row between.
    await expect(canvas.getAllByText(/^・・・/)).toHaveLength(1);
  },
};

export const FarBeyond: Story = {
  args: { applicableSets: 120 },
  play: async ({ canvas, canvasElement }) => {
    await expect(canvas.getByRole("row", { current: true })).toHaveTextContent(
      "119,001〜120,000枚120セット【120,000枚（1,200箱）】まで購入可能",
    );
    await expect(canvas.getAllByText(/^・・・/)).toHaveLength(2);
    await expect(canvasElement.scrollWidth).toBeLessThanOrEqual(canvasElement.clientWidth);
  },
};
