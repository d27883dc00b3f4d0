import { DOMAIN_ERROR_MESSAGES } from "@sos/domain";
import { FixtureError, findVisible, Screen } from "@sos/web/storybook";
import type { Meta, StoryObj } from "@storybook/react-vite";
import { expect, userEvent, waitFor, within } from "storybook/test";
import type { PurchaseFormPage } from "../api-types";
import { VENDOR_APP } from "../app";
import { callLog } from "../stories/calls";
import { SERVER_DOWN_MESSAGE, serverDown } from "../stories/errors";
import { showsError } from "../stories/field-error";
import {
  LARGE_PURCHASE_FORM,
  ORDERED_PAGE,
  PLACED_ORDER,
  PURCHASE_FORM,
  TOKEN,
} from "../stories/storefront";
import { LONG_NAME } from "../stories/target-lists";

const log = callLog();

const INVALID_LINK =
  "このリンクは無効です。有効期限が切れたか、新しいリンクの発行により無効になった可能性があります。最新のご案内メールに記載されたURLをお使いいただくか、販売業者にお問い合わせください。";

const M_SOLD_OUT =
  "Mサイズの在庫が不足しています（残り 0 セット）。セット数を減らすか、別のサイズをお選びください。";

/** The page once M has sold out to other buyers. */
const M_GONE: PurchaseFormPage = {
  ...PURCHASE_FORM,
  product: PURCHASE_FORM.product && {
    ...PURCHASE_FORM.product,
    sizes: PURCHASE_FORM.product.sizes.map((size) =>
      size.size === "M" ? { ...size, stockSets: 0 } : size,
    ),
  },
};

const meta = {
  title: "購入サイト/購入手続き",
  component: Screen,
  parameters: { layout: "fullscreen" },
  // The link arrives by mail and is opened on a phone as often as not.
  globals: { viewport: { value: "phone" } },
  beforeEach: log.clear,
  args: {
    app: VENDOR_APP,
    path: `/purchase/${TOKEN}`,
    user: null,
    calls: log.calls,
    api: {
      storefront: {
        purchasePage: () => PURCHASE_FORM,
        purchase: () => ({ orderNumber: PLACED_ORDER.orderNumber, order: PLACED_ORDER }),
      },
    },
  },
} satisfies Meta<typeof Screen>;

export default meta;
type Story = StoryObj<typeof meta>;

type Canvas = ReturnType<typeof within>;

async function purchaseForm(page: Canvas) {
  return within(await page.findByRole("form", { name: "購入手続き" }));
}

function totalText(form: Canvas) {
  return form.getByText(/^合計 .* セット$/);
}

function fitsTheScreen() {
  return expect(document.documentElement.scrollWidth).toBeLessThanOrEqual(
    document.documentElement.clientWidth,
  );
}

