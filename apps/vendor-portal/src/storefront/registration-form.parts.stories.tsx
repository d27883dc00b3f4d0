import type { Meta, StoryObj } from "@storybook/react-vite";
import { useState } from "react";
import { expect, fn, userEvent, waitFor, within } from "storybook/test";
import { type RegistrationFieldErrors, RegistrationForm } from "./registration-form";
import type { RegistrationValues } from "./registration-schema";
import { PAYMENT_METHODS } from "./story-fixtures";

const DUPLICATE =
  "この医療機関コードは既に登録されています。登録内容の変更は販売業者にお問い合わせください。";

const meta = {
  title: "販売業者/RegistrationForm",
  component: RegistrationForm,
  args: {
    paymentMethods: PAYMENT_METHODS,
    onSubmit: fn(async (_values: RegistrationValues) => {}),
  },
  decorators: [
    (Story) => (
      <div style={{ maxWidth: "375px" }}>
        <Story />
      </div>
    ),
  ],
} satisfies Meta<typeof RegistrationForm>;

export default meta;
type Story = StoryObj<typeof meta>;

type Canvas = ReturnType<typeof within>;

async function fill(canvas: Canvas, values: Record<string, string>) {
  for (const [label, value] of Object.entries(values)) {
    const box = canvas.getByRole("textbox", { name: new RegExp(label) });
    await userEvent.clear(box);
    await userEvent.type(box, value);
  }
}

/** What an IME in full-width mode types; it is registered in the normal form. */
export const FullWidthDigits: Story = {
  play: async ({ args, canvas }) => {
    await fill(canvas, {
      施設名: "医療法人社団　緑風会　みどりが丘記念病院",
      医療機関コード: "１３０１２３４５６７",
      郵便番号: "〒１００－０００１",
      住所: "東京都千代田区千代田１－１　みどりが丘ビル３階",
      電話番号: "０３（１２３４）５６７８",
      メールアドレス: "Order-Desk@Midori.example.JP",
    });
    await userEvent.click(canvas.getByRole("radio", { name: "銀行振込" }));
    await userEvent.click(canvas.getByRole("button", { name: "入力内容を確認する" }));

    const confirm = await canvas.findByRole("region", { name: "入力内容の確認" });
    await waitFor(() =>
      expect(within(confirm).getByRole("heading", { name: "入力内容の確認" })).toHaveFocus(),
    );
    await expect(confirm).toHaveTextContent("1301234567");
    await expect(confirm).toHaveTextContent("〒100-0001");
    await expect(confirm).toHaveTextContent("03-1234-5678");
    await expect(confirm).toHaveTextContent("東京都千代田区千代田1-1 みどりが丘ビル3階");
    await expect(args.onSubmit).not.toHaveBeenCalled();
    // The fields are out of sight (and out of the tab order) while confirming.
    await expect(canvas.queryByRole("textbox", { name: /施設名/ })).toBeNull();

    await userEvent.click(within(confirm).getByRole("button", { name: "登録する" }));
    await waitFor(() =>
      expect(args.onSubmit).toHaveBeenCalledWith({
        facilityName: "医療法人社団　緑風会　みどりが丘記念病院",
        institutionCode: "1301234567",
        postcode: "1000001",
        address: "東京都千代田区千代田1-1 みどりが丘ビル3階",
        phone: "0312345678",
        email: "Order-Desk@midori.example.jp",
        paymentMethod: "bank_transfer",
      } satisfies RegistrationValues),
    );
  },
};

export const RequiredAndInvalid: Story = {
  play: async ({ args, canvas }) => {
    await fill(canvas, { 医療機関コード: "13-0123", メールアドレス: "midori@" });
    await userEvent.click(canvas.getByRole("button", { name: "入力内容を確認する" }));
    const summary = await canvas.findByRole("region", { name: "入力内容に誤りがあります（7件）" });
    await waitFor(() => expect(summary).toHaveFocus());
    await expect(
      within(summary)
        .getAllByRole("link")
        .map((link) => link.textContent),
    ).toEqual([
      "施設名を入力してください",
      "医療機関コードは10桁の数字で入力してください",
      "郵便番号を入力してください",
      "住所を入力してください",
      "電話番号を入力してください",
      "メールアドレスの形式が正しくありません（例：taro@example.jp）",
      "お支払い方法を選択してください",
    ]);
    const code = canvas.getByRole("textbox", { name: /医療機関コード/ });
    await expect(code).toHaveAttribute("aria-invalid", "true");
    // The summary's link leads to the radio group's first choice.
    await userEvent.click(
      within(summary).getByRole("link", { name: "お支払い方法を選択してください" }),
    );
    await expect(canvas.getByRole("radio", { name: "請求書払い" })).toHaveFocus();
    await expect(args.onSubmit).not.toHaveBeenCalled();
  },
};

