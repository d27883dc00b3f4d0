import type { Meta, StoryObj } from "@storybook/react-vite";
import { expect, within } from "storybook/test";
import { person, savedInput } from "../stories/parts";
import { PrefectureInputFacts } from "./prefecture-input-facts";
import { OVERRIDE_REASON_LABEL } from "./prefecture-review-schema";

const meta = {
  title: "部品/審査/PrefectureInputFacts",
  component: PrefectureInputFacts,
  args: {
    limitSets: 1_250,
    input: savedInput({
      supplyNeeded: true,
      quantitySets: 1_250,
      notes: "",
      // 10:15 on Thursday 26 November 2026, Tokyo.
      completedAt: "2026-11-26T01:15:00.000Z",
      completedBy: person("神奈川県 健康医療局 審査担当 長谷川"),
    }),
  },
  decorators: [
    (Story) => (
      <div style={{ maxWidth: "375px" }}>
        <Story />
      </div>
    ),
  ],
} satisfies Meta<typeof PrefectureInputFacts>;

export default meta;
type Story = StoryObj<typeof meta>;

/** Each term with what follows it, as a screen reader reads the list. */
function facts(canvasElement: HTMLElement): Record<string, string> {
  const terms = within(canvasElement).getAllByRole("term");
  return Object.fromEntries(
    terms.map((term) => [term.textContent ?? "", term.nextElementSibling?.textContent ?? ""]),
  );
}

/** A play function: the list shows exactly these terms, each with its value. */
function showsFacts(expected: Record<string, string>): NonNullable<Story["play"]> {
  return async ({ canvasElement }) => {
    await expect(facts(canvasElement)).toEqual(expected);
  };
}

/** Completed by the prefecture: 1,250 sets in both units beside the limit, who and when. */
export const Completed: Story = {
  play: async ({ canvasElement }) => {
    await expect(facts(canvasElement)).toEqual({
      配送要否: "必要",
      数量: "1,250セット（1,250,000枚）（購入上限数 1,250セット（1,250,000枚））",
      備考: "（なし）",
      確認完了: "2026年11月26日（木）10:15（神奈川県 健康医療局 審査担当 長谷川）",
    });
    await expect(within(canvasElement).getAllByRole("definition")).toHaveLength(4);
    await expect(canvasElement.scrollWidth).toBeLessThanOrEqual(canvasElement.clientWidth);
  },
};

/** Above the limit the reason is shown under its own label; notes keep their line breaks. */
export const OverLimitWithReason: Story = {
  args: {
    limitSets: 4,
    input: savedInput({
      supplyNeeded: true,
      quantitySets: 6,
      overrideReason: "近隣2施設分の融通を含めるため",
      notes: "在宅患者向けの訪問診療分を含む。\n次回以降は上限内で調整予定。",
      completedAt: null,
    }),
  },
  play: async ({ canvas, canvasElement }) => {
    const shown = facts(canvasElement);
    await expect(shown[OVERRIDE_REASON_LABEL]).toBe("近隣2施設分の融通を含めるため");
    await expect(shown.数量).toBe("6セット（6,000枚）（購入上限数 4セット（4,000枚））");
    await expect(shown.備考).toBe("在宅患者向けの訪問診療分を含む。\n次回以降は上限内で調整予定。");
    await expect(shown).not.toHaveProperty("確認完了");
    const notes = canvas.getByText(/在宅患者向け/);
    await expect(getComputedStyle(notes).whiteSpace).toBe("pre-wrap");
  },
};

/** Nothing entered yet: every value says so rather than showing a blank. */
export const NothingEntered: Story = {
  args: { input: null, limitSets: 0 },
  play: showsFacts({
    配送要否: "未入力",
    数量: "未入力（購入上限数 0セット（0枚））",
    備考: "（なし）",
  }),
};

/** 不要, with notes that are only the full-width spaces an IME left: shown as none. */
export const NotNeeded: Story = {
  args: {
    limitSets: 2,
    input: savedInput({
      supplyNeeded: false,
      quantitySets: null,
      notes: "　　",
      completedBy: null,
    }),
  },
  play: showsFacts({
    配送要否: "不要",
    数量: "未入力（購入上限数 2セット（2,000枚））",
    備考: "（なし）",
  }),
};

/** Completed with nobody named: the time alone, no empty brackets. */
export const CompletedWithoutName: Story = {
  args: {
    input: savedInput({
      supplyNeeded: true,
      quantitySets: 2,
      completedAt: "2026-11-26T01:15:00.000Z",
      completedBy: null,
    }),
    limitSets: 2,
  },
  play: async ({ canvasElement }) => {
    await expect(facts(canvasElement).確認完了).toBe("2026年11月26日（木）10:15");
  },
};