/** 2 sets of S and 1 of M (typed in full width) within the limit of 4, confirmed and ordered. */
export const ChooseSizesAndOrder: Story = {
  play: async ({ canvasElement }) => {
    const page = within(canvasElement);
    await findVisible(page, "heading", { level: 1, name: "ご購入手続き" });
    await expect(page.getByRole("banner")).toHaveTextContent("医療用手袋 購入サイト");
    const offer = page.getByLabelText("ご購入いただける内容");
    await expect(
      within(offer)
        .getAllByRole("definition")
        .map((detail) => detail.textContent),
    ).toEqual([
      "医療法人社団　緑風会　みどりが丘記念病院（医療機関コード 1310000123）",
      "4セット（4,000枚）まで",
      "2026年12月21日（月）10:00まで",
    ]);

    const form = await purchaseForm(page);
    await expect(form.getByRole("textbox", { name: "SSサイズ" })).toBeDisabled();
    const plusS = form.getByRole("button", { name: "Sサイズを1セット増やす" });
    await userEvent.click(plusS);
    await userEvent.click(plusS);
    const m = form.getByRole("textbox", { name: "Mサイズ" });
    await userEvent.clear(m);
    await userEvent.type(m, "１");
    await expect(totalText(form)).toHaveTextContent("合計 3 / 上限 4 セット");
    await expect(form.getByText("あと1セット選べます")).toBeVisible();
    await userEvent.click(form.getByRole("button", { name: "注文内容を確認する" }));

    const confirm = within(await page.findByRole("region", { name: "注文内容の確認" }));
    await expect(
      confirm
        .getByRole("table", { name: "ご注文のサイズとセット数" })
        .querySelectorAll("tbody tr, tfoot tr"),
    ).toHaveLength(3);
    await expect(confirm.getByRole("table")).toHaveTextContent(
      "Sサイズ2セット2,000枚Mサイズ1セット1,000枚合計3セット3,000枚",
    );
    await expect(log.count("storefront.purchase")).toBe(0);
    await userEvent.click(confirm.getByRole("button", { name: "注文を確定する" }));

    const heading = await page.findByRole("heading", { level: 1, name: "ご注文を承りました" });
    await waitFor(() => expect(heading).toHaveFocus());
    await expect(log.inputsTo("storefront.purchase")).toEqual([
      {
        token: TOKEN,
        lines: [
          { size: "S", sets: 2 },
          { size: "M", sets: 1 },
        ],
        delivery: PURCHASE_FORM.delivery,
        paymentMethod: "bank_transfer",
      },
    ]);
    await expect(page.getByText("注文番号は SOS-2026-000124 です")).toBeVisible();
    const order = within(page.getByRole("region", { name: "ご注文の詳細と配送状況" }));
    await expect(order.getByRole("list", { name: "配送の状況" })).toHaveTextContent(
      "✓注文済み2出荷済み（未）3配達済み（未）",
    );
    await expect(order.getByRole("table")).toHaveTextContent("合計3セット3,000枚");
    await expect(order.getByText(/^出荷の準備中です。/)).toBeVisible();
    await fitsTheScreen();
  },
};

/**
 * The largest limit under the longest name: 1,251 sets typed against 1,250, refused
 * with by how much, and the page still fits a phone.
 */
export const OverTheLimit: Story = {
  args: { api: { storefront: { purchasePage: () => LARGE_PURCHASE_FORM } } },
  play: async ({ canvasElement }) => {
    const page = within(canvasElement);
    const offer = await page.findByLabelText("ご購入いただける内容");
    await expect(offer).toHaveTextContent(`${LONG_NAME}（医療機関コード 1410000456）`);
    await expect(offer).toHaveTextContent("1,250セット（1,250,000枚）まで");

    const form = await purchaseForm(page);
    await expect(form.getByRole("textbox", { name: /^電話番号/ })).toHaveValue("045-576-3000");
    for (const [size, typed] of [
      ["Sサイズ", "８００"],
      ["Mサイズ", "４５１"],
    ] as const) {
      const box = form.getByRole("textbox", { name: size });
      await userEvent.clear(box);
      await userEvent.type(box, typed);
    }
    await expect(totalText(form)).toHaveTextContent("合計 1,251 / 上限 1,250 セット");
    await expect(form.getByText("（1,251,000枚 / 1,250,000枚）", { exact: false })).toBeVisible();
    await expect(form.getByText("上限を1セット超えています")).toBeVisible();
    await expect(form.getByRole("button", { name: "Lサイズを1セット増やす" })).toHaveAttribute(
      "aria-disabled",
      "true",
    );

    await userEvent.click(form.getByRole("button", { name: "注文内容を確認する" }));
    const summary = await page.findByRole("region", { name: "入力内容に誤りがあります（1件）" });
    await expect(summary).toHaveTextContent(
      "購入上限数（1,250セット）を超えています。合計を1,250セット以下にしてください",
    );
    await expect(page.queryByRole("region", { name: "注文内容の確認" })).toBeNull();
    await expect(log.count("storefront.purchase")).toBe(0);
    await fitsTheScreen();
  },
};

