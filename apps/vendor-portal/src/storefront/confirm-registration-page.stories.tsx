import { FixtureError, findVisible, Screen } from "@sos/web/storybook";
import type { Meta, StoryObj } from "@storybook/react-vite";
import { expect, userEvent, waitFor, within } from "storybook/test";
import type { ConfirmedRegistration, RegistrationConfirmation } from "../api-types";
import { VENDOR_APP } from "../app";
import { callLog } from "../stories/calls";
import { SERVER_DOWN_MESSAGE, serverDown } from "../stories/errors";
import { ANONYMOUS_OPTIONS } from "../stories/storefront";

const log = callLog();

/** The token of the link mailed to the registry's address (/register/confirm/:token). */
const TOKEN = "k7q2m4x9r4tw8yz1ab3cd5ef6gh7jk2m";

const INVALID =
  "この確認リンクは無効です。有効期限が切れたか、URLが途中で切れている可能性があります。お手数ですが、購入サイトでもう一度施設登録を行ってください。";

const ALREADY_SETTLED =
  "この医療機関コードの施設登録は既に確定しています。登録内容の変更は販売業者にお問い合わせください。";

/** ふたば内科クリニック's submission, at the address it gave G-MIS. */
const PENDING: RegistrationConfirmation = {
  state: "pending",
  institutionCode: "1310004567",
  facilityName: "医療法人社団　ふたば会　ふたば内科クリニック",
  postcode: "1600023",
  address: "東京都新宿区西新宿1-2-3 ふたばビル2階",
  phone: "0353219876",
  email: "soumu@futaba-clinic.example.jp",
  paymentMethod: "invoice",
  paymentMethodLabel: "請求書払い",
  expiresAt: "2026-12-09T01:15:00.000Z",
  sameAddress: true,
};

/** Someone else's submission of the clinic's code, with an address of their own. */
const FOREIGN: RegistrationConfirmation = {
  ...PENDING,
  email: "gloves4u@evil.example",
  paymentMethod: "cash_on_delivery",
  paymentMethodLabel: "代金引換",
  sameAddress: false,
};

function settled(details: RegistrationConfirmation): ConfirmedRegistration {
  const { state: _state, expiresAt: _expiresAt, ...rest } = details;
  return { ...rest, confirmedAt: "2026-12-03T00:05:00.000Z" };
}

const meta = {
  title: "購入サイト/施設登録の確定",
  component: Screen,
  parameters: { layout: "fullscreen" },
  // Opened from the mail, often on a phone.
  globals: { viewport: { value: "phone" } },
  beforeEach: log.clear,
  args: {
    app: VENDOR_APP,
    path: `/register/confirm/${TOKEN}`,
    user: null,
    calls: log.calls,
    api: {
      storefront: {
        registrationConfirmation: () => PENDING,
        confirmRegistration: () => settled(PENDING),
      },
    },
  },
} satisfies Meta<typeof Screen>;

export default meta;
type Story = StoryObj<typeof meta>;

function detailsOf(list: HTMLElement): (string | null)[] {
  return within(list)
    .getAllByRole("definition")
    .map((detail) => detail.textContent);
}

/** Opening the link settles nothing; 「登録を確定する」 does, once, and says what comes next. */
export const ConfirmOwnRegistration: Story = {
  play: async ({ canvasElement }) => {
    const page = within(canvasElement);
    await findVisible(page, "heading", { level: 1, name: "施設登録の確定" });
    await expect(detailsOf(page.getByLabelText("申し込まれた内容"))).toEqual([
      PENDING.facilityName,
      "1310004567",
      "〒160-0023 東京都新宿区西新宿1-2-3 ふたばビル2階",
      "03-5321-9876",
      "soumu@futaba-clinic.example.jp",
      "請求書払い",
    ]);
    await expect(page.getByText("このURLの有効期限：2026年12月9日（水）10:15まで")).toBeVisible();
    await expect(page.getByText(/登録を確定せずにこのページを閉じてください/)).toBeVisible();
    await expect(page.queryByText(/G-MISに届け出ているものと異なります/)).toBeNull();
    await expect(log.count("storefront.confirmRegistration")).toBe(0);

    await userEvent.click(page.getByRole("button", { name: "登録を確定する" }));
    const heading = await page.findByRole("heading", { level: 1, name: "施設登録が完了しました" });
    await waitFor(() => expect(heading).toHaveFocus());
    await expect(log.inputsTo("storefront.confirmRegistration")).toEqual([{ token: TOKEN }]);
    await expect(page.getByRole("status")).toHaveTextContent(
      "登録内容のお知らせを soumu@futaba-clinic.example.jp にお送りしました。",
    );
    await expect(detailsOf(page.getByLabelText("登録内容")).at(-1)).toBe(
      "2026年12月3日（木）09:05",
    );
    await expect(
      page.getByText(/登録のメールアドレス宛てに購入用URLと購入できるセット数をお知らせします/),
    ).toBeVisible();
    await waitFor(() => expect(document.title).toMatch(/^施設登録の完了 \| 医療用手袋 購入サイト/));
    await expect(document.documentElement.scrollWidth).toBeLessThanOrEqual(
      document.documentElement.clientWidth,
    );
  },
};

