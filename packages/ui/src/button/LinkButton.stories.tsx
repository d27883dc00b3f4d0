import type { Meta, StoryObj } from "@storybook/react-vite";
import { expect } from "storybook/test";
import { LinkButton } from "./LinkButton";

const meta = {
  title: "操作/LinkButton",
  component: LinkButton,
  args: { href: "#new", children: "新規" },
} satisfies Meta<typeof LinkButton>;

export default meta;
type Story = StoryObj<typeof meta>;

export const Primary: Story = {
  play: async ({ canvas }) => {
    const link = canvas.getByRole("link", { name: "新規" });
    await expect(link).toHaveAttribute("href", "#new");
    await expect(link).toHaveClass("sos-button", "sos-button--primary");
    await expect(link.getBoundingClientRect().height).toBeGreaterThanOrEqual(44);
  },
};

export const Secondary: Story = {
  args: { variant: "secondary", href: "#self-check", children: "自己チェックシートで確認する" },
};

export const FullWidthOnPhone: Story = {
  args: { fullWidth: true, href: "#survey", children: "今週の週次調査に回答する" },
  decorators: [
    (Story) => (
      <div style={{ width: "343px" }}>
        <Story />
      </div>
    ),
  ],
  play: async ({ canvas }) => {
    await expect(canvas.getByRole("link").getBoundingClientRect().width).toBe(343);
  },
};
