import { findVisible, Screen } from "@sos/web/storybook";
import type { Meta, StoryObj } from "@storybook/react-vite";
import { expect, userEvent, waitFor, within } from "storybook/test";
import { VENDOR_APP } from "../app";
import { callLog } from "../stories/calls";
import { showsError } from "../stories/field-error";
import { BIG_ORDER, ORDERS, ordersPage, pickingTotalsOf, SMALL_ORDER } from "../stories/orders";
import { LONG_NAME } from "../stories/target-lists";
import { VENDOR_USER } from "../stories/users";

const log = callLog();

/** The orders the server has shipped so far in this story. */
function shippedIds(): Set<string> {
  return new Set(
    log
      .inputsTo("vendorPortal.shipOrders")
      .flatMap((input) => (input as { items: Array<{ orderId: string }> }).items)
      .map((item) => item.orderId)
      .filter((id) => id !== BIG_ORDER.id),
  );
}

const current = () =>
  ORDERS.map((order) =>
    shippedIds().has(order.id)
      ? { ...order, status: "shipped" as const, statusLabel: "出荷済み" }
      : order,
  );

const meta = {
  title: "注文・出荷/一括出荷とピッキングリスト",
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
        orders: (input) => ordersPage(input, current()),
        pickingTotals: () => pickingTotalsOf(current()),
        // The big order was cancelled meanwhile: refused, the small one ships.
        shipOrders: ({ items }) => ({
          shipped: items.filter((item) => item.orderId !== BIG_ORDER.id).length,
          refused: items.filter((item) => item.orderId === BIG_ORDER.id).length,
          results: items.map((item) =>
            item.orderId === BIG_ORDER.id
              ? {
                  orderId: item.orderId,
                  outcome: "refused" as const,
                  message: "キャンセルされた注文は出荷できません。",
                  order: null,
                }
              : {
                  orderId: item.orderId,
                  outcome: "shipped" as const,
                  message: null,
                  order: { ...SMALL_ORDER, status: "shipped" as const, statusLabel: "出荷済み" },
                },
          ),
        }),
      },
    },
  },
} satisfies Meta<typeof Screen>;

export default meta;
type Story = StoryObj<typeof meta>;

type Canvas = ReturnType<typeof within>;

async function selectBoth(page: Canvas) {
  await userEvent.click(
    await findVisible(page, "checkbox", { name: `${BIG_ORDER.orderNumber}を選択` }),
  );
  await userEvent.click(page.getByRole("checkbox", { name: `${SMALL_ORDER.orderNumber}を選択` }));
  const bar = within(await findVisible(page, "region", { name: "選択した注文" }));
  await expect(bar.getByText("2件を選択中")).toBeVisible();
  await expect(bar.getByText(/合計 1,253セット（1,253,000枚）/)).toBeVisible();
  return bar;
}

/**
 * Two orders shipped together: one carrier applied to all, a tracking number each
 * (a missing one is said at its field, nothing sent), then each order's outcome —
 * the cancelled one refused with its reason and kept selected.
 */
export const ShipTogether: Story = {
  play: async ({ canvasElement }) => {
    const page = within(canvasElement);
    const bar = await selectBoth(page);
    await userEvent.click(bar.getByRole("button", { name: "まとめて出荷済みにする" }));
    const dialog = within(await findVisible(page, "dialog", { name: "2件の注文を出荷済みにする" }));
    const listed = dialog.getByRole("list", { name: "出荷する注文" });
    await expect(within(listed).getAllByRole("listitem")).toHaveLength(2);
    await expect(listed).toHaveTextContent(LONG_NAME);

    await userEvent.selectOptions(
      dialog.getByRole("combobox", { name: /配送業者（全件に適用）/ }),
      "佐川急便",
    );
    const bigCarrier = dialog.getByRole("combobox", {
      name: new RegExp(`${BIG_ORDER.orderNumber}の配送業者`),
    });
    const smallCarrier = dialog.getByRole("combobox", {
      name: new RegExp(`${SMALL_ORDER.orderNumber}の配送業者`),
    });
    await expect(bigCarrier).toHaveValue("佐川急便");
    await expect(smallCarrier).toHaveValue("佐川急便");
    await userEvent.selectOptions(smallCarrier, "ヤマト運輸");
    await userEvent.type(
      dialog.getByRole("textbox", {
        name: new RegExp(`${SMALL_ORDER.orderNumber}のお問い合わせ伝票番号`),
      }),
      "４５１２－３４５６－７８９０",
    );
    await userEvent.click(dialog.getByRole("button", { name: "2件を出荷済みにする" }));
    const bigTracking = dialog.getByRole("textbox", {
      name: new RegExp(`${BIG_ORDER.orderNumber}のお問い合わせ伝票番号`),
    });
    await expect(bigTracking).toHaveAccessibleDescription(
      showsError("お問い合わせ伝票番号を入力してください"),
    );
    await expect(log.count("vendorPortal.shipOrders")).toBe(0);

    await userEvent.type(bigTracking, "400011112222");
    await userEvent.click(dialog.getByRole("button", { name: "2件を出荷済みにする" }));

    await waitFor(() =>
      expect(
        page.getByText("1件を出荷済みにしました。1件は出荷済みにできませんでした"),
      ).toBeVisible(),
    );
    await expect(
      page.getByText(
        `${BIG_ORDER.orderNumber}（${LONG_NAME}）：キャンセルされた注文は出荷できません。`,
      ),
    ).toBeVisible();
    await expect(log.inputsTo("vendorPortal.shipOrders")).toEqual([
      {
        items: [
          { orderId: BIG_ORDER.id, carrier: "佐川急便", trackingNumber: "400011112222" },
          {
            orderId: SMALL_ORDER.id,
            carrier: "ヤマト運輸",
            trackingNumber: "４５１２－３４５６－７８９０",
          },
        ],
      },
    ]);
    // The refused order stays selected; the shipped one has left the waiting list.
    const still = within(await findVisible(page, "region", { name: "選択した注文" }));
    await expect(still.getByText("1件を選択中")).toBeVisible();
    await expect(await page.findByRole("table", { name: "注文（311件）" })).toBeVisible();
  },
};

