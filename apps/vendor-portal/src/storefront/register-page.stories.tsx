import { FixtureError, findVisible, Screen } from "@sos/web/storybook";
import type { Meta, StoryObj } from "@storybook/react-vite";
import { expect, userEvent, waitFor, within } from "storybook/test";
import { VENDOR_APP } from "../app";
import { callLog } from "../stories/calls";
import { SERVER_DOWN_MESSAGE, serverDown } from "../stories/errors";
import { showsError } from "../stories/field-error";
import { ANONYMOUS_OPTIONS, PAYMENT_METHODS } from "../stories/storefront";

const log = callLog();

const DUPLICATE =
  "この医療機関コードは既に登録されています。登録内容の変更は販売業者にお問い合わせください。";

/** What a clinic's clerk types with the IME left in full-width mode. */
const TYPED = {
  施設名: "医療法人社団　ふたば会　ふたば内科クリニック",
  医療機関コード: "１３１０００４５６７",
  郵便番号: "〒１６０－００２３",
  住所: "東京都新宿区西新宿１－２－３　ふたばビル２階",
  電話番号: "０３（５３２１）９８７６",
  メールアドレス: "Uketsuke@Futaba-Clinic.example.JP",
};

/** The same, as the form sends it. */
const SENT = {
  facilityName: "医療法人社団　ふたば会　ふたば内科クリニック",
  institutionCode: "1310004567",
  postcode: "1600023",
  address: "東京都新宿区西新宿1-2-3 ふたばビル2階",
  phone: "0353219876",
  email: "Uketsuke@futaba-clinic.example.jp",
  paymentMethod: "invoice",
};

const meta = {
  title: "購入サイト/施設登録",
  component: Screen,
  parameters: { layout: "fullscreen" },
  // Clinics register from the reminder mail, often on a phone.
  globals: { viewport: { value: "phone" } },
  beforeEach: log.clear,
  args: {
    app: VENDOR_APP,
    path: "/register",
    user: null,
    calls: log.calls,
    api: {
      storefront: {
        registrationOptions: () => ANONYMOUS_OPTIONS,
        register: (input) => ({
          status: "confirmation_sent",
          institutionCode: SENT.institutionCode,
          facilityName: input.facilityName,
          email: SENT.email,
          paymentMethod: input.paymentMethod,
          paymentMethodLabel: "請求書払い",
          registeredAt: "2026-12-02T01:15:00.000Z",
          confirmBy: "2026-12-09T01:15:00.000Z",
        }),
      },
    },
  },
} satisfies Meta<typeof Screen>;

export default meta;
type Story = StoryObj<typeof meta>;

type Canvas = ReturnType<typeof within>;

async function fill(page: Canvas, values: Record<string, string>) {
  for (const [label, value] of Object.entries(values)) {
    const box = page.getByRole("textbox", { name: new RegExp(`^${label}`) });
    await userEvent.clear(box);
    await userEvent.type(box, value);
  }
}

async function form(page: Canvas) {
  return within(await page.findByRole("form", { name: "施設登録" }));
}

/**
 * Full-width digits, 〒 and brackets, sent in the normal form. Nothing is registered
 * yet: the page says a confirmation mail went to the address on the ministry's list.
 */
export const FullWidthConfirmationSent: Story = {
  play: async ({ canvasElement }) => {
    const page = within(canvasElement);
    await findVisible(page, "heading", { level: 1, name: "購入サイトへの施設登録" });
    // The storefront's own frame: its name, no back-office menu, no sign-in offered.
    await expect(page.getByRole("banner")).toHaveTextContent("医療用手袋 購入サイト");
    await expect(page.queryByRole("navigation", { name: "メインメニュー" })).toBeNull();
    await expect(page.queryByText("ログインしていません。")).toBeNull();

    const fields = await form(page);
    await expect(
      page.getByText(/国（G-MIS）に届け出ている貴施設のメールアドレスに確認メールをお送りします/),
    ).toBeVisible();
    await fill(page, TYPED);
    await userEvent.click(fields.getByRole("radio", { name: "請求書払い" }));
    await userEvent.click(fields.getByRole("button", { name: "入力内容を確認する" }));

    const confirm = within(await page.findByRole("region", { name: "入力内容の確認" }));
    await expect(confirm.getByText("1310004567")).toBeVisible();
    await expect(confirm.getByText("〒160-0023")).toBeVisible();
    await expect(confirm.getByText("03-5321-9876")).toBeVisible();
    await expect(log.count("storefront.register")).toBe(0);
    await userEvent.click(confirm.getByRole("button", { name: "登録する" }));

    const heading = await page.findByRole("heading", {
      level: 1,
      name: "確認メールを送信しました",
    });
    await waitFor(() => expect(heading).toHaveFocus());
    await expect(log.inputsTo("storefront.register")).toEqual([SENT]);
    const status = page.getByRole("status");
    await expect(status).toHaveTextContent("登録はまだ確定していません");
    await expect(status).toHaveTextContent(
      "国（G-MIS）に届け出ている貴施設のメールアドレスに、登録を確定するためのURLをお送りしました。",
    );
    await expect(status).toHaveTextContent("URLの有効期限は2026年12月9日（水）10:15までです。");
    const receipt = page.getByLabelText("申し込んだ内容");
    await expect(
      within(receipt)
        .getAllByRole("definition")
        .map((detail) => detail.textContent),
    ).toEqual([
      SENT.facilityName,
      "1310004567",
      "〒160-0023 東京都新宿区西新宿1-2-3 ふたばビル2階",
      "03-5321-9876",
      "Uketsuke@futaba-clinic.example.jp",
      "請求書払い",
      "2026年12月2日（水）10:15",
    ]);
    await expect(
      page.getByText(
        /ここで入力したメールアドレスではなく、G-MISに届け出ているメールアドレスに届きます/,
      ),
    ).toBeVisible();
    await waitFor(() =>
      expect(document.title).toMatch(/^確認メールの送信 \| 医療用手袋 購入サイト/),
    );
    await expect(document.documentElement.scrollWidth).toBeLessThanOrEqual(
      document.documentElement.clientWidth,
    );
  },
};

