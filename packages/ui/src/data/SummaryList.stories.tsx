import { formatPieces, formatSets } from "@sos/domain";
import type { Meta, StoryObj } from "@storybook/react-vite";
import { expect, within } from "storybook/test";
import { SummaryList } from "./SummaryList";

const meta = {
  title: "販売業者/SummaryList",
  component: SummaryList,
  args: {
    "aria-label": "注文の概要",
    items: [
      { term: "注文番号", detail: "SOS-2026-000123" },
      { term: "お届け先名", detail: "社会福祉法人恩賜財団済生会支部神奈川県済生会横浜市東部病院" },
      { term: "数量", detail: formatSets(1_250) },
      { term: "枚数", detail: formatPieces(1_250_000) },
      {
        term: "お届け先住所",
        detail: (
          <>
            〒230-8765
            <br />
            神奈川県横浜市鶴見区下末吉3丁目6番1号
          </>
        ),
      },
    ],
  },
  decorators: [
    (Story) => (
      <div style={{ maxWidth: "375px" }}>
        <Story />
      </div>
    ),
  ],
} satisfies Meta<typeof SummaryList>;

export default meta;
type Story = StoryObj<typeof meta>;

function pairs(canvasElement: HTMLElement): string[] {
  return within(canvasElement)
    .getAllByRole("term")
    .map((term) => `${term.textContent}=${term.nextElementSibling?.textContent}`);
}

/** Every pair in order, figures in both units with separators; a long name wraps at phone width. */
export const OrderSummary: Story = {
  play: async ({ canvasElement }) => {
    await expect(pairs(canvasElement)).toEqual([
      "注文番号=SOS-2026-000123",
      "お届け先名=社会福祉法人恩賜財団済生会支部神奈川県済生会横浜市東部病院",
      "数量=1,250セット（1,250,000枚）",
      "枚数=1,250,000枚",
      "お届け先住所=〒230-8765神奈川県横浜市鶴見区下末吉3丁目6番1号",
    ]);
    await expect(within(canvasElement).getAllByRole("definition")).toHaveLength(5);
    const list = canvasElement.querySelector("dl");
    await expect(list).toHaveAttribute("aria-label", "注文の概要");
    await expect(canvasElement.scrollWidth).toBeLessThanOrEqual(canvasElement.clientWidth);
  },
};

/** No items: an empty list, nothing to read. */
export const Empty: Story = {
  render: () => <SummaryList items={[]} />,
  play: async ({ canvasElement }) => {
    await expect(within(canvasElement).queryAllByRole("term")).toHaveLength(0);
    await expect(canvasElement.querySelector("dl")).not.toHaveAttribute("aria-label");
  },
};
