import { FixtureError, findVisible, Screen } from "@sos/web/storybook";
import type { Meta, StoryObj } from "@storybook/react-vite";
import { expect, userEvent, waitFor, within } from "storybook/test";
import { VENDOR_APP } from "../app";
import { callLog } from "../stories/calls";
import { SERVER_DOWN_MESSAGE, serverDown } from "../stories/errors";
import { showsError } from "../stories/field-error";
import {
  BIG_ORDER,
  ORDERS,
  ordersPage,
  pickingTotalsOf,
  SHIPPED_ORDER,
  SMALL_ORDER,
} from "../stories/orders";
import { LONG_NAME } from "../stories/target-lists";
import { VENDOR_USER } from "../stories/users";

const log = callLog();

/** The orders once SOS-2026-000124 has gone out. */
const AFTER_SHIPPING = ORDERS.map((order) =>
  order.id === SMALL_ORDER.id
    ? { ...order, status: "shipped" as const, statusLabel: "出荷済み" }
    : order,
);

const shipped = () => log.count("vendorPortal.markShipped") > 0;

const meta = {
  title: "注文・出荷",
  component: Screen,
  parameters: { layout: "fullscreen" },
  beforeEach: log.clear,
  args: {
    app: VENDOR_APP,
    path: "/orders",
    user: VENDOR_USER,
    calls: log.calls,
    api: {
      vendorPortal: {
        orders: (input) => ordersPage(input, shipped() ? AFTER_SHIPPING : ORDERS),
        pickingTotals: () => pickingTotalsOf(shipped() ? AFTER_SHIPPING : ORDERS),
        markShipped: () => ({ ...SMALL_ORDER, status: "shipped", statusLabel: "出荷済み" }),
        markDelivered: () => ({ ...SHIPPED_ORDER, status: "delivered", statusLabel: "配達済み" }),
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

async function ordersTable(page: Canvas, total: string) {
  return page.findByRole("table", { name: `注文（${total}件）` });
}

function orderRow(table: HTMLElement, orderNumber: string) {
  return within(
    within(table)
      .getByRole("rowheader", { name: new RegExp(`^${orderNumber}`) })
      .closest("tr") as HTMLElement,
  );
}

/**
 * 312 orders to ship: the picking totals per size and prefecture, the largest order
 * (a long name, 1,250 sets) on top, and one order marked shipped with its tracking number.
 */
export const PickingAndShipping: Story = {
  play: async ({ canvasElement }) => {
    const page = within(canvasElement);
    await findVisible(page, "heading", { level: 1, name: "注文・出荷" });
    await expect(
      await page.findByText("注文済みで未出荷の注文 312件・合計 1,974セット（1,974,000枚）"),
    ).toBeVisible();
    await expect(rowsOf(page.getByRole("table", { name: "サイズ別の合計" }))).toEqual([
      ["Sサイズ", "906セット", "906,000枚"],
      ["Mサイズ", "1,068セット", "1,068,000枚"],
    ]);
    const byPrefecture = rowsOf(page.getByRole("table", { name: "都道府県別の合計" }));
    await expect(byPrefecture.map((row) => row[0])).toEqual([
      "埼玉県",
      "千葉県",
      "東京都",
      "神奈川県",
      "愛知県",
      "大阪府",
      "福岡県",
    ]);
    await expect(byPrefecture[3]).toEqual([
      "神奈川県",
      "46件",
      "815セット",
      "540セット",
      "1,355セット（1,355,000枚）",
    ]);

    const table = await ordersTable(page, "312");
    await expect(page.getByRole("combobox", { name: "状態" })).toHaveValue("ordered");
    const big = orderRow(table, BIG_ORDER.orderNumber);
    await expect(big.getByRole("rowheader")).toHaveTextContent(
      "SOS-2026-0001312026年12月14日（月）15:05",
    );
    await expect(big.getByText(LONG_NAME)).toBeVisible();
    await expect(big.getByText("1410000456・神奈川県")).toBeVisible();
    await expect(big.getByText("Sサイズ 800セット")).toBeVisible();
    await expect(big.getByText("Mサイズ 450セット")).toBeVisible();
    await expect(big.getByText("計 1,250セット（1,250,000枚）")).toBeVisible();
    await expect(big.getByText(`${LONG_NAME} 用度課 物品受入口`)).toBeVisible();
    await expect(big.getByText("注文済み")).toBeVisible();
    await expect(
      within(page.getByRole("navigation", { name: "注文のページ" })).getByText(
        "1〜50件目 / 全312件",
      ),
    ).toBeVisible();

    await userEvent.click(
      orderRow(table, SMALL_ORDER.orderNumber).getByRole("button", {
        name: "SOS-2026-000124を出荷済みにする",
      }),
    );
    const dialog = within(
      await page.findByRole("dialog", { name: "注文 SOS-2026-000124 を出荷済みにする" }),
    );
    await expect(
      dialog.getByText(
        /みどりが丘記念病院に、配送業者とお問い合わせ伝票番号をメールでお知らせします。$/,
      ),
    ).toBeVisible();
    await userEvent.click(dialog.getByRole("button", { name: "出荷済みにする" }));
    await expect(dialog.getByRole("combobox", { name: /配送業者/ })).toHaveAccessibleDescription(
      showsError("配送業者を選択してください"),
    );
    await expect(
      dialog.getByRole("textbox", { name: /お問い合わせ伝票番号/ }),
    ).toHaveAccessibleDescription(showsError("お問い合わせ伝票番号を入力してください"));
    await expect(log.count("vendorPortal.markShipped")).toBe(0);

    await userEvent.selectOptions(dialog.getByRole("combobox", { name: /配送業者/ }), "ヤマト運輸");
    await userEvent.type(
      dialog.getByRole("textbox", { name: /お問い合わせ伝票番号/ }),
      "４５１２－３４５６－７８９０",
    );
    await userEvent.click(dialog.getByRole("button", { name: "出荷済みにする" }));

    await expect(
      await page.findByText(
        "注文 SOS-2026-000124 を出荷済みにしました。医療機関に出荷のお知らせを送信します。",
      ),
    ).toBeVisible();
    await expect(log.inputsTo("vendorPortal.markShipped")).toEqual([
      {
        orderId: SMALL_ORDER.id,
        carrier: "ヤマト運輸",
        trackingNumber: "４５１２－３４５６－７８９０",
      },
    ]);
    // Read again: the order has left the waiting list and the totals.
    await expect(await ordersTable(page, "311")).toBeVisible();
    await expect(
      await page.findByText("注文済みで未出荷の注文 311件・合計 1,971セット（1,971,000枚）"),
    ).toBeVisible();
  },
};

/** The server refuses (the order was cancelled meanwhile): its words in the dialog, the order unchanged. */
export const ShipRefused: Story = {
  args: {
    api: {
      vendorPortal: {
        orders: (input) => ordersPage(input),
        pickingTotals: () => pickingTotalsOf(ORDERS),
        markShipped: () => {
          throw new FixtureError(
            "PRECONDITION_FAILED",
            "現在の状態ではこの操作を行えません。画面を再読み込みしてください。",
            { domainCode: "INVALID_STATE" },
          );
        },
      },
    },
  },
  play: async ({ canvasElement }) => {
    const page = within(canvasElement);
    const table = await ordersTable(page, "312");
    await userEvent.click(
      orderRow(table, BIG_ORDER.orderNumber).getByRole("button", { name: /を出荷済みにする$/ }),
    );
    const dialog = within(await page.findByRole("dialog", { name: /を出荷済みにする$/ }));
    await userEvent.selectOptions(dialog.getByRole("combobox", { name: /配送業者/ }), "佐川急便");
    await userEvent.type(
      dialog.getByRole("textbox", { name: /お問い合わせ伝票番号/ }),
      "360012345678",
    );
    await userEvent.click(dialog.getByRole("button", { name: "出荷済みにする" }));

    await expect(await dialog.findByRole("alert")).toHaveTextContent(
      "現在の状態ではこの操作を行えません。画面を再読み込みしてください。",
    );
    await userEvent.click(dialog.getByRole("button", { name: "キャンセル" }));
    await waitFor(() => expect(page.queryByRole("dialog")).toBeNull());
    await expect(orderRow(table, BIG_ORDER.orderNumber).getByText("注文済み")).toBeVisible();
    await expect(page.queryByText(/を出荷済みにしました/)).toBeNull();
    await expect(log.count("vendorPortal.orders")).toBe(1);
  },
};

/** A tracking number the server refuses is shown at its field, not as a general failure. */
export const TrackingNumberRefused: Story = {
  args: {
    api: {
      vendorPortal: {
        orders: (input) => ordersPage(input),
        pickingTotals: () => pickingTotalsOf(ORDERS),
        markShipped: () => {
          throw new FixtureError(
            "BAD_REQUEST",
            "入力内容に誤りがあります。各項目を確認してください。",
            {
              domainCode: "INVALID_INPUT",
              fieldErrors: {
                trackingNumber: ["お問い合わせ伝票番号は50文字以内で入力してください"],
              },
            },
          );
        },
      },
    },
  },
  play: async ({ canvasElement }) => {
    const page = within(canvasElement);
    const table = await ordersTable(page, "312");
    await userEvent.click(
      orderRow(table, SMALL_ORDER.orderNumber).getByRole("button", { name: /を出荷済みにする$/ }),
    );
    const dialog = within(await page.findByRole("dialog", { name: /を出荷済みにする$/ }));
    await userEvent.selectOptions(dialog.getByRole("combobox", { name: /配送業者/ }), "日本郵便");
    const tracking = dialog.getByRole("textbox", { name: /お問い合わせ伝票番号/ });
    await userEvent.click(tracking);
    await userEvent.paste("1234-5678-9012 ".repeat(4));
    await userEvent.click(dialog.getByRole("button", { name: "出荷済みにする" }));
    await waitFor(() =>
      expect(tracking).toHaveAccessibleDescription(
        showsError("お問い合わせ伝票番号は50文字以内で入力してください"),
      ),
    );
    await expect(dialog.queryByRole("alert")).toBeNull();
  },
};

/** Shipped orders: the carrier and number shown, and one marked delivered. */
export const MarkDelivered: Story = {
  play: async ({ canvasElement }) => {
    const page = within(canvasElement);
    await ordersTable(page, "312");
    await userEvent.selectOptions(page.getByRole("combobox", { name: "状態" }), "出荷済み");
    const table = await ordersTable(page, "1");
    const row = orderRow(table, SHIPPED_ORDER.orderNumber);
    await expect(row.getByText("出荷済み")).toBeVisible();
    await expect(row.getByText(/^ヤマト運輸/)).toBeVisible();
    // The tracking number opens the carrier's own tracking page.
    await expect(row.getByRole("link", { name: /^451234567890/ })).toHaveAttribute(
      "href",
      "https://toi.kuronekoyamato.co.jp/cgi-bin/tneko?number00=1&number01=451234567890",
    );
    await expect(row.getByText("代金引換")).toBeVisible();
    await userEvent.click(row.getByRole("button", { name: "SOS-2026-000123を配達済みにする" }));
    const dialog = within(
      await page.findByRole("dialog", { name: "注文 SOS-2026-000123 を配達済みにしますか？" }),
    );
    await userEvent.click(dialog.getByRole("button", { name: "配達済みにする" }));
    await expect(
      await page.findByText("注文 SOS-2026-000123 を配達済みにしました。"),
    ).toBeVisible();
    await expect(log.inputsTo("vendorPortal.markDelivered")).toEqual([
      { orderId: SHIPPED_ORDER.id },
    ]);
    await expect(log.inputsTo("vendorPortal.orders").at(-1)).toMatchObject({ status: "shipped" });
  },
};

/** Every status, one prefecture, then a search that finds nothing. */
export const FilterAndSearch: Story = {
  play: async ({ canvasElement }) => {
    const page = within(canvasElement);
    await ordersTable(page, "312");
    await userEvent.selectOptions(page.getByRole("combobox", { name: "状態" }), "すべて");
    await ordersTable(page, "315");
    await userEvent.selectOptions(page.getByRole("combobox", { name: "都道府県" }), "神奈川県");
    await ordersTable(page, "46");
    const search = page.getByRole("searchbox", { name: "注文番号・医療機関名・コード" });
    await userEvent.type(search, "済生会");
    await userEvent.click(page.getByRole("button", { name: "検索" }));
    const found = await ordersTable(page, "1");
    await expect(within(found).getByText(LONG_NAME)).toBeVisible();
    await expect(log.inputsTo("vendorPortal.orders").at(-1)).toEqual({
      status: null,
      prefectureCode: 14,
      search: "済生会",
      page: 1,
      pageSize: 50,
    });

    await userEvent.clear(search);
    await userEvent.type(search, "SOS-2026-999999");
    await userEvent.click(page.getByRole("button", { name: "検索" }));
    const none = await ordersTable(page, "0");
    await expect(within(none).getByText("条件に当てはまる注文はありません。")).toBeVisible();
  },
};

/** Nothing waiting: both totals and the list say so. */
export const NothingToShip: Story = {
  args: {
    api: {
      vendorPortal: {
        orders: (input) => ordersPage(input, []),
        pickingTotals: () => pickingTotalsOf([]),
      },
    },
  },
  play: async ({ canvasElement }) => {
    const page = within(canvasElement);
    await expect(
      await page.findByText("注文済みで未出荷の注文 0件・合計 0セット（0枚）"),
    ).toBeVisible();
    await expect(page.getAllByText("出荷待ちの注文はありません。")).toHaveLength(2);
    const table = await ordersTable(page, "0");
    await expect(within(table).getByText("条件に当てはまる注文はありません。")).toBeVisible();
  },
};

/** The server is down: both parts say so with a retry each, and come back. */
export const LoadFailedThenRetry: Story = {
  args: {
    api: {
      vendorPortal: {
        orders: (input) =>
          log.count("vendorPortal.orders") === 1 ? serverDown() : ordersPage(input),
        pickingTotals: () =>
          log.count("vendorPortal.pickingTotals") === 1 ? serverDown() : pickingTotalsOf(ORDERS),
      },
    },
  },
  play: async ({ canvasElement }) => {
    const page = within(canvasElement);
    await waitFor(() => expect(page.getAllByRole("alert")).toHaveLength(2));
    const [totals, orders] = page.getAllByRole("alert");
    await expect(totals).toHaveTextContent("出荷待ちの集計を表示できませんでした");
    await expect(totals).toHaveTextContent(SERVER_DOWN_MESSAGE);
    await expect(orders).toHaveTextContent("注文を表示できませんでした");
    for (const retry of page.getAllByRole("button", { name: "再読み込み" })) {
      await userEvent.click(retry);
    }
    await expect(await ordersTable(page, "312")).toBeVisible();
    await expect(
      await page.findByText("注文済みで未出荷の注文 312件・合計 1,974セット（1,974,000枚）"),
    ).toBeVisible();
  },
};
