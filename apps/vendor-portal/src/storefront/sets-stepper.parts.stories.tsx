import type { Meta, StoryObj } from "@storybook/react-vite";
import { useForm, useWatch } from "react-hook-form";
import { expect, fn, userEvent, type within } from "storybook/test";
import type { PurchaseSizeOption } from "../api-types";
import { errorDescription } from "../stories/field-error";
import { setsOrZero } from "./purchase-schema";
import { SetsStepper } from "./sets-stepper";

interface HarnessProps {
  size: PurchaseSizeOption;
  /** The purchase limit for this box alone (the form's running total, simplified). */
  limitSets: number;
  initialSets?: string;
  error?: string;
  onStep: (by: 1 | -1) => void;
}

/** The purchase form's part: react-hook-form holds the box, the buttons step it. */
function StepperHarness({ size, limitSets, initialSets = "0", error, onStep }: HarnessProps) {
  const { register, setValue, control } = useForm<{ sets: string }>({
    defaultValues: { sets: initialSets },
  });
  const value = setsOrZero(useWatch({ control, name: "sets" }));
  return (
    <SetsStepper
      id={`sets-${size.size}`}
      size={size}
      piecesPerSet={1_000}
      value={value}
      canIncrease={value < size.stockSets && value < limitSets}
      error={error}
      onStep={(by) => {
        onStep(by);
        setValue("sets", String(Math.max(0, value + by)));
      }}
      {...register("sets")}
    />
  );
}

const S: PurchaseSizeOption = { size: "S", label: "Sサイズ", stockSets: 120 };

const meta = {
  title: "販売業者/SetsStepper",
  component: StepperHarness,
  args: { size: S, limitSets: 4, onStep: fn() },
  decorators: [
    (Story) => (
      <div style={{ maxWidth: "375px" }}>
        <Story />
      </div>
    ),
  ],
} satisfies Meta<typeof StepperHarness>;

export default meta;
type Story = StoryObj<typeof meta>;

type Canvas = ReturnType<typeof within>;

function parts(canvas: Canvas, label = "Sサイズ") {
  return {
    box: canvas.getByRole("textbox", { name: label }),
    minus: canvas.getByRole("button", { name: `${label}を1セット減らす` }),
    plus: canvas.getByRole("button", { name: `${label}を1セット増やす` }),
  };
}

/** At 0 「−」 does nothing; 「＋」 steps up, the pieces follow, and 「−」 comes back. */
export const ButtonsFromZero: Story = {
  play: async ({ args, canvas }) => {
    const { box, minus, plus } = parts(canvas);
    await expect(box).toHaveValue("0");
    await expect(box).toHaveAccessibleDescription(/^在庫 120セット\s*セット$/);
    await expect(box).toHaveAttribute("inputmode", "numeric");
    await expect(minus).toHaveAttribute("aria-disabled", "true");
    await userEvent.click(minus);
    await expect(args.onStep).not.toHaveBeenCalled();
    await expect(box).toHaveValue("0");

    await userEvent.click(plus);
    await userEvent.click(plus);
    await expect(args.onStep).toHaveBeenCalledTimes(2);
    await expect(args.onStep).toHaveBeenLastCalledWith(1);
    await expect(box).toHaveValue("2");
    await expect(canvas.getByText("2,000枚")).toBeVisible();
    await expect(minus).not.toHaveAttribute("aria-disabled");

    await userEvent.click(minus);
    await expect(args.onStep).toHaveBeenLastCalledWith(-1);
    await expect(box).toHaveValue("1");
    await expect(canvas.getByText("1,000枚")).toBeVisible();
  },
};

/** By keyboard: Tab to each button, Enter and Space step; at the limit focus stays on 「＋」. */
export const KeyboardToTheLimit: Story = {
  play: async ({ args, canvas }) => {
    const { box, minus, plus } = parts(canvas);
    await userEvent.tab();
    await expect(minus).toHaveFocus();
    await userEvent.keyboard("{Enter}");
    await expect(args.onStep).not.toHaveBeenCalled();
    await userEvent.tab();
    await expect(box).toHaveFocus();
    await userEvent.tab();
    await expect(plus).toHaveFocus();
    await userEvent.keyboard("{Enter}");
    await userEvent.keyboard(" ");
    await userEvent.keyboard("{Enter}");
    await userEvent.keyboard(" ");
    await expect(box).toHaveValue("4");
    await expect(plus).toHaveAttribute("aria-disabled", "true");
    await expect(plus).toHaveFocus();
    await userEvent.keyboard("{Enter}");
    await expect(box).toHaveValue("4");
    await expect(args.onStep).toHaveBeenCalledTimes(4);

    await userEvent.tab({ shift: true });
    await userEvent.tab({ shift: true });
    await expect(minus).toHaveFocus();
    await userEvent.keyboard("{Enter}");
    await expect(box).toHaveValue("3");
    await expect(plus).not.toHaveAttribute("aria-disabled");
  },
};

