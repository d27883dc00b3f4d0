import type { Meta, StoryObj } from "@storybook/react-vite";
import { expect, within } from "storybook/test";
import { ORDER } from "./fixtures";
import { OrderStatus } from "./OrderStatus";

const meta = {
  title: "販売業者/OrderStatus",
  component: OrderStatus,
  args: { order: ORDER },
  decorators: [
    (Story) => (
      <div style={{ maxWidth: "375px" }}>
        <Story />
      </div>
    ),
  ],
} satisfies Meta<typeof OrderStatus>;

export default meta;
type Story = StoryObj<typeof meta>;

const SHIPMENT = {
  carrier: "ヤマト運輸",
  trackingNumber: "4321-8765-0012",
  shippedAt: "2026-12-05T06:15:00.000Z",
  deliveredAt: null,
};

/** Just ordered: the number to quote, sets by size, and that shipping is being prepared. */
export const Ordered: Story = {
  play: async ({ canvas, canvasElement }) => {
    const order = canvas.getByRole("region", { name: "ご注文の内容" });
    await expect(within(order).getByText("SOS-2026-000123")).toBeVisible();
    await expect(order).toHaveTextContent("2026年12月4日（金）10:30");
    await expect(
      within(order).getByText("注文済み", { selector: ".sos-status span" }),
    ).toBeVisible();
    const steps = within(order).getByRole("list", { name: "配送の状況" });
    const current = within(steps)
      .getAllByRole("listitem")
      .filter((step) => step.getAttribute("aria-current") === "step");
    await expect(current.map((step) => step.textContent)).toEqual(["✓注文済み"]);
    const lines = within(order).getByRole("table", { name: "サイズごとのセット数" });
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
    await expect(order).toHaveTextContent("出荷の準備中です");
    await expect(order).toHaveTextContent("〒100-0001");
    await expect(order).toHaveTextContent("03-1234-5678");
    await expect(canvasElement.scrollWidth).toBeLessThanOrEqual(canvasElement.clientWidth);
  },
};

export const Shipped: Story = {
  args: { order: { ...ORDER, status: "shipped", shipment: SHIPMENT } },
  play: async ({ canvas }) => {
    const order = canvas.getByRole("region", { name: "ご注文の内容" });
    await expect(
      within(order).getByText("出荷済み", { selector: ".sos-status span" }),
    ).toBeVisible();
    await expect(order).toHaveTextContent("配送業者ヤマト運輸");
    await expect(order).toHaveTextContent("お問い合わせ伝票番号4321-8765-0012");
    // A listed carrier: the number opens its tracking page.
    await expect(
      within(order).getByRole("link", { name: /^4321-8765-0012\s?（ヤマト運輸の配送状況/ }),
    ).toHaveAttribute(
      "href",
      "https://toi.kuronekoyamato.co.jp/cgi-bin/tneko?number00=1&number01=432187650012",
    );
    await expect(order).toHaveTextContent("出荷日時2026年12月5日（土）15:15");
    await expect(order).toHaveTextContent("配達日時配達待ち");
    const current = within(order)
      .getAllByRole("listitem")
      .find((step) => step.getAttribute("aria-current") === "step");
    await expect(current).toHaveTextContent("出荷済み");
  },
};

export const Delivered: Story = {
  args: {
    order: {
      ...ORDER,
      status: "delivered",
      shipment: { ...SHIPMENT, deliveredAt: "2026-12-06T02:00:00.000Z" },
    },
  },
  play: async ({ canvas }) => {
    const order = canvas.getByRole("region", { name: "ご注文の内容" });
    await expect(
      within(order).getByText("配達済み", { selector: ".sos-status span" }),
    ).toBeVisible();
    await expect(order).toHaveTextContent("配達日時2026年12月6日（日）11:00");
    // No step left undone.
    await expect(order).not.toHaveTextContent("（未）");
  },
};

export const Cancelled: Story = {
  args: { order: { ...ORDER, status: "cancelled" } },
  play: async ({ canvas }) => {
    const order = canvas.getByRole("region", { name: "ご注文の内容" });
    await expect(
      within(order).getByText("キャンセル", { selector: ".sos-status span" }),
    ).toBeVisible();
    await expect(within(order).queryByRole("list", { name: "配送の状況" })).toBeNull();
    await expect(order).toHaveTextContent("この注文はキャンセルされました");
  },
};

/** A long facility name and address wrap inside a phone's width. */
export const LongJapaneseText: Story = {
  args: {
    order: {
      ...ORDER,
      delivery: {
        ...ORDER.delivery,
        name: "社会医療法人財団　みどりが丘記念会　みどりが丘総合医療センター附属在宅医療支援診療所　物品管理課",
        address:
          "北海道札幌市中央区北一条西二丁目一番地一　札幌みどりが丘メディカルスクエア東館地下二階　物品搬入口（平日９時〜１７時）",
      },
    },
  },
  play: async ({ canvasElement }) => {
    await expect(canvasElement.scrollWidth).toBeLessThanOrEqual(canvasElement.clientWidth);
  },
};

/** A carrier typed as free text before the list existed: shown as written, no link. */
export const ShippedLegacyCarrier: Story = {
  args: {
    order: {
      ...ORDER,
      status: "shipped",
      shipment: { ...SHIPMENT, carrier: "自社便（新宿営業所）" },
    },
  },
  play: async ({ canvas }) => {
    const order = canvas.getByRole("region", { name: "ご注文の内容" });
    await expect(order).toHaveTextContent("配送業者自社便（新宿営業所）");
    await expect(order).toHaveTextContent("お問い合わせ伝票番号4321-8765-0012");
    await expect(within(order).queryByRole("link", { name: /4321-8765-0012/ })).toBeNull();
  },
};
