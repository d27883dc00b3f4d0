import { errorDescription } from "@sos/ui/testing";
import type { Meta, StoryObj } from "@storybook/react-vite";
import { useState } from "react";
import { expect, fn, userEvent, waitFor } from "storybook/test";
import type { FigureValues } from "../surveys/figure-drafts";
import { SelfCheckPanel } from "./self-check-panel";

const meta = {
  title: "医療機関/SelfCheckPanel",
  component: SelfCheckPanel,
  args: { onFiguresChange: fn() },
  decorators: [
    (Story) => (
      <div style={{ maxWidth: "375px" }}>
        <Story />
      </div>
    ),
  ],
} satisfies Meta<typeof SelfCheckPanel>;

export default meta;
type Story = StoryObj<typeof meta>;

/** Typed with the IME in full-width mode; the verdict follows every change, no button. */
export const LiveWithFullWidthDigits: Story = {
  play: async ({ args, canvas }) => {
    const result = canvas.getByRole("region", { name: "判定結果" });
    await expect(result).toHaveAttribute("data-verdict", "pending");

    await userEvent.type(canvas.getByRole("textbox", { name: /在庫量/ }), "２，０００");
    await userEvent.type(canvas.getByRole("textbox", { name: /想定消費量/ }), "１，０００");
    await expect(result).toHaveAttribute("data-verdict", "pending");
    await userEvent.type(canvas.getByRole("textbox", { name: /購入見込み量/ }), "４００");

    await expect(result).toHaveAttribute("data-verdict", "eligible");
    await expect(canvas.getByText("②−③ ＝ 1,000枚 − 400枚 ＝ 600枚")).toBeVisible();
    await expect(canvas.getByText("① 2,000枚 ＜ 2,400枚")).toBeVisible();
    await expect(canvas.getByText("2セット（2,000枚）")).toBeVisible();
    await expect(args.onFiguresChange).toHaveBeenLastCalledWith({
      stock: 2000,
      consumption: 1000,
      purchases: 400,
    });
    await waitFor(() =>
      expect(canvas.getByRole("status")).toHaveTextContent(
        "判定結果：配布対象 該当。購入上限数 2セット（2,000枚）。",
      ),
    );

    // Raising the stock to the threshold turns it around at once (the rule is a strict <).
    const stock = canvas.getByRole("textbox", { name: /在庫量/ });
    await userEvent.clear(stock);
    await userEvent.type(stock, "2400");
    await expect(result).toHaveAttribute("data-verdict", "not-eligible");
    await expect(canvas.getByText("① 2,400枚 ≧ 2,400枚")).toBeVisible();
    await expect(canvas.getByText("0セット（0枚）")).toBeVisible();
    await waitFor(() =>
      expect(canvas.getByRole("status")).toHaveTextContent(
        "判定結果：配布対象 非該当。購入上限数 0セット（0枚）。",
      ),
    );
  },
};

export const InvalidFigures: Story = {
  play: async ({ canvas }) => {
    const stock = canvas.getByRole("textbox", { name: /在庫量/ });
    await userEvent.type(stock, "-100");
    await expect(stock).toHaveAttribute("aria-invalid", "true");
    await expect(stock).toHaveAccessibleDescription(
      errorDescription("0以上の整数で入力してください", "いま手元にある医療用手袋の枚数 枚"),
    );
    const consumption = canvas.getByRole("textbox", { name: /想定消費量/ });
    await userEvent.type(consumption, "1.5");
    await expect(consumption).toHaveAccessibleDescription(/0以上の整数で入力してください/);
    const purchases = canvas.getByRole("textbox", { name: /購入見込み量/ });
    await userEvent.type(purchases, "99999999");
    await expect(purchases).toHaveAccessibleDescription(/数値が大きすぎます（上限 10,000,000 枚）/);
    await expect(canvas.getByRole("region", { name: "判定結果" })).toHaveAttribute(
      "data-verdict",
      "pending",
    );

    // Correcting a box clears its message as it is typed.
    await userEvent.clear(stock);
    await userEvent.type(stock, "100");
    await expect(stock).not.toHaveAttribute("aria-invalid");
  },
};

/** Signed in: this week's answers fill the sheet; loading them is not announced. */
export const PrefilledFromSurvey: Story = {
  args: {
    initialValues: { stock: 2000, consumption: 1000, purchases: 400 },
    prefillNote: "今週（2026年12月2日（水）17:00締切の週）の週次調査の回答を表示しています。",
  },
  play: async ({ canvas }) => {
    await expect(canvas.getByRole("textbox", { name: /在庫量/ })).toHaveValue("2,000");
    await expect(canvas.getByRole("region", { name: "判定結果" })).toHaveAttribute(
      "data-verdict",
      "eligible",
    );
    await expect(canvas.getByText(/週次調査の回答を表示しています/)).toBeVisible();
    await new Promise((resolve) => setTimeout(resolve, 700));
    await expect(canvas.getByRole("status")).toBeEmptyDOMElement();
  },
};

function LateSurvey() {
  const [values, setValues] = useState<FigureValues | null>(null);
  return (
    <>
      <button
        type="button"
        onClick={() => setValues({ stock: 500, consumption: 3000, purchases: 1000 })}
      >
        回答を読み込む
      </button>
      <SelfCheckPanel initialValues={values} />
    </>
  );
}

/** The survey arrives after the sheet is shown: it fills the boxes unless the user has typed. */
export const SurveyArrivesLater: Story = {
  render: () => <LateSurvey />,
  play: async ({ canvas }) => {
    await userEvent.click(canvas.getByRole("button", { name: "回答を読み込む" }));
    await expect(canvas.getByRole("textbox", { name: /想定消費量/ })).toHaveValue("3,000");
    await expect(canvas.getByText("6セット（6,000枚）")).toBeVisible();
  },
};

function TypedBeforeSurvey() {
  const [values, setValues] = useState<FigureValues | null>(null);
  return (
    <>
      <SelfCheckPanel initialValues={values} />
      <button
        type="button"
        onClick={() => setValues({ stock: 500, consumption: 3000, purchases: 1000 })}
      >
        回答を読み込む
      </button>
    </>
  );
}

export const TypingWinsOverLateSurvey: Story = {
  render: () => <TypedBeforeSurvey />,
  play: async ({ canvas }) => {
    const stock = canvas.getByRole("textbox", { name: /在庫量/ });
    await userEvent.type(stock, "１２３");
    await userEvent.click(canvas.getByRole("button", { name: "回答を読み込む" }));
    // Kept as typed (shown in half width once the box was left).
    await expect(stock).toHaveValue("123");
    await expect(canvas.getByRole("textbox", { name: /想定消費量/ })).toHaveValue("");
  },
};

export const PhoneWidth: Story = {
  args: { initialValues: { stock: 9_999_999, consumption: 9_999_999, purchases: 1 } },
  play: async ({ canvas, canvasElement }) => {
    for (const input of canvas.getAllByRole<HTMLInputElement>("textbox")) {
      await expect(input).toHaveAttribute("inputmode", "numeric");
      await expect(input.scrollWidth).toBeLessThanOrEqual(input.clientWidth);
    }
    await expect(canvasElement.scrollWidth).toBeLessThanOrEqual(canvasElement.clientWidth);
  },
};
