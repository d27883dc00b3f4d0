import type { Meta, StoryObj } from "@storybook/react-vite";
import { expect, userEvent } from "storybook/test";
import { errorDescription } from "../testing/description";
import { Textarea } from "./Textarea";

const meta = {
  title: "フォーム/Textarea",
  component: Textarea,
  args: { label: "備考" },
  decorators: [
    (Story) => (
      <div style={{ maxWidth: "375px" }}>
        <Story />
      </div>
    ),
  ],
} satisfies Meta<typeof Textarea>;

export default meta;
type Story = StoryObj<typeof meta>;

export const Counter: Story = {
  args: { maxLength: 20 },
  play: async ({ canvas }) => {
    const textarea = canvas.getByRole("textbox", { name: "備考" });
    await expect(textarea).toHaveAccessibleDescription("0 / 20文字");
    await userEvent.type(textarea, "在庫が急減しています");
    await expect(canvas.getByText("10 / 20文字")).toBeVisible();
    await expect(textarea).not.toHaveAttribute("aria-invalid");
  },
};

/** Pasting too much is kept and reported, never silently cut. */
export const OverTheLimit: Story = {
  args: { maxLength: 20 },
  play: async ({ canvas }) => {
    const textarea = canvas.getByRole("textbox", { name: "備考" });
    await userEvent.click(textarea);
    await userEvent.paste("近隣の医療機関からの応援要請により、消費量が通常の3倍になっています。");
    await expect(textarea).toHaveValue(
      "近隣の医療機関からの応援要請により、消費量が通常の3倍になっています。",
    );
    await expect(canvas.getByText(/文字超過/)).toHaveTextContent("35 / 20文字（15文字超過）");
    await expect(textarea).toHaveAttribute("aria-invalid", "true");
  },
};

export const LargeLimit: Story = {
  args: {
    maxLength: 2000,
    defaultValue: "あ".repeat(1234),
    hint: "都道府県・国の担当者に伝えたいことがあれば入力してください。",
  },
  play: async ({ canvas }) => {
    await expect(canvas.getByText("1,234 / 2,000文字")).toBeVisible();
  },
};

export const WithError: Story = {
  args: { required: true, error: "備考を入力してください" },
  play: async ({ canvas }) => {
    const textarea = canvas.getByRole("textbox", { name: /備考/ });
    await expect(textarea).toHaveAccessibleDescription(errorDescription("備考を入力してください"));
  },
};