/** Signed in to the institution app: its registry details filled in, settled without a mail. */
export const SignedInInstitution: Story = {
  args: {
    api: {
      storefront: {
        registrationOptions: () => ({
          paymentMethods: PAYMENT_METHODS,
          signedInInstitution: {
            institutionCode: "1310004567",
            facilityName: SENT.facilityName,
            postcode: "1600023",
            address: "東京都新宿区西新宿1-2-3 ふたばビル2階",
            phone: "0353219876",
            email: "soumu@futaba-clinic.example.jp",
          },
        }),
        register: (input) => ({
          status: "registered",
          institutionCode: input.institutionCode,
          facilityName: input.facilityName,
          email: input.email,
          paymentMethod: input.paymentMethod,
          paymentMethodLabel: "銀行振込",
          registeredAt: "2026-12-02T01:15:00.000Z",
          confirmBy: null,
        }),
      },
    },
  },
  play: async ({ canvasElement }) => {
    const page = within(canvasElement);
    await expect(
      await page.findByText(/ふたば内科クリニックとしてログインしています$/),
    ).toBeVisible();
    await expect(
      page.getByText(/医療機関コード（1310004567）での登録は確認メールなしで確定します/),
    ).toBeVisible();
    const fields = await form(page);
    await expect(fields.getByRole("textbox", { name: /^医療機関コード/ })).toHaveValue(
      "1310004567",
    );
    await expect(fields.getByRole("textbox", { name: /^メールアドレス/ })).toHaveValue(
      "soumu@futaba-clinic.example.jp",
    );
    await userEvent.click(fields.getByRole("radio", { name: "銀行振込" }));
    await userEvent.click(fields.getByRole("button", { name: "入力内容を確認する" }));
    const confirm = within(await page.findByRole("region", { name: "入力内容の確認" }));
    await userEvent.click(confirm.getByRole("button", { name: "登録する" }));

    await findVisible(page, "heading", { level: 1, name: "施設登録が完了しました" });
    await expect(page.getByRole("status")).toHaveTextContent(
      "登録内容のお知らせを soumu@futaba-clinic.example.jp にお送りしました。",
    );
    await expect(log.inputsTo("storefront.register")).toEqual([
      {
        facilityName: SENT.facilityName,
        institutionCode: "1310004567",
        postcode: "1600023",
        address: "東京都新宿区西新宿1-2-3 ふたばビル2階",
        phone: "0353219876",
        email: "soumu@futaba-clinic.example.jp",
        paymentMethod: "bank_transfer",
      },
    ]);
  },
};

