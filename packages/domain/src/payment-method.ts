import { z } from "#zod";
import type { LabelMap } from "./locale";

export const PAYMENT_METHODS = ["invoice", "bank_transfer", "cash_on_delivery"] as const;
export const PaymentMethod = z.enum(PAYMENT_METHODS, { error: "お支払い方法を選択してください" });
export type PaymentMethod = z.infer<typeof PaymentMethod>;

export const PAYMENT_METHOD_LABELS: LabelMap<PaymentMethod> = {
  ja: { invoice: "請求書払い", bank_transfer: "銀行振込", cash_on_delivery: "代金引換" },
  en: { invoice: "Invoice", bank_transfer: "Bank transfer", cash_on_delivery: "Cash on delivery" },
};
