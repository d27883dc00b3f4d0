import { SUBMIT_FAILED_MESSAGE } from "@sos/ui";
import { errorDescription } from "@sos/ui/testing";
import type { Meta, StoryObj } from "@storybook/react-vite";
import { useState } from "react";
import { expect, fn, userEvent, waitFor, within } from "storybook/test";
import type { FigureValues } from "./figure-drafts";
import { SurveyForm } from "./survey-form";

const previous = {
  title: "2026年11月25日（水）17:00締切の週",
  stock: 2000,
  consumption: 1000,
  purchases: 400,
};

const meta = {
  title: "医療機関/SurveyForm",
  component: SurveyForm,
  args: { onSubmit: fn(async () => {}), previous },
  decorators: [
    (Story) => (
      <div style={{ maxWidth: "375px" }}>
        <Story />
      </div>
    ),
  ],
} satisfies Meta<typeof SurveyForm>;

export default meta;
type Story = StoryObj<typeof meta>;

/** 「２，０００」 from a Japanese IME is saved as 2000. */
export const FullWidthDigits: Story = {
  play: async ({ args, canvas }) => {
    await userEvent.type(canvas.getByRole("textbox", { name: /在庫量/ }), "２，０００");
    await userEvent.type(canvas.getByRole("textbox", { name: /想定消費量/ }), "１０００枚");
    await userEvent.type(canvas.getByRole("textbox", { name: /購入見込み量/ }), " 400 ");
    // The preview judges the figures before they are saved.
    await expect(canvas.getByRole("region", { name: "この回答での自己チェック" })).toHaveAttribute(
      "data-verdict",
      "eligible",
    );
    await expect(canvas.getByText("2セット（2,000枚）")).toBeVisible();

    await userEvent.click(canvas.getByRole("button", { name: "保存" }));
    await waitFor(() =>
      expect(args.onSubmit).toHaveBeenCalledWith({
        stock: 2000,
        consumption: 1000,
        purchases: 400,
      }),
    );
    await waitFor(() => expect(canvas.getByText("週次調査の回答を保存しました。")).toBeVisible());
    await expect(
      canvas.getByText("週次調査の回答を保存しました。").closest("[role]"),
    ).toHaveAttribute("role", "status");
    await waitFor(() =>
      expect(canvas.getByRole("textbox", { name: /在庫量/ })).toHaveValue("2,000"),
    );
  },
};

/** Negative, fractional, absurd and missing figures: the message sits at the field and in the summary. */
export const InvalidFigures: Story = {
  play: async ({ args, canvas }) => {
    const stock = canvas.getByRole("textbox", { name: /在庫量/ });
    const consumption = canvas.getByRole("textbox", { name: /想定消費量/ });
    await userEvent.type(stock, "-100");
    await userEvent.type(consumption, "12.5");
    await userEvent.click(canvas.getByRole("button", { name: "保存" }));

    const summary = await canvas.findByRole("region", { name: "入力内容に誤りがあります（3件）" });
    await waitFor(() => expect(summary).toHaveFocus());
    await expect(
      within(summary)
        .getAllByRole("link")
        .map((link) => link.textContent),
    ).toEqual([
      "在庫量：0以上の整数で入力してください",
      "1週間の想定消費量：0以上の整数で入力してください",
      "1週間の購入見込み量を入力してください",
    ]);
    await expect(stock).toHaveAccessibleDescription(
      errorDescription("0以上の整数で入力してください", "枚"),
    );
    await expect(consumption).toHaveAccessibleDescription(
      errorDescription("0以上の整数で入力してください", "枚"),
    );
    const purchases = canvas.getByRole("textbox", { name: /購入見込み量/ });
    await expect(purchases).toHaveAccessibleDescription(
      errorDescription("1週間の購入見込み量を入力してください", "枚"),
    );
    await expect(args.onSubmit).not.toHaveBeenCalled();

    // A summary entry leads to its field.
    await userEvent.click(
      canvas.getByRole("link", { name: "1週間の購入見込み量を入力してください" }),
    );
    await expect(purchases).toHaveFocus();
    await userEvent.type(purchases, "99,999,999");
    await expect(purchases).toHaveAccessibleDescription(
      errorDescription("数値が大きすぎます（上限 10,000,000 枚）", "枚"),
    );
  },
};

/** Without a server copy, the figures are filled in for the user to check and save. */
export const CopyPreviousIntoBoxes: Story = {
  play: async ({ args, canvas }) => {
    const copy = canvas.getByRole("button", { name: "前週と同じ" });
    await expect(copy).toHaveAccessibleDescription(
      "2026年11月25日（水）17:00締切の週の回答：在庫量 2,000枚、1週間の想定消費量 1,000枚、1週間の購入見込み量 400枚",
    );
    await userEvent.click(copy);
    const page = within(document.body);
    await userEvent.click(await page.findByRole("button", { name: "入力欄に入れる" }));
    await expect(canvas.getByRole("textbox", { name: /在庫量/ })).toHaveValue("2,000");
    await expect(canvas.getByRole("textbox", { name: /想定消費量/ })).toHaveValue("1,000");
    await expect(canvas.getByRole("textbox", { name: /購入見込み量/ })).toHaveValue("400");
    await expect(args.onSubmit).not.toHaveBeenCalled();
    await userEvent.click(canvas.getByRole("button", { name: "保存" }));
    await waitFor(() =>
      expect(args.onSubmit).toHaveBeenCalledWith({
        stock: 2000,
        consumption: 1000,
        purchases: 400,
      }),
    );
  },
};

