import type { PaymentMethodOption, PurchaseSizeOption } from "../api-types";

/** Sample data for the storefront form stories. */

export const PAYMENT_METHODS: PaymentMethodOption[] = [
  { value: "invoice", label: "請求書払い" },
  { value: "bank_transfer", label: "銀行振込" },
  { value: "cash_on_delivery", label: "代金引換" },
];

export const SIZES: PurchaseSizeOption[] = [
  { size: "SS", label: "SSサイズ", stockSets: 0 },
  { size: "S", label: "Sサイズ", stockSets: 120 },
  { size: "M", label: "Mサイズ", stockSets: 80 },
  { size: "L", label: "Lサイズ", stockSets: 1 },
];

export const DELIVERY = {
  name: "医療法人社団　緑風会　みどりが丘記念病院",
  postcode: "1000001",
  address: "東京都千代田区千代田1-1 みどりが丘メディカルビル3階",
  phone: "0312345678",
};
