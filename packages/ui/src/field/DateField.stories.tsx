import type { Meta, StoryObj } from "@storybook/react-vite";
import { useState } from "react";
import { expect, fn, userEvent, within } from "storybook/test";
import { DateField } from "./DateField";
import { invalidDateMessage, isIsoDate } from "./date-parts";

/** The field as a form uses it: the message once the boxes make no date. */
function Harness({
  onChange,
  initial = "",
}: {
  onChange: (value: string) => void;
  initial?: string;
}) {
  const [value, setValue] = useState(initial);
  const [touched, setTouched] = useState(false);
  const error =
    touched && value !== "" && !isIsoDate(value) ? invalidDateMessage("適用開始日") : undefined;
  return (
    <DateField
      label="適用開始日"
      hint="この日以降の要請は、システムチェックでエラーになります。"
      required
      value={value}
      error={error}
      onChange={(next) => {
        setValue(next);
        onChange(next);
      }}
      onBlur={() => setTouched(true)}
    />
  );
}

const meta = {
  title: "フォーム/DateField",
  component: Harness,
  args: { onChange: fn() },
} satisfies Meta<typeof Harness>;

export default meta;
type Story = StoryObj<typeof meta>;

/**
 * 年・月・日 in numeric boxes, full-width digits read as typed on a Japanese keyboard;
 * the day of the week appears once they make a date, and the value is ISO 8601.
 */
export const FullWidthDigits: Story = {
  play: async ({ args, canvas }) => {
    const group = within(canvas.getByRole("group", { name: /適用開始日/ }));
    const year = group.getByRole("textbox", { name: "適用開始日 年" });
    const month = group.getByRole("textbox", { name: "適用開始日 月" });
    const day = group.getByRole("textbox", { name: "適用開始日 日" });
    await expect(year).toHaveAttribute("inputmode", "numeric");
    await userEvent.type(year, "２０２６");
    await userEvent.type(month, "１２");
    await userEvent.type(day, "１");
    await expect(args.onChange).toHaveBeenLastCalledWith("2026-12-01");
    await expect(canvas.getByText("（火）")).toBeVisible();
    await expect(day).toHaveAccessibleDescription(/（火）/);
    await userEvent.tab();
    // Shown as read once the box is left.
    await expect(year).toHaveValue("2026");
  },
};

/** 2月30日 is no date: a Japanese message, the boxes marked, no day of the week. */
export const InvalidDate: Story = {
  play: async ({ args, canvas }) => {
    const year = canvas.getByRole("textbox", { name: "適用開始日 年" });
    await userEvent.type(year, "2026");
    await userEvent.type(canvas.getByRole("textbox", { name: "適用開始日 月" }), "2");
    await userEvent.type(canvas.getByRole("textbox", { name: "適用開始日 日" }), "30");
    await userEvent.tab();
    await expect(args.onChange).toHaveBeenLastCalledWith("2026-2-30");
    await expect(
      canvas.getByText("適用開始日は正しい日付を入力してください（例：2026年12月1日）"),
    ).toBeVisible();
    await expect(year).toHaveAttribute("aria-invalid", "true");
    await expect(canvas.queryByText(/^（.）$/)).toBeNull();
  },
};

/** A stored date is split into the boxes; its day of the week shown. */
export const Prefilled: Story = {
  args: { initial: "2026-11-25" },
  play: async ({ canvas }) => {
    await expect(canvas.getByRole("textbox", { name: "適用開始日 年" })).toHaveValue("2026");
    await expect(canvas.getByRole("textbox", { name: "適用開始日 月" })).toHaveValue("11");
    await expect(canvas.getByRole("textbox", { name: "適用開始日 日" })).toHaveValue("25");
    await expect(canvas.getByText("（水）")).toBeVisible();
  },
};
