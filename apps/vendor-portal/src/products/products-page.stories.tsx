import { FixtureError, findVisible, Screen } from "@sos/web/storybook";
import type { Meta, StoryObj } from "@storybook/react-vite";
import { expect, userEvent, waitFor, within } from "storybook/test";
import type { Product } from "../api-types";
import { VENDOR_APP } from "../app";
import { callLog } from "../stories/calls";
import { SERVER_DOWN_MESSAGE, serverDown } from "../stories/errors";
import { showsError } from "../stories/field-error";
import { PRODUCT, PRODUCT_ID, withStock } from "../stories/products";
import { VENDOR_USER } from "../stories/users";

const log = callLog();

const S_SIZE_ID = PRODUCT.sizes[1]?.id ?? "";
const M_SIZE_ID = PRODUCT.sizes[2]?.id ?? "";

const WITH_LL: Product = {
  ...PRODUCT,
  sizes: [
    ...PRODUCT.sizes,
    {
      id: "7e6d5c4b-3a29-4180-8f7e-000000000005",
      size: "LL",
      label: "LLサイズ",
      stockSets: 30,
      stockPieces: 30_000,
      sortOrder: 5,
      unshippedSets: 0,
    },
  ],
};

const meta = {
  title: "商品・在庫",
  component: Screen,
  parameters: { layout: "fullscreen" },
  beforeEach: log.clear,
  args: {
    app: VENDOR_APP,
    path: "/products",
    user: VENDOR_USER,
    calls: log.calls,
    api: {
      vendorPortal: {
        products: () => [
          log.count("vendorPortal.updateStock") > 0
            ? withStock(PRODUCT, "S", 1300)
            : log.count("vendorPortal.addSize") > 0
              ? WITH_LL
              : PRODUCT,
        ],
        updateStock: () => withStock(PRODUCT, "S", 1300),
        addSize: () => WITH_LL,
      },
    },
  },
} satisfies Meta<typeof Screen>;

export default meta;
type Story = StoryObj<typeof meta>;

type Canvas = ReturnType<typeof within>;

function rowsOf(table: HTMLElement): string[][] {
  return within(table)
    .getAllByRole("row")
    .slice(1)
    .map((row) => [...row.children].map((cell) => cell.textContent ?? ""));
}

async function stockTable(page: Canvas) {
  return page.findByRole("table", { name: "サイズごとの在庫" });
}

/** Stock per size (one sold out, one nearly), and S raised to １，３００ typed in full width. */
export const StockBySize: Story = {
  play: async ({ canvasElement }) => {
    const page = within(canvasElement);
    await findVisible(page, "heading", { level: 1, name: "商品・在庫" });
    const card = within(
      await page.findByRole("region", {
        name: "ニトリル手袋（パウダーフリー）100枚入×10箱（販売中）",
      }),
    );
    await expect(
      card.getByText("在庫の合計 1,742セット（1,742,000枚）・1セット＝1,000枚"),
    ).toBeVisible();
    const table = await stockTable(page);
    await expect(rowsOf(table).map((row) => row.slice(0, 3))).toEqual([
      ["SSサイズ", "在庫なし", "0セット"],
      ["Sサイズ", "1,250セット（1,250,000枚）", "906セット"],
      ["Mサイズ", "480セット（480,000枚）", "1,068セット"],
      ["Lサイズ", "12セット（12,000枚）", "0セット"],
    ]);

    const s = page.getByRole("textbox", { name: "Sサイズの在庫数" });
    await expect(s).toHaveValue("1250");
    await userEvent.clear(s);
    await userEvent.type(s, "１，３００");
    await userEvent.click(
      within(s.closest("form") as HTMLElement).getByRole("button", { name: "更新" }),
    );

    await expect(await page.findByText("Sサイズの在庫を1,300セットにしました。")).toBeVisible();
    await expect(log.inputsTo("vendorPortal.updateStock")).toEqual([
      { sizeId: S_SIZE_ID, stockSets: 1300, expectedStockSets: 1250 },
    ]);
    await waitFor(() =>
      expect(
        card.getByText("在庫の合計 1,792セット（1,792,000枚）・1セット＝1,000枚"),
      ).toBeVisible(),
    );
    await expect(within(table).getByText("1,300セット（1,300,000枚）")).toBeVisible();
    await expect(s).toHaveValue("1300");
    await expect(s).not.toHaveAttribute("aria-invalid");
  },
};