/** A submission under another address: the holder of the listed one is warned before it settles. */
export const OtherAddressWarned: Story = {
  args: {
    api: {
      storefront: {
        registrationConfirmation: () => FOREIGN,
        confirmRegistration: () => settled(FOREIGN),
      },
    },
  },
  play: async ({ canvasElement }) => {
    const page = within(canvasElement);
    await page.findByRole("heading", { level: 1, name: "施設登録の確定" });
    const warning = page.getByRole("status");
    await expect(warning).toHaveTextContent("メールアドレスがG-MISに届け出ているものと異なります");
    await expect(warning).toHaveTextContent(
      "確定した場合も、販売業者が貴施設に確認するまで購入用URLはお送りしません。",
    );
    await expect(detailsOf(page.getByLabelText("申し込まれた内容"))).toContain(
      "gloves4u@evil.example",
    );
    await userEvent.click(page.getByRole("button", { name: "登録を確定する" }));
    await expect(
      await page.findByText(
        "登録のメールアドレスがG-MISに届け出ているものと異なるため、販売業者が貴施設に確認したうえで購入用URLをお送りします。",
      ),
    ).toBeVisible();
  },
};

/** The link opened again after it was used: what is registered, nothing to press. */
export const AlreadyConfirmed: Story = {
  args: {
    api: { storefront: { registrationConfirmation: () => ({ ...PENDING, state: "confirmed" }) } },
  },
  play: async ({ canvasElement }) => {
    const page = within(canvasElement);
    await findVisible(page, "heading", { level: 1, name: "この施設登録は確定済みです" });
    await expect(page.queryByRole("button", { name: "登録を確定する" })).toBeNull();
    await expect(detailsOf(page.getByLabelText("登録内容"))).toContain(
      "soumu@futaba-clinic.example.jp",
    );
  },
};

/** Expired, cut short or unknown: one answer, and the way to register again. */
export const InvalidLink: Story = {
  args: {
    api: {
      storefront: {
        registrationConfirmation: () => {
          throw new FixtureError("NOT_FOUND", INVALID, { domainCode: "NOT_FOUND" });
        },
        registrationOptions: () => ANONYMOUS_OPTIONS,
      },
    },
  },
  play: async ({ canvasElement }) => {
    const page = within(canvasElement);
    await findVisible(page, "heading", { level: 1, name: "確認リンクが無効です" });
    await expect(page.getByRole("alert")).toHaveTextContent(INVALID);
    await userEvent.click(page.getByRole("link", { name: "購入サイトの施設登録へ" }));
    await findVisible(page, "heading", { level: 1, name: "購入サイトへの施設登録" });
  },
};

/** Another confirmation settled the code first: the reason, and the page stays as it was. */
export const SettledMeanwhile: Story = {
  args: {
    api: {
      storefront: {
        registrationConfirmation: () => FOREIGN,
        confirmRegistration: () => {
          throw new FixtureError("PRECONDITION_FAILED", ALREADY_SETTLED, {
            domainCode: "INVALID_STATE",
          });
        },
      },
    },
  },
  play: async ({ canvasElement }) => {
    const page = within(canvasElement);
    await userEvent.click(await page.findByRole("button", { name: "登録を確定する" }));
    const alert = await page.findByRole("alert");
    await expect(alert).toHaveTextContent("登録を確定できませんでした");
    await expect(alert).toHaveTextContent(ALREADY_SETTLED);
    await expect(page.getByRole("heading", { level: 1, name: "施設登録の確定" })).toBeVisible();
  },
};

/** The server is down on opening: the reason and a retry, which shows the details. */
export const LoadFailedThenRetry: Story = {
  args: {
    api: {
      storefront: {
        registrationConfirmation: () =>
          log.count("storefront.registrationConfirmation") === 1 ? serverDown() : PENDING,
      },
    },
  },
  play: async ({ canvasElement }) => {
    const page = within(canvasElement);
    const alert = await page.findByRole("alert");
    await expect(alert).toHaveTextContent("登録内容を表示できませんでした");
    await expect(alert).toHaveTextContent(SERVER_DOWN_MESSAGE);
    await userEvent.click(page.getByRole("button", { name: "再読み込み" }));
    await findVisible(page, "button", { name: "登録を確定する" });
  },
};
