import { CONDITIONS_CONFIRMATION_LABEL, CONDITIONS_NOT_CONFIRMED_MESSAGE } from "@sos/domain";
import type { Meta, StoryObj } from "@storybook/react-vite";
import { expect, fn, userEvent } from "storybook/test";
import { errorDescription } from "../testing/description";
import { Checkbox } from "./Checkbox";

const meta = {
  title: "フォーム/Checkbox",
  component: Checkbox,
  args: { label: CONDITIONS_CONFIRMATION_LABEL, onChange: fn() },
  decorators: [
    (Story) => (
      <div style={{ maxWidth: "375px" }}>
        <Story />
      </div>
    ),
  ],
} satisfies Meta<typeof Checkbox>;

export default meta;
type Story = StoryObj<typeof meta>;

export const ClickTheLabel: Story = {
  play: async ({ args, canvas }) => {
    const box = canvas.getByRole("checkbox", { name: CONDITIONS_CONFIRMATION_LABEL });
    await expect(box).not.toBeChecked();
    await userEvent.click(canvas.getByText(CONDITIONS_CONFIRMATION_LABEL));
    await expect(box).toBeChecked();
    await expect(args.onChange).toHaveBeenCalledTimes(1);
    await userEvent.keyboard(" ");
    await expect(box).not.toBeChecked();
  },
};

export const RequiredWithError: Story = {
  args: { required: true, error: CONDITIONS_NOT_CONFIRMED_MESSAGE },
  play: async ({ canvas }) => {
    const box = canvas.getByRole("checkbox", { name: /上記の緊急配布条件/ });
    await expect(box).toHaveAttribute("aria-invalid", "true");
    await expect(box).toHaveAttribute("aria-required", "true");
    await expect(box).toHaveAccessibleDescription(
      errorDescription(CONDITIONS_NOT_CONFIRMED_MESSAGE),
    );
  },
};

export const TouchTarget: Story = {
  args: { label: "同意する" },
  play: async ({ canvas }) => {
    const label = canvas.getByText("同意する").closest("label");
    await expect(label?.getBoundingClientRect().height).toBeGreaterThanOrEqual(44);
  },
};

export const WithHint: Story = {
  args: {
    label: "パスワードを保存しない",
    hint: "共用の端末では、ブラウザにパスワードを保存しないでください。",
  },
  play: async ({ canvas }) => {
    await expect(canvas.getByRole("checkbox")).toHaveAccessibleDescription(
      "共用の端末では、ブラウザにパスワードを保存しないでください。",
    );
  },
};