/** The stock is the bound too: with 1 set left, 「＋」 stops at 1. */
export const StockBound: Story = {
  args: { size: { size: "L", label: "Lサイズ", stockSets: 1 } },
  play: async ({ args, canvas }) => {
    const { box, plus } = parts(canvas, "Lサイズ");
    await expect(box).toHaveAccessibleDescription(/^在庫 1セット/);
    await userEvent.click(plus);
    await expect(box).toHaveValue("1");
    await expect(plus).toHaveAttribute("aria-disabled", "true");
    await userEvent.click(plus);
    await expect(box).toHaveValue("1");
    await expect(args.onStep).toHaveBeenCalledOnce();
  },
};

/** 1,250 sets typed in full width: 1,250,000 pieces, and no more steps up. */
export const LargeTypedFullWidth: Story = {
  args: { size: { size: "M", label: "Mサイズ", stockSets: 1_250 }, limitSets: 1_250 },
  play: async ({ canvas }) => {
    const { box, plus, minus } = parts(canvas, "Mサイズ");
    await expect(box).toHaveAccessibleDescription(/^在庫 1,250セット/);
    await userEvent.click(box);
    // Focus selects what is there, so typing replaces the 0.
    await userEvent.keyboard("１２５０");
    await expect(box).toHaveValue("１２５０");
    await expect(canvas.getByText("1,250,000枚")).toBeVisible();
    await expect(plus).toHaveAttribute("aria-disabled", "true");
    await userEvent.click(minus);
    await expect(box).toHaveValue("1249");
    await expect(canvas.getByText("1,249,000枚")).toBeVisible();
  },
};

/** Out of stock: 「在庫なし」 in words, the box and 「＋」 cannot be used. */
export const SoldOut: Story = {
  args: { size: { size: "SS", label: "SSサイズ", stockSets: 0 } },
  play: async ({ args, canvas }) => {
    const { box, minus, plus } = parts(canvas, "SSサイズ");
    await expect(canvas.getByText("在庫なし")).toBeVisible();
    await expect(box).toHaveAccessibleDescription(/^在庫なし/);
    await expect(box).toBeDisabled();
    await expect(plus).toBeDisabled();
    await expect(minus).toHaveAttribute("aria-disabled", "true");
    await userEvent.click(minus);
    await expect(args.onStep).not.toHaveBeenCalled();
  },
};

/** Sold out after sets were chosen (a refetch): the choice can still be undone to 0. */
export const SoldOutAfterChoosing: Story = {
  args: { size: { size: "SS", label: "SSサイズ", stockSets: 0 }, initialSets: "2" },
  play: async ({ canvas }) => {
    const { box, minus, plus } = parts(canvas, "SSサイズ");
    await expect(box).toBeEnabled();
    await expect(plus).toBeDisabled();
    await userEvent.click(minus);
    await userEvent.click(minus);
    await expect(box).toHaveValue("0");
    await expect(box).toBeDisabled();
    await expect(minus).toHaveAttribute("aria-disabled", "true");
  },
};

/** A refused box: invalid, with the message after the stock and the unit. */
export const WithError: Story = {
  args: {
    size: { size: "L", label: "Lサイズ", stockSets: 1 },
    initialSets: "2",
    error: "Lサイズの在庫は1セットです。1セット以下で入力してください",
  },
  play: async ({ canvas }) => {
    const { box } = parts(canvas, "Lサイズ");
    await expect(box).toHaveAttribute("aria-invalid", "true");
    await expect(box).toHaveAccessibleDescription(
      errorDescription(
        "Lサイズの在庫は1セットです。1セット以下で入力してください",
        "在庫 1セット セット",
      ),
    );
  },
};