function ServerCopy({ onCopy }: { onCopy: () => void }) {
  const [saved, setSaved] = useState<FigureValues | null>(null);
  return (
    <SurveyForm
      defaultValues={saved}
      previous={previous}
      onSubmit={async () => {}}
      onCopyPrevious={async () => {
        onCopy();
        await new Promise((resolve) => setTimeout(resolve, 100));
        setSaved({ stock: 2000, consumption: 1000, purchases: 400 });
      }}
    />
  );
}

/** 「前週と同じ」, confirmed: the server copies and saves; the boxes show the result. */
export const CopyPreviousOnServer: Story = {
  args: { onCopyPrevious: fn() },
  render: (args) => <ServerCopy onCopy={() => args.onCopyPrevious?.()} />,
  play: async ({ args, canvas }) => {
    const copy = canvas.getByRole("button", { name: "前週と同じ" });
    await expect(copy).toHaveAccessibleDescription(/確認のあと、この週の回答として保存されます/);
    await userEvent.click(copy);
    const page = within(document.body);
    await userEvent.click(await page.findByRole("button", { name: "前週と同じで回答する" }));
    await waitFor(() => expect(copy).toHaveAttribute("aria-busy", "true"));
    await waitFor(() =>
      expect(canvas.getByText("前週と同じ数値で回答を保存しました。")).toBeVisible(),
    );
    await expect(args.onCopyPrevious).toHaveBeenCalledTimes(1);
    await expect(canvas.getByRole("textbox", { name: /在庫量/ })).toHaveValue("2,000");
    await expect(canvas.getByRole("region", { name: "この回答での自己チェック" })).toHaveAttribute(
      "data-verdict",
      "eligible",
    );
  },
};

export const NoPreviousAnswer: Story = {
  args: { previous: null },
  play: async ({ canvas }) => {
    const copy = canvas.getByRole("button", { name: "前週と同じ" });
    await expect(copy).toBeDisabled();
    await expect(copy).toHaveAccessibleDescription(
      "前週までの回答がないため「前週と同じ」は使えません。3つの数値を入力してください。",
    );
    await expect(canvas.getByText(/前週までの回答がないため/)).toBeVisible();
  },
};

/** Editing a saved answer: the boxes start from it. */
export const EditAnswered: Story = {
  args: { defaultValues: { stock: 3000, consumption: 1000, purchases: 400 } },
  play: async ({ args, canvas }) => {
    const stock = canvas.getByRole("textbox", { name: /在庫量/ });
    await expect(stock).toHaveValue("3,000");
    await expect(canvas.getByRole("region", { name: "この回答での自己チェック" })).toHaveAttribute(
      "data-verdict",
      "not-eligible",
    );
    await userEvent.clear(stock);
    await userEvent.type(stock, "５００");
    await expect(canvas.getByRole("region", { name: "この回答での自己チェック" })).toHaveAttribute(
      "data-verdict",
      "eligible",
    );
    await userEvent.click(canvas.getByRole("button", { name: "保存" }));
    await waitFor(() =>
      expect(args.onSubmit).toHaveBeenCalledWith({ stock: 500, consumption: 1000, purchases: 400 }),
    );
  },
};

export const ReadOnly: Story = {
  args: {
    defaultValues: { stock: 9_999_999, consumption: 1000, purchases: 0 },
    readOnlyReason:
      "この週次調査（2026年11月25日（水）17:00締切の週）は回答期間が終わったため、編集できません。今週の週次調査に回答してください。",
  },
  play: async ({ canvas, canvasElement }) => {
    await expect(canvas.queryByRole("textbox")).toBeNull();
    await expect(canvas.queryByRole("button", { name: "保存" })).toBeNull();
    await expect(
      canvas.getByRole("region", { name: "この回答は編集できません" }),
    ).toHaveTextContent(/回答期間が終わったため/);
    await expect(canvas.getByText("9,999,999枚")).toBeVisible();
    await expect(canvasElement.scrollWidth).toBeLessThanOrEqual(canvasElement.clientWidth);
  },
};

export const ServerFieldErrors: Story = {
  args: {
    defaultValues: { stock: 100, consumption: 100, purchases: 0 },
    fieldErrors: { consumption: "1週間の想定消費量が前週の10倍を超えています。確認してください" },
    serverError: "保存できませんでした。入力内容を確認してください。",
  },
  play: async ({ canvas }) => {
    await expect(canvas.getByRole("alert")).toHaveTextContent(
      "保存できませんでした。入力内容を確認してください。",
    );
    await waitFor(() =>
      expect(canvas.getByRole("textbox", { name: /想定消費量/ })).toHaveAccessibleDescription(
        /前週の10倍を超えています/,
      ),
    );
  },
};

export const NetworkFailure: Story = {
  args: {
    defaultValues: { stock: 100, consumption: 100, purchases: 0 },
    onSubmit: fn(async () => Promise.reject(new Error("Failed to fetch"))),
  },
  play: async ({ canvas }) => {
    await userEvent.click(canvas.getByRole("button", { name: "保存" }));
    await waitFor(() => expect(canvas.getByRole("alert")).toHaveTextContent(SUBMIT_FAILED_MESSAGE));
  },
};
