import { QUANTITY_MESSAGES, quantityField } from "@sos/domain";
import type { Meta, StoryObj } from "@storybook/react-vite";
import { useState } from "react";
import { expect, userEvent } from "storybook/test";
import { errorDescription } from "../testing/description";
import { NumberField } from "./NumberField";

const meta = {
  title: "フォーム/NumberField",
  component: NumberField,
  args: { label: "在庫量", required: true },
  decorators: [
    (Story) => (
      <div style={{ maxWidth: "375px" }}>
        <Story />
      </div>
    ),
  ],
} satisfies Meta<typeof NumberField>;

export default meta;
type Story = StoryObj<typeof meta>;

export const Default: Story = {
  play: async ({ canvas }) => {
    const input = canvas.getByRole("textbox", { name: /在庫量/ });
    await expect(input).toHaveAttribute("inputmode", "numeric");
    await expect(input).toHaveAttribute("type", "text");
    await expect(input).toHaveAccessibleDescription("枚");
  },
};

/**
 * Full-width digits and commas, as a Japanese IME gives them, are kept while typing
 * and shown in half width once the box is left (issue 16 #13).
 */
export const FullWidthTyping: Story = {
  args: { label: "1週間の想定消費量" },
  play: async ({ canvas }) => {
    const input = canvas.getByRole("textbox", { name: /1週間の想定消費量/ });
    await userEvent.type(input, "１，０００");
    await expect(input).toHaveValue("１，０００");
    await userEvent.tab();
    await expect(input).toHaveValue("1,000");
  },
};

export const LargeNumber: Story = {
  args: {
    label: "1週間の購入見込み量",
    defaultValue: "10,000,000",
    hint: "半角・全角どちらでも入力できます。",
  },
  play: async ({ canvas }) => {
    const input = canvas.getByRole<HTMLInputElement>("textbox", { name: /1週間の購入見込み量/ });
    // The whole figure is visible in the box without scrolling.
    await expect(input.scrollWidth).toBeLessThanOrEqual(input.clientWidth);
  },
};

export const TooLarge: Story = {
  args: { defaultValue: "12,000,000", error: QUANTITY_MESSAGES.too_large },
  play: async ({ canvas }) => {
    const input = canvas.getByRole("textbox", { name: /在庫量/ });
    await expect(input).toHaveAttribute("aria-invalid", "true");
    await expect(input).toHaveAccessibleDescription(
      errorDescription("数値が大きすぎます（上限 10,000,000 枚）", "枚"),
    );
  },
};

function LiveParse() {
  const [value, setValue] = useState("");
  const parsed = quantityField.safeParse(value);
  return (
    <NumberField
      label="在庫量"
      required
      value={value}
      onChange={(event) => setValue(event.currentTarget.value)}
      error={value === "" || parsed.success ? undefined : parsed.error.issues[0]?.message}
      hint={
        parsed.success ? `${parsed.data.toLocaleString("ja-JP")}枚として受け付けます` : "例：2,000"
      }
    />
  );
}

/** With the caller parsing through @sos/domain's quantityField, as the survey screen does. */
export const ParsedByDomain: Story = {
  render: () => <LiveParse />,
  play: async ({ canvas }) => {
    const input = canvas.getByRole("textbox", { name: /在庫量/ });
    await userEvent.type(input, "２，０００");
    await expect(canvas.getByText("2,000枚として受け付けます")).toBeVisible();
    // A controlled field follows the half-width value shown on leaving the box.
    await userEvent.tab();
    await expect(input).toHaveValue("2,000");
    await expect(canvas.getByText("2,000枚として受け付けます")).toBeVisible();
    await userEvent.clear(input);
    await userEvent.type(input, "1.5");
    await expect(input).toHaveAccessibleDescription(/0以上の整数で入力してください/);
  },
};
