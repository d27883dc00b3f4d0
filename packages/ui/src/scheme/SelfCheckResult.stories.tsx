import type { Meta, StoryObj } from "@storybook/react-vite";
import { expect, userEvent } from "storybook/test";
import { SelfCheckResult } from "./SelfCheckResult";

const meta = {
  title: "医療機関/SelfCheckResult",
  component: SelfCheckResult,
  args: { figures: { stock: 2000, consumption: 1000, purchases: 400 } },
  decorators: [
    (Story) => (
      <div style={{ maxWidth: "375px" }}>
        <Story />
      </div>
    ),
  ],
} satisfies Meta<typeof SelfCheckResult>;

export default meta;
type Story = StoryObj<typeof meta>;

/** The manual's 医療機関A: 2,000 < (1,000 − 400) × 4 = 2,400, so eligible with 2 sets. */
export const ManualExample: Story = {
  play: async ({ canvas }) => {
    const region = canvas.getByRole("region", { name: "判定結果" });
    await expect(region).toHaveAttribute("data-verdict", "eligible");
    await expect(canvas.getByText("配布対象").parentElement).toHaveTextContent(/^配布対象該当$/);
    const steps = canvas.getAllByRole("listitem").slice(0, 3);
    await expect(steps.map((step) => step.textContent)).toEqual([
      "②−③ ＝ 1,000枚 − 400枚 ＝ 600枚（不足量＝１週間で在庫から減っていく量）",
      "（②−③）×４ ＝ 600枚 × 4 ＝ 2,400枚（約１ヶ月分の不足量＝約１ヶ月で在庫から減っていく量）",
      "① 2,000枚 ＜ 2,400枚",
    ]);
    await expect(canvas.getByText(/在庫が１ヶ月以内につきると見込まれるため/)).toBeVisible();
    await expect(canvas.getByText("2セット（2,000枚）")).toBeVisible();
    // The band 1,001〜2,000 of the limit table is the one that applies.
    const applicable = canvas.getByRole("row", { current: true });
    await expect(applicable).toHaveTextContent("1,001〜2,000枚");
    await expect(applicable).toHaveTextContent("該当");
  },
};

export const NotEligible: Story = {
  args: { figures: { stock: 3000, consumption: 1000, purchases: 400 } },
  play: async ({ canvas }) => {
    await expect(canvas.getByRole("region", { name: "判定結果" })).toHaveAttribute(
      "data-verdict",
      "not-eligible",
    );
    await expect(canvas.getByText("配布対象").parentElement).toHaveTextContent(/^配布対象非該当$/);
    await expect(canvas.getByText("① 3,000枚 ≧ 2,400枚")).toBeVisible();
    await expect(canvas.getByText("0セット（0枚）")).toBeVisible();
    await expect(canvas.getByText("配布対象に該当しないため、購入上限数は0です。")).toBeVisible();
    await expect(canvas.queryByRole("row", { current: true })).toBeNull();
  },
};

export const PurchasesCoverUse: Story = {
  args: { figures: { stock: 0, consumption: 500, purchases: 800 } },
  play: async ({ canvas, canvasElement }) => {
    await expect(canvas.getByText("③ 800枚 ≧ ② 500枚")).toBeVisible();
    await expect(
      canvas.getByText("（1週間の購入見込み量が想定消費量以上のため、在庫は減りません）"),
    ).toBeVisible();
    // Issue 16: 「500枚 − 800枚 ＝ −300枚」 and 「−300枚 × 4」 read as an error.
    await expect(canvasElement.textContent).not.toMatch(/−\d/);
    await expect(
      canvas.getByText(/在庫は減らない見込みのため、配布対象に該当しません/),
    ).toBeVisible();
  },
};

export const Pending: Story = {
  args: { figures: null },
  play: async ({ canvas }) => {
    await expect(canvas.getByText("配布対象").parentElement).toHaveTextContent(/^配布対象未判定$/);
    await expect(canvas.getByText("①〜③をすべて入力すると自動判定されます。")).toBeVisible();
    await expect(canvas.queryByText(/②−③/)).toBeNull();
  },
};

/** A big hospital: 9,999,999 pieces a week. Every figure stays inside a 375 px phone. */
export const LargeNumbers: Story = {
  args: { figures: { stock: 9_999_999, consumption: 9_999_999, purchases: 0 } },
  play: async ({ canvas, canvasElement }) => {
    await expect(canvas.getByText("20,000セット（20,000,000枚）")).toBeVisible();
    await expect(canvas.getByText("① 9,999,999枚 ＜ 39,999,996枚")).toBeVisible();
    // Beyond the four bands the manual prints, the applicable band is added after a gap.
    await expect(canvas.getByRole("row", { current: true })).toHaveTextContent(
      "19,999,001〜20,000,000枚",
    );
    const region = canvas.getByRole("region", { name: "判定結果" });
    await expect(region.scrollWidth).toBeLessThanOrEqual(region.clientWidth);
    await expect(canvasElement.scrollWidth).toBeLessThanOrEqual(canvasElement.clientWidth);
  },
};

/** The survey form's preview: verdict and limit, the steps folded. */
export const Compact: Story = {
  args: { variant: "compact", title: "この回答での自己チェック" },
  play: async ({ canvas }) => {
    await expect(canvas.getByText("配布対象").parentElement).toHaveTextContent(/^配布対象該当$/);
    await expect(canvas.getByText("2セット（2,000枚）")).toBeVisible();
    await expect(canvas.queryByRole("region", { name: "購入上限数について" })).toBeNull();
    const formula = canvas.getByText("① 2,000枚 ＜ 2,400枚");
    await expect(formula).not.toBeVisible();
    await userEvent.click(canvas.getByText("計算の手順を見る"));
    await expect(formula).toBeVisible();
  },
};

/** An assessment computed by the server is shown as given. */
export const GivenAssessment: Story = {
  args: {
    figures: { stock: 100, consumption: 2500, purchases: 0 },
    assessment: {
      eligible: true,
      weeklyShortfall: 2500,
      monthlyShortfall: 10000,
      limitSets: 5,
      limitPieces: 5000,
    },
  },
  play: async ({ canvas }) => {
    await expect(canvas.getByText("5セット（5,000枚）")).toBeVisible();
    await expect(canvas.getByRole("row", { current: true })).toHaveTextContent("4,001〜5,000枚");
  },
};
