import type { Meta, StoryObj } from "@storybook/react-vite";
import { useState } from "react";
import { expect, fn, userEvent, waitFor, within } from "storybook/test";
import { type PurchaseFieldErrors, PurchaseForm } from "./purchase-form";
import type { PurchaseValues } from "./purchase-schema";
import { DELIVERY, PAYMENT_METHODS, SIZES } from "./story-fixtures";

const meta = {
  title: "販売業者/PurchaseForm",
  component: PurchaseForm,
  args: {
    limitSets: 4,
    piecesPerSet: 1000,
    productName: "ニトリル手袋（パウダーフリー）100枚入×10箱",
    sizes: SIZES,
    delivery: DELIVERY,
    paymentMethods: PAYMENT_METHODS,
    defaultPaymentMethod: "bank_transfer",
    onSubmit: fn(async (_values: PurchaseValues) => {}),
  },
  decorators: [
    (Story) => (
      <div style={{ maxWidth: "375px" }}>
        <Story />
      </div>
    ),
  ],
} satisfies Meta<typeof PurchaseForm>;

export default meta;
type Story = StoryObj<typeof meta>;

type Canvas = ReturnType<typeof within>;

function setsBox(canvas: Canvas, label: string) {
  return canvas.getByRole("textbox", { name: label });
}

function totalText(canvas: Canvas) {
  return canvas.getByText(/^合計 .* セット$/);
}

/** 2 sets of S by the stepper and 1 of M typed in full width, confirmed, then ordered. */
export const ChooseSizesAndConfirm: Story = {
  play: async ({ args, canvas, canvasElement }) => {
    await expect(totalText(canvas)).toHaveTextContent("合計 0 / 上限 4 セット");
    const plusS = canvas.getByRole("button", { name: "Sサイズを1セット増やす" });
    await userEvent.click(plusS);
    await userEvent.click(plusS);
    await expect(setsBox(canvas, "Sサイズ")).toHaveValue("2");
    const m = setsBox(canvas, "Mサイズ");
    await userEvent.clear(m);
    await userEvent.type(m, "１");
    await expect(totalText(canvas)).toHaveTextContent("合計 3 / 上限 4 セット");
    await expect(canvas.getByText("あと1セット選べます")).toBeVisible();
    await expect(canvasElement.scrollWidth).toBeLessThanOrEqual(canvasElement.clientWidth);

    await userEvent.click(canvas.getByRole("button", { name: "注文内容を確認する" }));
    const confirm = await canvas.findByRole("region", { name: "注文内容の確認" });
    await waitFor(() =>
      expect(within(confirm).getByRole("heading", { name: "注文内容の確認" })).toHaveFocus(),
    );
    const lines = within(confirm).getByRole("table", { name: "ご注文のサイズとセット数" });
    await expect(
      within(lines)
        .getAllByRole("row")
        .map((row) => row.textContent),
    ).toEqual([
      "サイズセット数枚数",
      "Sサイズ2セット2,000枚",
      "Mサイズ1セット1,000枚",
      "合計3セット3,000枚",
    ]);
    await expect(confirm).toHaveTextContent("〒100-0001 東京都千代田区千代田1-1");
    await expect(confirm).toHaveTextContent("銀行振込");
    await expect(confirm).toHaveTextContent("購入手続きは1回限りです");
    await expect(args.onSubmit).not.toHaveBeenCalled();

    await userEvent.click(within(confirm).getByRole("button", { name: "注文を確定する" }));
    await waitFor(() =>
      expect(args.onSubmit).toHaveBeenCalledWith({
        lines: [
          { size: "S", sets: 2 },
          { size: "M", sets: 1 },
        ],
        delivery: DELIVERY,
        paymentMethod: "bank_transfer",
      } satisfies PurchaseValues),
    );
  },
};

/** A size without stock cannot be chosen; one with 1 set left stops at 1. */
export const OutOfStockAndStockCap: Story = {
  play: async ({ args, canvas }) => {
    const ss = setsBox(canvas, "SSサイズ");
    await expect(ss).toBeDisabled();
    await expect(ss).toHaveAccessibleDescription(/在庫なし/);
    await expect(canvas.getByRole("button", { name: "SSサイズを1セット増やす" })).toBeDisabled();

    const plusL = canvas.getByRole("button", { name: "Lサイズを1セット増やす" });
    await userEvent.click(plusL);
    await expect(setsBox(canvas, "Lサイズ")).toHaveValue("1");
    await expect(plusL).toHaveAttribute("aria-disabled", "true");
    await userEvent.click(plusL);
    await expect(setsBox(canvas, "Lサイズ")).toHaveValue("1");
    await expect(plusL).toHaveFocus();

    // Typed past the stock: refused at the box.
    const l = setsBox(canvas, "Lサイズ");
    await userEvent.clear(l);
    await userEvent.type(l, "2");
    await userEvent.click(canvas.getByRole("button", { name: "注文内容を確認する" }));
    const summary = await canvas.findByRole("region", { name: /入力内容に誤りがあります/ });
    await expect(summary).toHaveTextContent(
      "Lサイズの在庫は1セットです。1セット以下で入力してください",
    );
    await expect(l).toHaveAttribute("aria-invalid", "true");
    await expect(args.onSubmit).not.toHaveBeenCalled();
  },
};