/** M sold out between opening and ordering: back at the sizes with the reason, M closed. */
export const SoldOutMeanwhile: Story = {
  args: {
    api: {
      storefront: {
        purchasePage: () => (log.count("storefront.purchase") > 0 ? M_GONE : PURCHASE_FORM),
        purchase: () => {
          throw new FixtureError("CONFLICT", M_SOLD_OUT, {
            domainCode: "OUT_OF_STOCK",
            fieldErrors: { "lines.1.sets": ["残り 0 セットです"] },
          });
        },
      },
    },
  },
  play: async ({ canvasElement }) => {
    const page = within(canvasElement);
    const form = await purchaseForm(page);
    await userEvent.click(form.getByRole("button", { name: "Sサイズを1セット増やす" }));
    await userEvent.click(form.getByRole("button", { name: "Mサイズを1セット増やす" }));
    await userEvent.click(form.getByRole("button", { name: "注文内容を確認する" }));
    await userEvent.click(await page.findByRole("button", { name: "注文を確定する" }));

    await expect(await form.findByRole("alert")).toHaveTextContent(M_SOLD_OUT);
    const m = form.getByRole("textbox", { name: "Mサイズ" });
    await waitFor(() => expect(m).toHaveAccessibleDescription(showsError("残り 0 セットです")));
    await waitFor(() => expect(m).toHaveAccessibleDescription(/在庫なし/));
    await expect(m).toHaveValue("1");
    await expect(log.count("storefront.purchasePage")).toBe(2);
    await expect(page.queryByRole("heading", { name: "ご注文を承りました" })).toBeNull();
  },
};

/** The link opened again after buying: the order and its delivery, never a second form. */
export const UsedLink: Story = {
  args: { api: { storefront: { purchasePage: () => ORDERED_PAGE } } },
  play: async ({ canvasElement }) => {
    const page = within(canvasElement);
    await findVisible(page, "heading", { level: 1, name: "ご注文の内容" });
    await expect(
      page.getByRole("heading", { name: "この購入リンクでのご購入は完了しています" }),
    ).toBeVisible();
    const order = within(page.getByRole("region", { name: "ご注文の詳細と配送状況" }));
    await expect(order.getByText("SOS-2026-000124")).toBeVisible();
    const steps = order.getByRole("list", { name: "配送の状況" });
    await expect(steps).toHaveTextContent("✓注文済み✓出荷済み3配達済み（未）");
    await expect(within(steps).getByText("出荷済み").closest("li")).toHaveAttribute(
      "aria-current",
      "step",
    );
    await expect(order.getByText("ヤマト運輸")).toBeVisible();
    await expect(order.getByText("451234567890")).toBeVisible();
    await expect(order.getByText("2026年12月15日（火）15:00")).toBeVisible();
    await expect(order.getByText("配達待ち")).toBeVisible();
    await expect(page.queryByRole("form", { name: "購入手続き" })).toBeNull();
  },
};

/** Bought from another tab meanwhile: the refusal makes the page show that order instead. */
export const BoughtInAnotherTab: Story = {
  args: {
    api: {
      storefront: {
        purchasePage: () => (log.count("storefront.purchase") > 0 ? ORDERED_PAGE : PURCHASE_FORM),
        purchase: () => {
          throw new FixtureError(
            "CONFLICT",
            "この購入リンクでは既に購入手続きが完了しています（注文番号 SOS-2026-000124）。購入は1回限りです。ご注文の内容はこのページで確認できます。",
            { domainCode: "ALREADY_PURCHASED" },
          );
        },
      },
    },
  },
  play: async ({ canvasElement }) => {
    const page = within(canvasElement);
    const form = await purchaseForm(page);
    await userEvent.click(form.getByRole("button", { name: "Lサイズを1セット増やす" }));
    await userEvent.click(form.getByRole("button", { name: "注文内容を確認する" }));
    await userEvent.click(await page.findByRole("button", { name: "注文を確定する" }));

    await findVisible(page, "heading", { level: 1, name: "ご注文の内容" });
    await expect(
      page.getByRole("heading", { name: "この購入リンクでのご購入は完了しています" }),
    ).toBeVisible();
    await expect(page.queryByRole("form", { name: "購入手続き" })).toBeNull();
    await expect(log.inputsTo("storefront.purchase")).toHaveLength(1);
  },
};