/**
 * The picking list of the selected orders: their sizes in all and order by order,
 * with the delivery address; 印刷する prints it, and only it (@media print).
 */
export const PickingListToPrint: Story = {
  play: async ({ canvasElement }) => {
    const page = within(canvasElement);
    const bar = await selectBoth(page);
    await userEvent.click(bar.getByRole("button", { name: "ピッキングリストを表示" }));
    const list = within(await findVisible(page, "region", { name: "ピッキングリスト（2件）" }));
    await expect(list.getByText(/合計 1,253セット（1,253,000枚）/)).toBeVisible();

    const totals = list.getByRole("table", { name: "選択した注文のサイズ別合計" });
    const totalRows = within(totals)
      .getAllByRole("row")
      .slice(1)
      .map((row) => [...row.children].map((cell) => cell.textContent));
    await expect(totalRows).toEqual([
      ["Sサイズ", "802セット", "802,000枚"],
      ["Mサイズ", "451セット", "451,000枚"],
    ]);
    const perOrder = list.getByRole("table", { name: "注文ごとのサイズ別セット数" });
    await expect(
      within(perOrder)
        .getAllByRole("columnheader")
        .map((h) => h.textContent),
    ).toEqual(["確認", "注文番号", "お届け先", "Sサイズ", "Mサイズ", "計"]);
    const small = within(
      within(perOrder)
        .getByRole("rowheader", { name: SMALL_ORDER.orderNumber })
        .closest("tr") as HTMLElement,
    );
    await expect(
      small.getByText("〒100-0001 東京都千代田区千代田1-1 みどりが丘メディカルビル3階"),
    ).toBeVisible();
    await expect(small.getByText("3セット")).toBeVisible();

    // Printed, everything but the list is hidden.
    const printRules = [...document.styleSheets]
      .flatMap((sheet) => [...sheet.cssRules])
      .filter((rule): rule is CSSMediaRule => rule instanceof CSSMediaRule)
      .filter((rule) => rule.conditionText === "print")
      .map((rule) => rule.cssText)
      .join("\n");
    await expect(printRules).toMatch(/body \*\s*\{\s*visibility: hidden;/);
    await expect(printRules).toMatch(/\.vendor-picking-list \*[^}]*visibility: visible;/);

    const print = window.print;
    let printed = 0;
    window.print = () => {
      printed += 1;
    };
    try {
      await userEvent.click(list.getByRole("button", { name: "印刷する" }));
      await expect(printed).toBe(1);
    } finally {
      window.print = print;
    }
    await userEvent.click(list.getByRole("button", { name: "閉じる" }));
    await waitFor(() =>
      expect(page.queryByRole("region", { name: "ピッキングリスト（2件）" })).toBeNull(),
    );
  },
};

/** A delivered order the institution confirmed: the list says when (受領確認). */
export const ReceiptConfirmedShown: Story = {
  play: async ({ canvasElement }) => {
    const page = within(canvasElement);
    await findVisible(page, "table", { name: "注文（312件）" });
    await userEvent.selectOptions(page.getByRole("combobox", { name: "状態" }), "delivered");
    const table = await findVisible(page, "table", { name: "注文（1件）" });
    await expect(within(table).getByText("受領確認済み（2026年12月8日（火）15:10）")).toBeVisible();
    // Only orders waiting to ship can be selected.
    await expect(within(table).queryByRole("checkbox")).toBeNull();
  },
};
