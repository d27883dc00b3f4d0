import { FixtureError, type Screen } from "@sos/web/storybook";
import type { Meta, StoryObj } from "@storybook/react-vite";
import { expect, within } from "storybook/test";
import type { OwnAllocation } from "../api-types";
import { screenMeta } from "../stories/screen";

/** The clinic's allocation of the week of 18 November: M was short, S was not. */
const MINE: OwnAllocation = {
  weekStart: "2026-11-18",
  run: {
    rule: "sos-allocation/1",
    parameters: {
      thresholdWeeks: 4,
      tierOrder: ["supply_agreement", "weeks_of_cover"],
      coverBandsWeeks: [1, 2],
    },
    tierCount: 6,
    requests: [
      {
        requestId: "3b9f1c2d-4e5a-4b6c-8d7e-9f0a1b2c3d4e",
        code: "9f2c1a7b3e4d5c60",
        tier: 5,
        tierLabel: "協定なし・在庫2週未満",
        needPieces: 3_000,
        weeksOfCover: 1.5,
        stock: 1_800,
        consumption: 1_500,
        purchases: 300,
        supplyAgreement: false,
        limitSets: 6,
        totalSets: 5,
        sizes: [
          { size: "S", requestedSets: 2, allocatedSets: 2, lotterySets: 0, rationed: false },
          { size: "M", requestedSets: 4, allocatedSets: 3, lotterySets: 1, rationed: true },
        ],
      },
    ],
  },
};

const meta = {
  title: "割当のセット数",
  ...screenMeta({ path: "/allocation", api: { allocation: { mine: () => MINE } } }),
} satisfies Meta<typeof Screen>;

export default meta;
type Story = StoryObj<typeof meta>;

/**
 * Units, not percentages: 「Mサイズ 3セット」 per size, the total, and the clinic's
 * own numbers that produced them (tier, weeks of cover, need, lottery); on a phone.
 */
export const AllocatedSets: Story = {
  play: async ({ canvasElement }) => {
    const page = within(canvasElement);
    await page.findByRole("heading", { level: 1, name: "割当のセット数" });
    const sets = within(await page.findByRole("list", { name: "サイズ別の割当" }));
    await expect(sets.getByText("Mサイズ 3セット")).toBeVisible();
    await expect(sets.getByText("Sサイズ 2セット")).toBeVisible();
    await expect(
      sets.getByText("（要望 4セット・供給不足のためルールで配分・うち1セットは抽選）"),
    ).toBeVisible();
    await expect(page.getByText("合計 5セット（5,000枚）")).toBeVisible();
    await expect(page.queryByText(/%/)).toBeNull();
    const numbers = within(page.getByLabelText("割当の根拠"));
    await expect(numbers.getByText("第5順位（全6順位）・協定なし・在庫2週未満")).toBeVisible();
    await expect(numbers.getByText("1.5週（在庫 1,800枚 ÷ 1週間あたり 1,200枚）")).toBeVisible();
    await expect(
      numbers.getByText("3,000枚（1,200枚 × 4週 − 在庫 1,800枚、0未満は0）"),
    ).toBeVisible();
    await expect(numbers.getByText("9f2c1a7b3e4d5c60")).toBeVisible();
    await expect(page.getByText(/ルール sos-allocation\/1/)).toBeVisible();
    // A phone: nothing wider than the screen.
    await expect(document.documentElement.scrollWidth).toBeLessThanOrEqual(window.innerWidth);
  },
};

/** No week of the clinic's was allocated: said plainly. */
export const NoAllocation: Story = {
  args: { api: { allocation: { mine: () => ({ weekStart: null, run: null }) } } },
  play: async ({ canvasElement }) => {
    const page = within(canvasElement);
    await expect(await page.findByText("割当はまだありません")).toBeVisible();
  },
};

/** The server could not answer: its words and a retry. */
export const LoadError: Story = {
  args: {
    api: {
      allocation: {
        mine: () => {
          throw new FixtureError("INTERNAL_SERVER_ERROR", "サーバーでエラーが発生しました。");
        },
      },
    },
  },
  play: async ({ canvasElement }) => {
    const page = within(canvasElement);
    await expect(await page.findByText("割当を表示できません")).toBeVisible();
    await expect(page.getByRole("button", { name: "再読み込み" })).toBeVisible();
  },
};
