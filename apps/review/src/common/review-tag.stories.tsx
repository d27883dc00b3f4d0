import type { Meta, StoryObj } from "@storybook/react-vite";
import { expect } from "storybook/test";
import { ReviewTag } from "./review-tag";

const meta = {
  title: "部品/審査/ReviewTag",
  component: ReviewTag,
  args: { children: "一時保存あり" },
} satisfies Meta<typeof ReviewTag>;

export default meta;
type Story = StoryObj<typeof meta>;

const TONES = [
  { tone: "neutral", text: "一時保存あり" },
  { tone: "warning", text: "締切後" },
  { tone: "error", text: "措置中" },
  { tone: "info", text: "差戻しあり" },
] as const;

/** The words carry the meaning; each tone has its own colours behind them. */
export const Tones: Story = {
  render: () => (
    <p style={{ display: "flex", gap: "8px" }}>
      {TONES.map(({ tone, text }) => (
        <ReviewTag key={tone} tone={tone}>
          {text}
        </ReviewTag>
      ))}
    </p>
  ),
  play: async ({ canvas }) => {
    const looks = TONES.map(({ text }) => {
      const style = getComputedStyle(canvas.getByText(text));
      return `${style.color}/${style.backgroundColor}`;
    });
    await expect(new Set(looks).size).toBe(TONES.length);
    // Text on its tint stays readable: the text is never the background colour.
    for (const { text } of TONES) {
      const style = getComputedStyle(canvas.getByText(text));
      await expect(style.color).not.toBe(style.backgroundColor);
    }
  },
};

/** Neutral unless told otherwise. */
export const DefaultTone: Story = {
  play: async ({ canvas }) => {
    const tag = canvas.getByText("一時保存あり");
    await expect(tag.tagName).toBe("SPAN");
    await expect(tag).toHaveClass("sos-review-tag--neutral");
  },
};

/** In a narrow cell the chip never breaks inside its words (「上限超」 stays one line). */
export const NarrowCell: Story = {
  args: { tone: "warning", children: "上限超" },
  decorators: [
    (Story) => (
      <div style={{ width: "2em" }}>
        <Story />
      </div>
    ),
  ],
  play: async ({ canvas }) => {
    const tag = canvas.getByText("上限超");
    const lineHeight = Number.parseFloat(getComputedStyle(tag).lineHeight);
    await expect(tag.getBoundingClientRect().height).toBeLessThan(lineHeight * 1.5);
  },
};