/** The server's answer for a code already registered, as the storefront page passes it. */
function RefusedAsDuplicate({ onSubmit }: { onSubmit: (values: RegistrationValues) => void }) {
  const [fieldErrors, setFieldErrors] = useState<RegistrationFieldErrors | null>(null);
  const [serverError, setServerError] = useState<string | null>(null);
  return (
    <RegistrationForm
      paymentMethods={PAYMENT_METHODS}
      fieldErrors={fieldErrors}
      serverError={serverError}
      onSubmit={async (values) => {
        setFieldErrors(null);
        setServerError(null);
        onSubmit(values);
        setFieldErrors({ institutionCode: DUPLICATE });
        setServerError(DUPLICATE);
        throw new Error("duplicate");
      }}
    />
  );
}

/** Refused on 「登録する」: back at the fields, the code marked, nothing said about who holds it. */
export const DuplicateCode: Story = {
  render: (args) => <RefusedAsDuplicate onSubmit={(values) => void args.onSubmit(values)} />,
  play: async ({ args, canvas }) => {
    await fill(canvas, {
      施設名: "さくら内科クリニック",
      医療機関コード: "1301234567",
      郵便番号: "1500001",
      住所: "東京都渋谷区神宮前1-2-3",
      電話番号: "03-5555-1234",
      メールアドレス: "sakura@example.jp",
    });
    await userEvent.click(canvas.getByRole("radio", { name: "請求書払い" }));
    await userEvent.click(canvas.getByRole("button", { name: "入力内容を確認する" }));
    await userEvent.click(await canvas.findByRole("button", { name: "登録する" }));

    await waitFor(() => expect(args.onSubmit).toHaveBeenCalledTimes(1));
    const alert = await canvas.findByRole("alert");
    await expect(alert).toHaveTextContent(DUPLICATE);
    const code = await canvas.findByRole("textbox", { name: /医療機関コード/ });
    await waitFor(() => expect(code).toHaveAttribute("aria-invalid", "true"));
    // After the field's hint, the message.
    await expect(code).toHaveAccessibleDescription(new RegExp(`エラー：\\s?${DUPLICATE}$`));
    const summary = await canvas.findByRole("region", { name: "入力内容に誤りがあります（1件）" });
    await waitFor(() => expect(summary).toHaveFocus());
    // What was typed is still there to correct.
    await expect(code).toHaveValue("1301234567");
    await expect(alert).not.toHaveTextContent(/さくら|病院|クリニック/);
  },
};

/** 「入力内容を修正する」 goes back with everything as typed. */
export const BackToEdit: Story = {
  play: async ({ args, canvas }) => {
    await fill(canvas, {
      施設名: "ひまわり訪問看護ステーション",
      医療機関コード: "2701234567",
      郵便番号: "530-0001",
      住所: "大阪府大阪市北区梅田1-1-1",
      電話番号: "06-6123-4567",
      メールアドレス: "himawari@example.jp",
    });
    await userEvent.click(canvas.getByRole("radio", { name: "代金引換" }));
    await userEvent.click(canvas.getByRole("button", { name: "入力内容を確認する" }));
    await userEvent.click(await canvas.findByRole("button", { name: "入力内容を修正する" }));
    const name = await canvas.findByRole("textbox", { name: /施設名/ });
    await waitFor(() => expect(name).toHaveFocus());
    await expect(name).toHaveValue("ひまわり訪問看護ステーション");
    await expect(canvas.getByRole("radio", { name: "代金引換" })).toBeChecked();
    await expect(args.onSubmit).not.toHaveBeenCalled();
  },
};

/** One method configured: it is chosen already. */
export const SinglePaymentMethod: Story = {
  args: { paymentMethods: [{ value: "invoice", label: "請求書払い" }] },
  play: async ({ canvas }) => {
    await expect(canvas.getByRole("radio", { name: "請求書払い" })).toBeChecked();
  },
};

/** A signed-in institution starts from what the registry holds; it may still change any of it. */
export const StartsFromRegistry: Story = {
  args: {
    initialValues: {
      facilityName: "医療法人社団　緑風会　みどりが丘記念病院",
      institutionCode: "1301234567",
      postcode: "1000001",
      address: "東京都千代田区千代田1-1",
      phone: "0312345678",
      email: "soumu@midori.example.jp",
    },
  },
  play: async ({ args, canvas }) => {
    await expect(canvas.getByRole("textbox", { name: /^医療機関コード/ })).toHaveValue(
      "1301234567",
    );
    await expect(
      canvas.getByRole("textbox", { name: /^メールアドレス/ }),
    ).toHaveAccessibleDescription(
      /G-MISに届け出ているメールアドレスと異なる場合は、販売業者の確認が済むまで購入用URLをお送りできません/,
    );
    await fill(canvas, { 住所: "東京都千代田区千代田1-1 3階" });
    await userEvent.click(canvas.getByRole("radio", { name: "請求書払い" }));
    await userEvent.click(canvas.getByRole("button", { name: "入力内容を確認する" }));
    const confirm = await canvas.findByRole("region", { name: "入力内容の確認" });
    await userEvent.click(within(confirm).getByRole("button", { name: "登録する" }));
    await expect(args.onSubmit).toHaveBeenCalledWith({
      facilityName: "医療法人社団　緑風会　みどりが丘記念病院",
      institutionCode: "1301234567",
      postcode: "1000001",
      address: "東京都千代田区千代田1-1 3階",
      phone: "0312345678",
      email: "soumu@midori.example.jp",
      paymentMethod: "invoice",
    });
  },
};
