import { ORDER_STATUSES, type OrderStatus } from "@sos/domain";
import type { Meta, StoryObj } from "@storybook/react-vite";
import { expect } from "storybook/test";
import { OrderStatusBadge } from "./OrderStatusBadge";

const meta = {
  title: "販売業者/OrderStatusBadge",
  component: OrderStatusBadge,
  args: { status: "ordered" },
} satisfies Meta<typeof OrderStatusBadge>;

export default meta;
type Story = StoryObj<typeof meta>;

const LABELS: Record<OrderStatus, string> = {
  ordered: "注文済み",
  shipped: "出荷済み",
  delivered: "配達済み",
  cancelled: "キャンセル",
};

function badgeOf(label: HTMLElement): HTMLElement {
  const badge = label.closest<HTMLElement>(".sos-status");
  if (badge === null) throw new Error(`no badge around ${label.textContent}`);
  return badge;
}

export const Ordered: Story = {
  play: async ({ canvas }) => {
    const badge = badgeOf(canvas.getByText("注文済み"));
    await expect(badge).toHaveTextContent(/^注文済み$/);
    await expect(badge).toHaveAttribute("data-status", "ordered");
    // The icon is decoration only: the words are what is read.
    await expect(badge.querySelector("svg")).toHaveAttribute("aria-hidden", "true");
  },
};

/** Every status in words, each with its own icon shape and colour, never colour alone. */
export const EveryStatus: Story = {
  render: () => (
    <p style={{ display: "flex", flexWrap: "wrap", gap: "8px" }}>
      {ORDER_STATUSES.map((status) => (
        <OrderStatusBadge key={status} status={status} />
      ))}
    </p>
  ),
  play: async ({ canvas }) => {
    const badges = ORDER_STATUSES.map((status) => badgeOf(canvas.getByText(LABELS[status])));
    await expect(badges.map((badge) => badge.textContent)).toEqual(
      ORDER_STATUSES.map((status) => LABELS[status]),
    );
    const shapes = badges.map((badge) => badge.querySelector("svg")?.innerHTML ?? "");
    await expect(shapes.every((shape) => shape !== "")).toBe(true);
    await expect(new Set(shapes).size).toBe(ORDER_STATUSES.length);
    const colours = badges.map((badge) => getComputedStyle(badge).color);
    await expect(new Set(colours).size).toBe(ORDER_STATUSES.length);
  },
};

export const Cancelled: Story = {
  args: { status: "cancelled" },
  play: async ({ canvas }) => {
    const badge = badgeOf(canvas.getByText("キャンセル"));
    await expect(badge).toHaveAttribute("data-status", "cancelled");
    await expect(badge).toHaveTextContent(/^キャンセル$/);
  },
};
