import type { Meta, StoryObj } from "@storybook/react-vite";
import { expect, within } from "storybook/test";
import { SurveyAnswerView } from "./survey-answer-view";

const meta = {
  title: "医療機関/SurveyAnswerView",
  component: SurveyAnswerView,
  args: { values: { stock: 2_000, consumption: 1_000, purchases: 400 } },
  decorators: [
    (Story) => (
      <div style={{ maxWidth: "375px" }}>
        <Story />
      </div>
    ),
  ],
} satisfies Meta<typeof SurveyAnswerView>;

export default meta;
type Story = StoryObj<typeof meta>;

/** The three figures as label → value, in the manual's order. */
function figures(canvasElement: HTMLElement): string[] {
  return within(canvasElement)
    .getAllByRole("term")
    .map((term) => `${term.textContent}=${term.nextElementSibling?.textContent}`);
}

function selfCheck(canvasElement: HTMLElement) {
  return within(canvasElement).getByRole("region", { name: "この回答での自己チェック" });
}

/** A saved answer: figures in pieces with separators, and the verdict they give. */
export const Eligible: Story = {
  play: async ({ canvas, canvasElement }) => {
    await expect(figures(canvasElement)).toEqual([
      "① 在庫量=2,000枚",
      "② 1週間の想定消費量=1,000枚",
      "③ 1週間の購入見込み量=400枚",
    ]);
    const check = selfCheck(canvasElement);
    await expect(check).toHaveAttribute("data-verdict", "eligible");
    await expect(check).toHaveTextContent("配布対象該当");
    await expect(check).toHaveTextContent("購入上限数2セット（2,000枚）");
    await expect(canvas.queryByRole("textbox")).toBeNull();
    await expect(canvas.queryByRole("heading", { name: "この回答は編集できません" })).toBeNull();
  },
};

/** A large hospital: 1,250,000 pieces in stock, a limit of 2,500 sets. */
export const LargeFigures: Story = {
  args: { values: { stock: 1_250_000, consumption: 1_250_000, purchases: 250_000 } },
  play: async ({ canvasElement }) => {
    await expect(figures(canvasElement)).toEqual([
      "① 在庫量=1,250,000枚",
      "② 1週間の想定消費量=1,250,000枚",
      "③ 1週間の購入見込み量=250,000枚",
    ]);
    const check = selfCheck(canvasElement);
    await expect(check).toHaveAttribute("data-verdict", "eligible");
    await expect(check).toHaveTextContent("購入上限数2,500セット（2,500,000枚）");
    await expect(canvasElement.scrollWidth).toBeLessThanOrEqual(canvasElement.clientWidth);
  },
};

/** Purchases cover use: not eligible, a limit of 0. */
export const NotEligible: Story = {
  args: { values: { stock: 500, consumption: 1_000, purchases: 1_200 } },
  play: async ({ canvasElement }) => {
    const check = selfCheck(canvasElement);
    await expect(check).toHaveAttribute("data-verdict", "not-eligible");
    await expect(check).toHaveTextContent("配布対象非該当");
    await expect(check).toHaveTextContent("購入上限数0セット（0枚）");
  },
};

/** The week is over: why it cannot be edited, as a level-2 notice above the figures. */
export const ReadOnlyWithReason: Story = {
  args: {
    readOnlyReason:
      "回答期間（2026年11月25日（水）〜12月2日（水）17:00）が終了したため、編集できません。",
  },
  play: async ({ canvas }) => {
    const heading = canvas.getByRole("heading", { level: 2, name: "この回答は編集できません" });
    await expect(heading).toBeVisible();
    await expect(
      canvas.getByText(/回答期間（2026年11月25日（水）〜12月2日（水）17:00）が終了したため/),
    ).toBeVisible();
  },
};

/** Nothing saved: every figure 未回答 and the check waits (未判定), no limit figure. */
export const Unanswered: Story = {
  args: { values: null },
  play: async ({ canvasElement }) => {
    await expect(figures(canvasElement)).toEqual([
      "① 在庫量=未回答",
      "② 1週間の想定消費量=未回答",
      "③ 1週間の購入見込み量=未回答",
    ]);
    const check = selfCheck(canvasElement);
    await expect(check).toHaveAttribute("data-verdict", "pending");
    await expect(check).toHaveTextContent("①〜③をすべて入力すると自動判定されます。");
    await expect(check).toHaveTextContent("購入上限数—未判定");
  },
};

/** Partly answered (0 is an answer, not a blank): only the missing ones say 未回答. */
export const PartlyAnswered: Story = {
  args: { values: { stock: 0, consumption: 1_000, purchases: null } },
  play: async ({ canvasElement }) => {
    await expect(figures(canvasElement)).toEqual([
      "① 在庫量=0枚",
      "② 1週間の想定消費量=1,000枚",
      "③ 1週間の購入見込み量=未回答",
    ]);
    await expect(selfCheck(canvasElement)).toHaveAttribute("data-verdict", "pending");
  },
};

/** Content given as children sits above the figures (e.g. the week's title). */
export const WithChildren: Story = {
  args: { children: <h2>2026年12月2日（水）17:00締切の週の回答</h2> },
  play: async ({ canvas }) => {
    const heading = canvas.getByRole("heading", {
      name: "2026年12月2日（水）17:00締切の週の回答",
    });
    const firstTerm = canvas.getAllByRole("term")[0];
    await expect(firstTerm).toBeDefined();
    await expect(
      heading.compareDocumentPosition(firstTerm as Node) & Node.DOCUMENT_POSITION_FOLLOWING,
    ).toBeTruthy();
  },
};