/** Nothing filled, then codes and numbers that are too short: every field says why, nothing sent. */
export const ValidationErrors: Story = {
  play: async ({ canvasElement }) => {
    const page = within(canvasElement);
    const fields = await form(page);
    await userEvent.click(fields.getByRole("button", { name: "入力内容を確認する" }));
    const summary = await page.findByRole("region", { name: "入力内容に誤りがあります（7件）" });
    await expect(
      within(summary)
        .getAllByRole("link")
        .map((link) => link.textContent),
    ).toEqual([
      "施設名を入力してください",
      "医療機関コードを入力してください",
      "郵便番号を入力してください",
      "住所を入力してください",
      "電話番号を入力してください",
      "メールアドレスを入力してください",
      "お支払い方法を選択してください",
    ]);

    await fill(page, {
      ...TYPED,
      医療機関コード: "１３１０００４５",
      郵便番号: "１６０－００２",
      電話番号: "０３－５３２１",
      メールアドレス: "uketsuke@",
    });
    await userEvent.click(fields.getByRole("button", { name: "入力内容を確認する" }));
    await findVisible(page, "region", { name: "入力内容に誤りがあります（5件）" });
    await expect(
      fields.getByRole("textbox", { name: /^医療機関コード/ }),
    ).toHaveAccessibleDescription(showsError("医療機関コードは10桁の数字で入力してください"));
    await expect(fields.getByRole("textbox", { name: /^郵便番号/ })).toHaveAccessibleDescription(
      showsError("郵便番号は7桁の数字で入力してください（例：100-8916）"),
    );
    await expect(fields.getByRole("textbox", { name: /^電話番号/ })).toHaveAccessibleDescription(
      showsError(
        "電話番号の桁数が正しくありません。市外局番から入力してください（例：03-5253-1111）",
      ),
    );
    await expect(
      fields.getByRole("textbox", { name: /^メールアドレス/ }),
    ).toHaveAccessibleDescription(
      showsError("メールアドレスの形式が正しくありません（例：taro@example.jp）"),
    );
    await expect(page.queryByRole("region", { name: "入力内容の確認" })).toBeNull();
    await expect(log.count("storefront.register")).toBe(0);
  },
};

async function fillAndRegister(page: Canvas) {
  const fields = await form(page);
  await fill(page, TYPED);
  await userEvent.click(fields.getByRole("radio", { name: "請求書払い" }));
  await userEvent.click(fields.getByRole("button", { name: "入力内容を確認する" }));
  const confirm = within(await page.findByRole("region", { name: "入力内容の確認" }));
  await userEvent.click(confirm.getByRole("button", { name: "登録する" }));
  return fields;
}

/** The code is registered already: back at the form, the reason at the code, no receipt. */
export const DuplicateCode: Story = {
  args: {
    api: {
      storefront: {
        registrationOptions: () => ANONYMOUS_OPTIONS,
        register: () => {
          throw new FixtureError("CONFLICT", DUPLICATE, {
            domainCode: "REGISTRATION_DUPLICATE",
            fieldErrors: { institutionCode: [DUPLICATE] },
          });
        },
      },
    },
  },
  play: async ({ canvasElement }) => {
    const page = within(canvasElement);
    const fields = await fillAndRegister(page);
    await expect(await fields.findByRole("alert")).toHaveTextContent(DUPLICATE);
    const code = fields.getByRole("textbox", { name: /^医療機関コード/ });
    await waitFor(() => expect(code).toHaveAccessibleDescription(showsError(DUPLICATE)));
    await expect(code).toHaveValue("１３１０００４５６７");
    await expect(page.queryByRole("heading", { name: "施設登録が完了しました" })).toBeNull();
    await expect(log.count("storefront.register")).toBe(1);
  },
};

/** Too many attempts from one place: the server's words, the form kept as typed. */
export const TooManyAttempts: Story = {
  args: {
    api: {
      storefront: {
        registrationOptions: () => ANONYMOUS_OPTIONS,
        register: () => {
          throw new FixtureError(
            "TOO_MANY_REQUESTS",
            "短時間に操作が集中しています。しばらく時間をおいてから再度お試しください。",
            { domainCode: "RATE_LIMITED" },
          );
        },
      },
    },
  },
  play: async ({ canvasElement }) => {
    const page = within(canvasElement);
    const fields = await fillAndRegister(page);
    await expect(await fields.findByRole("alert")).toHaveTextContent(
      "短時間に操作が集中しています。しばらく時間をおいてから再度お試しください。",
    );
    await expect(fields.getByRole("textbox", { name: /^施設名/ })).toHaveValue(TYPED.施設名);
    await expect(fields.getByRole("radio", { name: "請求書払い" })).toBeChecked();
  },
};

/** The payment choices cannot be read: the reason and a retry, which shows the form. */
export const OptionsLoadFailed: Story = {
  args: {
    api: {
      storefront: {
        registrationOptions: () =>
          log.count("storefront.registrationOptions") === 1 ? serverDown() : ANONYMOUS_OPTIONS,
      },
    },
  },
  play: async ({ canvasElement }) => {
    const page = within(canvasElement);
    const alert = await page.findByRole("alert");
    await expect(alert).toHaveTextContent("入力画面を表示できませんでした");
    await expect(alert).toHaveTextContent(SERVER_DOWN_MESSAGE);
    await userEvent.click(page.getByRole("button", { name: "再読み込み" }));
    const fields = await form(page);
    await expect(fields.getAllByRole("radio").map((radio) => radio.getAttribute("value"))).toEqual([
      "invoice",
      "bank_transfer",
      "cash_on_delivery",
    ]);
  },
};