/** Pieces, part sets and a blank box are refused at the box, with nothing sent. */
export const StockTypedWrong: Story = {
  play: async ({ canvasElement }) => {
    const page = within(canvasElement);
    await stockTable(page);
    const m = page.getByRole("textbox", { name: "Mサイズの在庫数" });
    const update = within(m.closest("form") as HTMLElement).getByRole("button", { name: "更新" });
    const attempts = [
      ["480000枚", "在庫数はセット単位で入力してください（枚数ではありません）"],
      ["１.５", "在庫数はセット単位の整数で入力してください（1セット＝1,000枚）"],
      ["-3", "在庫数は0以上で入力してください"],
    ] as const;
    for (const [typed, message] of attempts) {
      await userEvent.clear(m);
      await userEvent.type(m, typed);
      await userEvent.click(update);
      await waitFor(() => expect(m).toHaveAccessibleDescription(showsError(message)));
      await expect(m).toHaveAttribute("aria-invalid", "true");
    }
    await userEvent.clear(m);
    await userEvent.click(update);
    await waitFor(() =>
      expect(m).toHaveAccessibleDescription(showsError("在庫数を入力してください")),
    );
    await expect(log.count("vendorPortal.updateStock")).toBe(0);
  },
};

/** Orders took M meanwhile: the update is refused rather than overwriting them, and the new stock shown. */
export const StockChangedMeanwhile: Story = {
  args: {
    api: {
      vendorPortal: {
        products: () => [
          log.count("vendorPortal.updateStock") > 0 ? withStock(PRODUCT, "M", 470) : PRODUCT,
        ],
        updateStock: () => {
          throw new FixtureError(
            "CONFLICT",
            "他の担当者が先に更新しました。最新の内容を確認してください。",
            { domainCode: "STALE_VERSION" },
          );
        },
      },
    },
  },
  play: async ({ canvasElement }) => {
    const page = within(canvasElement);
    await stockTable(page);
    const m = page.getByRole("textbox", { name: "Mサイズの在庫数" });
    await userEvent.clear(m);
    await userEvent.type(m, "600");
    await userEvent.click(
      within(m.closest("form") as HTMLElement).getByRole("button", { name: "更新" }),
    );

    await expect(log.inputsTo("vendorPortal.updateStock")).toEqual([
      { sizeId: M_SIZE_ID, stockSets: 600, expectedStockSets: 480 },
    ]);
    const table = await stockTable(page);
    await waitFor(() => expect(within(table).getByText("470セット（470,000枚）")).toBeVisible());
    const refreshed = page.getByRole("textbox", { name: "Mサイズの在庫数" });
    await expect(refreshed).toHaveValue("470");
    await expect(refreshed).toHaveAccessibleDescription(
      showsError("他の担当者が先に更新しました。最新の内容を確認してください。"),
    );
    await expect(page.queryByText(/Mサイズの在庫を/)).toBeNull();
  },
};

/** LL added with 30 sets typed in full width; once every size is on sale the form goes. */
export const AddSize: Story = {
  play: async ({ canvasElement }) => {
    const page = within(canvasElement);
    await stockTable(page);
    const form = within(page.getByRole("form", { name: "サイズの追加" }));
    await userEvent.click(form.getByRole("button", { name: "追加" }));
    await expect(form.getByRole("combobox", { name: "サイズ" })).toHaveAccessibleDescription(
      showsError("サイズを選択してください"),
    );
    await expect(log.count("vendorPortal.addSize")).toBe(0);

    await userEvent.selectOptions(form.getByRole("combobox", { name: "サイズ" }), "LLサイズ");
    const stock = form.getByRole("textbox", { name: "在庫数" });
    await userEvent.clear(stock);
    await userEvent.type(stock, "３０");
    await userEvent.click(form.getByRole("button", { name: "追加" }));

    await expect(await page.findByText("LLサイズを追加しました。")).toBeVisible();
    await expect(log.inputsTo("vendorPortal.addSize")).toEqual([
      { productId: PRODUCT_ID, size: "LL", stockSets: 30 },
    ]);
    const table = await stockTable(page);
    await waitFor(() =>
      expect(within(table).getByRole("rowheader", { name: "LLサイズ" })).toBeVisible(),
    );
    await expect(page.queryByRole("form", { name: "サイズの追加" })).toBeNull();
  },
};

