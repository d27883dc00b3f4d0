import type { Meta, StoryObj } from "@storybook/react-vite";
import { expect, within } from "storybook/test";
import { SignedOutLayout } from "./SignedOutLayout";

const meta = {
  title: "認証/SignedOutLayout",
  component: SignedOutLayout,
  parameters: { layout: "fullscreen" },
  args: {
    title: "ログイン",
    appTitle: "都道府県・国向け",
    children: <p>フォームがここに入ります。</p>,
  },
} satisfies Meta<typeof SignedOutLayout>;

export default meta;
type Story = StoryObj<typeof meta>;

export const Phone: Story = {
  decorators: [
    (Story) => (
      <div style={{ width: "375px" }}>
        <Story />
      </div>
    ),
  ],
  play: async ({ canvas, canvasElement }) => {
    await expect(canvas.getByRole("banner")).toHaveTextContent("SOS Supply");
    const main = canvas.getByRole("main");
    await expect(within(main).getByRole("heading", { level: 1 })).toHaveTextContent("ログイン");
    const card = main.firstElementChild as HTMLElement;
    // On a phone the card takes the whole width: no wasted margin around a small form.
    await expect(card.getBoundingClientRect().width).toBe(375);
    await expect(canvasElement.scrollWidth).toBeLessThanOrEqual(canvasElement.clientWidth);
  },
};

export const LongTitle: Story = {
  args: { title: "パスワード再設定用のリンクの有効期限が切れているため、もう一度申請してください" },
  decorators: [
    (Story) => (
      <div style={{ width: "375px" }}>
        <Story />
      </div>
    ),
  ],
  play: async ({ canvasElement }) => {
    await expect(canvasElement.scrollWidth).toBeLessThanOrEqual(canvasElement.clientWidth);
  },
};
