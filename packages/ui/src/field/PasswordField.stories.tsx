import type { Meta, StoryObj } from "@storybook/react-vite";
import { expect, userEvent } from "storybook/test";
import { PasswordField } from "./PasswordField";

const meta = {
  title: "フォーム/PasswordField",
  component: PasswordField,
  args: { label: "パスワード", autoComplete: "current-password", required: true },
  decorators: [
    (Story) => (
      <div style={{ maxWidth: "375px" }}>
        <Story />
      </div>
    ),
  ],
} satisfies Meta<typeof PasswordField>;

export default meta;
type Story = StoryObj<typeof meta>;

export const ShowAndHide: Story = {
  play: async ({ canvas }) => {
    const input = canvas.getByLabelText(/^パスワード/, { selector: "input" });
    await userEvent.type(input, "Gmis2026Tokyo");
    await expect(input).toHaveAttribute("type", "password");
    await expect(input).toHaveAttribute("autocomplete", "current-password");

    await userEvent.click(canvas.getByRole("button", { name: "パスワードを表示する" }));
    await expect(input).toHaveAttribute("type", "text");
    await expect(input).toHaveValue("Gmis2026Tokyo");

    const hide = canvas.getByRole("button", { name: "パスワードを隠す" });
    await expect(hide).toHaveAttribute("aria-controls", input.id);
    await userEvent.click(hide);
    await expect(input).toHaveAttribute("type", "password");
  },
};

export const NewPasswordWithRule: Story = {
  args: {
    label: "新しいパスワード",
    autoComplete: "new-password",
    hint: "8文字以上で、半角英大文字・英小文字・数字をそれぞれ1文字以上含めてください。",
  },
  play: async ({ canvas }) => {
    const input = canvas.getByLabelText(/新しいパスワード/, { selector: "input" });
    await expect(input).toHaveAccessibleDescription(/半角英大文字・英小文字・数字/);
    const toggle = canvas.getByRole("button", { name: "パスワードを表示する" });
    await expect(toggle.getBoundingClientRect().height).toBeGreaterThanOrEqual(44);
  },
};

export const WithError: Story = {
  args: {
    label: "新しいパスワード",
    autoComplete: "new-password",
    defaultValue: "password",
    error: "パスワードは8文字以上で、半角英大文字・英小文字・数字をそれぞれ1文字以上含めてください",
  },
  play: async ({ canvas }) => {
    const input = canvas.getByLabelText(/新しいパスワード/, { selector: "input" });
    await expect(input).toHaveAttribute("aria-invalid", "true");
    await expect(input).toHaveAccessibleDescription(/^エラー：\s?パスワードは8文字以上/);
  },
};
