import type { Meta, StoryObj } from "@storybook/react-vite";
import { useState } from "react";
import { expect, fn, userEvent, within } from "storybook/test";
import { errorDescription } from "../testing/description";
import { RadioGroup, type RadioGroupProps, radioId } from "./RadioGroup";

const SUPPLY_CHOICES = [
  { value: "yes", label: "必要", hint: "この要請の数量を配送します" },
  { value: "no", label: "不要", hint: "配送しません（対象外とは別です）" },
];

const PAYMENT_CHOICES = [
  { value: "invoice", label: "請求書払い" },
  { value: "bank_transfer", label: "銀行振込" },
  { value: "cash_on_delivery", label: "代金引換" },
];

const meta = {
  title: "フォーム/RadioGroup",
  component: RadioGroup,
  args: {
    id: "supply",
    name: "supplyNeeded",
    legend: "配送要否",
    choices: SUPPLY_CHOICES,
    onChange: fn(),
  },
  decorators: [
    (Story) => (
      <div style={{ maxWidth: "375px" }}>
        <Story />
      </div>
    ),
  ],
} satisfies Meta<typeof RadioGroup>;

export default meta;
type Story = StoryObj<typeof meta>;

/** The legend names the group; clicking a label picks its choice, arrows move between them. */
export const ChooseByLabelAndArrows: Story = {
  play: async ({ args, canvas }) => {
    const group = canvas.getByRole("group", { name: "配送要否" });
    const yes = within(group).getByRole("radio", { name: /^必要/ });
    const no = within(group).getByRole("radio", { name: /^不要/ });
    await expect(yes).toHaveAttribute("id", radioId("supply", "yes"));
    await expect(yes).toHaveAccessibleDescription("この要請の数量を配送します");
    await expect(yes).not.toBeChecked();
    await expect(no).not.toBeChecked();

    await userEvent.click(canvas.getByText("必要"));
    await expect(yes).toBeChecked();
    await expect(args.onChange).toHaveBeenCalledOnce();
    await userEvent.keyboard("{ArrowDown}");
    await expect(no).toBeChecked();
    await expect(no).toHaveFocus();
    await expect(yes).not.toBeChecked();
    await expect(args.onChange).toHaveBeenCalledTimes(2);
  },
};

/** Required and refused: 必須 in the legend; every choice marked invalid and told why. */
export const RequiredWithError: Story = {
  args: {
    required: true,
    hint: "都道府県として配送が必要かを選んでください。",
    error: "配送要否を選択してください",
  },
  play: async ({ canvas }) => {
    const group = canvas.getByRole("group", { name: /^配送要否\s?必須$/ });
    await expect(group).toHaveAccessibleDescription(
      errorDescription(
        "配送要否を選択してください",
        "都道府県として配送が必要かを選んでください。",
      ),
    );
    for (const radio of within(group).getAllByRole("radio")) {
      await expect(radio).toHaveAttribute("aria-invalid", "true");
      await expect(radio).toHaveAccessibleDescription(/エラー：\s?配送要否を選択してください$/);
    }
  },
};

function ControlledHarness(args: RadioGroupProps) {
  const [value, setValue] = useState("bank_transfer");
  return (
    <RadioGroup
      {...args}
      value={value}
      onChange={(event) => {
        args.onChange?.(event);
        setValue(event.currentTarget.value);
      }}
    />
  );
}

/** Controlled (お支払い方法): the value prop decides which choice is on. */
export const Controlled: Story = {
  args: { id: "payment", name: "paymentMethod", legend: "お支払い方法", choices: PAYMENT_CHOICES },
  render: (args) => <ControlledHarness {...args} />,
  play: async ({ args, canvas }) => {
    await expect(canvas.getByRole("radio", { name: "銀行振込" })).toBeChecked();
    await userEvent.click(canvas.getByRole("radio", { name: "代金引換" }));
    await expect(canvas.getByRole("radio", { name: "代金引換" })).toBeChecked();
    await expect(canvas.getByRole("radio", { name: "銀行振込" })).not.toBeChecked();
    await expect(args.onChange).toHaveBeenCalledOnce();
    // Every choice shares the name, so they are one group for the keyboard and the form.
    for (const radio of canvas.getAllByRole("radio")) {
      await expect(radio).toHaveAttribute("name", "paymentMethod");
    }
  },
};

/** Disabled applies to every choice. */
export const Disabled: Story = {
  args: { disabled: true },
  play: async ({ args, canvas }) => {
    for (const radio of canvas.getAllByRole("radio")) {
      await expect(radio).toBeDisabled();
    }
    await userEvent.click(canvas.getByText("必要"));
    await expect(args.onChange).not.toHaveBeenCalled();
  },
};

/** Long choices wrap at phone width; every row is still a 44px target. */
export const LongChoices: Story = {
  args: {
    id: "delivery",
    name: "delivery",
    legend: "お届け先",
    choices: [
      {
        value: "registered",
        label: "社会福祉法人恩賜財団済生会支部神奈川県済生会横浜市東部病院（登録住所）",
        hint: "〒230-8765 神奈川県横浜市鶴見区下末吉3丁目6番1号",
      },
      { value: "other", label: "別の住所" },
    ],
  },
  play: async ({ canvas, canvasElement }) => {
    await expect(canvasElement.scrollWidth).toBeLessThanOrEqual(canvasElement.clientWidth);
    for (const radio of canvas.getAllByRole("radio")) {
      const label = canvasElement.querySelector(`label[for="${radio.id}"]`);
      await expect(label?.getBoundingClientRect().height).toBeGreaterThanOrEqual(44);
    }
    await expect(canvas.getByRole("radio", { name: /^社会福祉法人/ })).toHaveAccessibleDescription(
      "〒230-8765 神奈川県横浜市鶴見区下末吉3丁目6番1号",
    );
  },
};