/** An expired, replaced or revoked link: why, and where the right URL is. */
export const InvalidLink: Story = {
  args: {
    api: {
      storefront: {
        purchasePage: () => {
          throw new FixtureError("NOT_FOUND", INVALID_LINK, {
            domainCode: "PURCHASE_LINK_INVALID",
          });
        },
      },
    },
  },
  play: async ({ canvasElement }) => {
    const page = within(canvasElement);
    await findVisible(page, "heading", { level: 1, name: "購入リンクが無効です" });
    const alert = page.getByRole("alert");
    await expect(alert).toHaveTextContent("このリンクではご購入いただけません");
    await expect(alert).toHaveTextContent(INVALID_LINK);
    await expect(page.getByText(/URLが途中で改行されている場合は/)).toBeVisible();
    await expect(page.queryByRole("button", { name: "再読み込み" })).toBeNull();
    await expect(log.inputsTo("storefront.purchasePage")).toEqual([{ token: TOKEN }]);
  },
};

/** Revoked because the registry's e-mail address changed: why, and where the new link goes. */
export const AddressChangedLink: Story = {
  args: {
    api: {
      storefront: {
        purchasePage: () => {
          throw new FixtureError("NOT_FOUND", DOMAIN_ERROR_MESSAGES.PURCHASE_LINK_ADDRESS_CHANGED, {
            domainCode: "PURCHASE_LINK_ADDRESS_CHANGED",
          });
        },
      },
    },
  },
  play: async ({ canvasElement }) => {
    const page = within(canvasElement);
    await findVisible(page, "heading", { level: 1, name: "購入リンクは無効になりました" });
    const alert = page.getByRole("alert");
    await expect(alert).toHaveTextContent("メールアドレスの変更により");
    await expect(alert).toHaveTextContent(DOMAIN_ERROR_MESSAGES.PURCHASE_LINK_ADDRESS_CHANGED);
    await expect(page.getByText(/都道府県の担当窓口/)).toBeVisible();
    await expect(page.queryByText(/URLが途中で改行されている場合は/)).toBeNull();
  },
};

/** No product on sale yet: the limit is shown, and why nothing can be chosen. */
export const NoProductYet: Story = {
  args: { api: { storefront: { purchasePage: () => ({ ...PURCHASE_FORM, product: null }) } } },
  play: async ({ canvasElement }) => {
    const page = within(canvasElement);
    await expect(await page.findByLabelText("ご購入いただける内容")).toHaveTextContent(
      "4セット（4,000枚）まで",
    );
    await expect(page.getByRole("status")).toHaveTextContent(
      "現在ご購入いただける商品がありません",
    );
    await expect(page.queryByRole("form", { name: "購入手続き" })).toBeNull();
  },
};

/** The server is down on opening; the retry shows the form. */
export const LoadFailedThenRetry: Story = {
  args: {
    api: {
      storefront: {
        purchasePage: () =>
          log.count("storefront.purchasePage") === 1 ? serverDown() : PURCHASE_FORM,
      },
    },
  },
  play: async ({ canvasElement }) => {
    const page = within(canvasElement);
    const alert = await page.findByRole("alert");
    await expect(alert).toHaveTextContent("購入ページを表示できませんでした");
    await expect(alert).toHaveTextContent(SERVER_DOWN_MESSAGE);
    await userEvent.click(page.getByRole("button", { name: "再読み込み" }));
    await expect(totalText(await purchaseForm(page))).toHaveTextContent("合計 0 / 上限 4 セット");
  },
};
