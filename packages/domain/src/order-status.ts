import { z } from "#zod";
import type { LabelMap } from "./locale";

export const ORDER_STATUSES = ["ordered", "shipped", "delivered", "cancelled"] as const;
export const OrderStatus = z.enum(ORDER_STATUSES, { error: "注文の状態が正しくありません" });
export type OrderStatus = z.infer<typeof OrderStatus>;

export const ORDER_STATUS_LABELS: LabelMap<OrderStatus> = {
  ja: { ordered: "注文済み", shipped: "出荷済み", delivered: "配達済み", cancelled: "キャンセル" },
  en: { ordered: "Ordered", shipped: "Shipped", delivered: "Delivered", cancelled: "Cancelled" },
};
