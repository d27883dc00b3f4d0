import type { Meta, StoryObj } from "@storybook/react-vite";
import { expect, userEvent } from "storybook/test";
import { errorDescription } from "../testing/description";
import { TextField } from "./TextField";

const meta = {
  title: "フォーム/TextField",
  component: TextField,
  args: { label: "担当者氏名" },
  decorators: [
    (Story) => (
      <div style={{ maxWidth: "375px" }}>
        <Story />
      </div>
    ),
  ],
} satisfies Meta<typeof TextField>;

export default meta;
type Story = StoryObj<typeof meta>;

export const Default: Story = {
  play: async ({ canvas }) => {
    const input = canvas.getByLabelText("担当者氏名");
    await userEvent.type(input, "山田　太郎");
    await expect(input).toHaveValue("山田　太郎");
    await expect(input).not.toHaveAttribute("aria-invalid");
    await expect(input).not.toHaveAttribute("aria-describedby");
  },
};

export const RequiredWithHint: Story = {
  args: {
    label: "医療機関コード",
    required: true,
    hint: "G-MISの「医療機関マスタ」に表示される10桁のコードです（保険医療機関コードではありません）。",
    inputMode: "numeric",
    autoComplete: "off",
    width: "medium",
  },
  play: async ({ canvas }) => {
    const input = canvas.getByRole("textbox", { name: /医療機関コード/ });
    await expect(canvas.getByText("必須")).toBeVisible();
    await expect(input).toHaveAttribute("aria-required", "true");
    await expect(input).toHaveAttribute("inputmode", "numeric");
    await expect(input).toHaveAccessibleDescription(/医療機関マスタ/);
  },
};

export const WithError: Story = {
  args: {
    label: "医療機関コード",
    required: true,
    defaultValue: "012345678",
    error: "医療機関コードは10桁の数字で入力してください",
  },
  play: async ({ canvas }) => {
    const input = canvas.getByRole("textbox", { name: /医療機関コード/ });
    await expect(input).toHaveAttribute("aria-invalid", "true");
    await expect(input).toHaveAccessibleDescription(
      errorDescription("医療機関コードは10桁の数字で入力してください"),
    );
  },
};

export const HintAndError: Story = {
  args: {
    label: "メールアドレス",
    type: "email",
    autoComplete: "email",
    hint: "販売業者からの購入案内メールが届くアドレスを入力してください。",
    error: "メールアドレスの形式が正しくありません（例：taro@example.jp）",
    defaultValue: "taro@example",
  },
  play: async ({ canvas }) => {
    const input = canvas.getByRole("textbox", { name: "メールアドレス" });
    // Hint first, then the error: the order a sighted user reads them.
    await expect(input).toHaveAccessibleDescription(
      errorDescription(
        "メールアドレスの形式が正しくありません（例：taro@example.jp）",
        "販売業者からの購入案内メールが届くアドレスを入力してください。",
      ),
    );
  },
};

export const LongLabelOnPhone: Story = {
  args: {
    label:
      "医療機関名（正式名称。法人名を含めて、G-MISに登録されている名称と同じ表記で入力してください）",
    defaultValue:
      "医療法人社団　東京中央記念病院附属みなとみらい在宅医療支援センター訪問看護ステーション",
    required: true,
  },
  play: async ({ canvasElement }) => {
    await expect(canvasElement.scrollWidth).toBeLessThanOrEqual(canvasElement.clientWidth);
  },
};

export const Disabled: Story = {
  args: { label: "ユーザー名", disabled: true, defaultValue: "tokyo-hosp01" },
  play: async ({ canvas }) => {
    await expect(canvas.getByRole("textbox", { name: "ユーザー名" })).toBeDisabled();
  },
};