/** No product on sale: the warning, a blank name refused, then the product registered. */
export const FirstProduct: Story = {
  args: {
    api: {
      vendorPortal: {
        products: () =>
          log.count("vendorPortal.createProduct") > 0 ? [{ ...PRODUCT, sizes: [] }] : [],
        createProduct: (input) => ({ ...PRODUCT, name: input.name, sizes: [] }),
      },
    },
  },
  play: async ({ canvasElement }) => {
    const page = within(canvasElement);
    const card = within(await page.findByRole("region", { name: "販売する商品の登録" }));
    await expect(
      card.getByText("販売中の商品がありません。購入ページに表示する商品名を登録してください。"),
    ).toBeVisible();
    const name = card.getByRole("textbox", { name: /商品名/ });
    await userEvent.type(name, "　");
    await userEvent.click(card.getByRole("button", { name: "登録する" }));
    await expect(name).toHaveAccessibleDescription(showsError("商品名を入力してください"));
    await expect(log.count("vendorPortal.createProduct")).toBe(0);

    await userEvent.clear(name);
    await userEvent.type(name, PRODUCT.name);
    await userEvent.click(card.getByRole("button", { name: "登録する" }));
    await expect(
      await page.findByText("商品を登録しました。続けてサイズと在庫数を追加してください。"),
    ).toBeVisible();
    await expect(log.inputsTo("vendorPortal.createProduct")).toEqual([{ name: PRODUCT.name }]);
    const table = await stockTable(page);
    await expect(
      within(table).getByText("サイズがまだありません。下の「サイズの追加」から登録してください。"),
    ).toBeVisible();
  },
};

/** A name the server refuses (too long) is shown at the field. */
export const ProductNameRefused: Story = {
  args: {
    api: {
      vendorPortal: {
        products: () => [],
        createProduct: () => {
          throw new FixtureError(
            "BAD_REQUEST",
            "入力内容に誤りがあります。各項目を確認してください。",
            {
              domainCode: "INVALID_INPUT",
              fieldErrors: { name: ["商品名は200文字以内で入力してください"] },
            },
          );
        },
      },
    },
  },
  play: async ({ canvasElement }) => {
    const page = within(canvasElement);
    const card = within(await page.findByRole("region", { name: "販売する商品の登録" }));
    const name = card.getByRole("textbox", { name: /商品名/ });
    await userEvent.click(name);
    await userEvent.paste("ニトリル手袋（パウダーフリー）".repeat(15));
    await userEvent.click(card.getByRole("button", { name: "登録する" }));
    await waitFor(() =>
      expect(name).toHaveAccessibleDescription(showsError("商品名は200文字以内で入力してください")),
    );
    await expect(page.queryByRole("table")).toBeNull();
  },
};

/** The server is down on opening; the retry shows the stock. */
export const LoadFailedThenRetry: Story = {
  args: {
    api: {
      vendorPortal: {
        products: () => (log.count("vendorPortal.products") === 1 ? serverDown() : [PRODUCT]),
      },
    },
  },
  play: async ({ canvasElement }) => {
    const page = within(canvasElement);
    const alert = await page.findByRole("alert");
    await expect(alert).toHaveTextContent("商品を表示できませんでした");
    await expect(alert).toHaveTextContent(SERVER_DOWN_MESSAGE);
    await userEvent.click(page.getByRole("button", { name: "再読み込み" }));
    await expect(await stockTable(page)).toBeVisible();
  },
};