/** Above the limit: the total says by how much, + stops, and ordering is refused. */
export const OverLimit: Story = {
  play: async ({ args, canvas }) => {
    const s = setsBox(canvas, "Sサイズ");
    await userEvent.clear(s);
    await userEvent.type(s, "5");
    await expect(totalText(canvas)).toHaveTextContent("合計 5 / 上限 4 セット");
    await expect(canvas.getByText("上限を1セット超えています")).toBeVisible();
    await expect(canvas.getByRole("button", { name: "Mサイズを1セット増やす" })).toHaveAttribute(
      "aria-disabled",
      "true",
    );
    await userEvent.click(canvas.getByRole("button", { name: "注文内容を確認する" }));
    const summary = await canvas.findByRole("region", { name: "入力内容に誤りがあります（1件）" });
    await expect(summary).toHaveTextContent(
      "購入上限数（4セット）を超えています。合計を4セット以下にしてください",
    );
    await expect(args.onSubmit).not.toHaveBeenCalled();
  },
};

/** Part sets (boxes) and an empty order are refused with words that say why. */
export const PartSetsAndNothingChosen: Story = {
  play: async ({ args, canvas }) => {
    await userEvent.click(canvas.getByRole("button", { name: "注文内容を確認する" }));
    const summary = await canvas.findByRole("region", { name: "入力内容に誤りがあります（1件）" });
    await expect(summary).toHaveTextContent("購入するセット数を1セット以上指定してください。");

    const m = setsBox(canvas, "Mサイズ");
    await userEvent.clear(m);
    await userEvent.type(m, "１．５");
    await userEvent.click(canvas.getByRole("button", { name: "注文内容を確認する" }));
    await waitFor(() =>
      expect(m).toHaveAccessibleDescription(
        /購入はセット単位です（1セット＝1,000枚・10箱）。小数や枚数・箱数では指定できません/,
      ),
    );
    // Pieces are not read as sets: 「2000枚」 as 2,000 sets would be a thousandfold error.
    const s = setsBox(canvas, "Sサイズ");
    await userEvent.clear(s);
    await userEvent.type(s, "2000枚");
    await userEvent.click(canvas.getByRole("button", { name: "注文内容を確認する" }));
    await waitFor(() => expect(s).toHaveAttribute("aria-invalid", "true"));
    await expect(args.onSubmit).not.toHaveBeenCalled();
  },
};

/** The prefilled address is the registration's; what the buyer changes is what is ordered. */
export const ChangeDeliveryAndPayment: Story = {
  play: async ({ args, canvas }) => {
    const phone = canvas.getByRole("textbox", { name: /電話番号/ });
    await expect(phone).toHaveValue("03-1234-5678");
    await expect(canvas.getByRole("textbox", { name: /郵便番号/ })).toHaveValue("100-0001");
    await expect(canvas.getByRole("radio", { name: "銀行振込" })).toBeChecked();

    const address = canvas.getByRole("textbox", { name: /住所/ });
    await userEvent.clear(address);
    await userEvent.type(address, "東京都千代田区千代田１－１　南棟　地下１階　物品受入口");
    await userEvent.click(canvas.getByRole("radio", { name: "請求書払い" }));
    await userEvent.click(canvas.getByRole("button", { name: "Mサイズを1セット増やす" }));
    await userEvent.click(canvas.getByRole("button", { name: "注文内容を確認する" }));
    await userEvent.click(await canvas.findByRole("button", { name: "注文を確定する" }));
    await waitFor(() =>
      expect(args.onSubmit).toHaveBeenCalledWith({
        lines: [{ size: "M", sets: 1 }],
        delivery: { ...DELIVERY, address: "東京都千代田区千代田1-1 南棟 地下1階 物品受入口" },
        paymentMethod: "invoice",
      } satisfies PurchaseValues),
    );
  },
};

/** Sold out between the page load and 「注文を確定する」: back at the sizes, with the reason. */
function SoldOutMeanwhile({ onSubmit }: { onSubmit: (values: PurchaseValues) => void }) {
  const [fieldErrors, setFieldErrors] = useState<PurchaseFieldErrors | null>(null);
  const [serverError, setServerError] = useState<string | null>(null);
  const [sizes, setSizes] = useState(SIZES);
  return (
    <PurchaseForm
      {...meta.args}
      sizes={sizes}
      fieldErrors={fieldErrors}
      serverError={serverError}
      onSubmit={async (values) => {
        setFieldErrors(null);
        setServerError(null);
        onSubmit(values);
        setSizes(SIZES.map((size) => (size.size === "M" ? { ...size, stockSets: 0 } : size)));
        setFieldErrors({ "sets.M": "残り 0 セットです" });
        setServerError(
          "Mサイズの在庫が不足しています（残り 0 セット）。セット数を減らすか、別のサイズをお選びください。",
        );
        throw new Error("out of stock");
      }}
    />
  );
}

export const SoldOutWhileConfirming: Story = {
  render: (args) => <SoldOutMeanwhile onSubmit={(values) => void args.onSubmit(values)} />,
  play: async ({ args, canvas }) => {
    await userEvent.click(canvas.getByRole("button", { name: "Mサイズを1セット増やす" }));
    await userEvent.click(canvas.getByRole("button", { name: "注文内容を確認する" }));
    await userEvent.click(await canvas.findByRole("button", { name: "注文を確定する" }));
    await waitFor(() => expect(args.onSubmit).toHaveBeenCalledTimes(1));
    await expect(await canvas.findByRole("alert")).toHaveTextContent(
      "Mサイズの在庫が不足しています（残り 0 セット）",
    );
    const m = await canvas.findByRole("textbox", { name: "Mサイズ" });
    await expect(m).toHaveAccessibleDescription(/在庫なし/);
    await waitFor(() => expect(m).toHaveAccessibleDescription(/残り 0 セットです/));
    // Still changeable back to 0, after which the size is closed.
    await expect(m).toHaveValue("1");
    await userEvent.click(canvas.getByRole("button", { name: "Mサイズを1セット減らす" }));
    await expect(m).toBeDisabled();
    await expect(canvas.getByRole("button", { name: "Mサイズを1セット増やす" })).toBeDisabled();
  },
};
