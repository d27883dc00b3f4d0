import type { PurchaseFormPage, PurchasePageData, RegistrationOptions } from "../api-types";
import { SMALL_ORDER } from "./orders";
import { PRODUCT } from "./products";
import { LONG_NAME } from "./target-lists";

export const PAYMENT_METHODS: PurchaseFormPage["paymentMethods"] = [
  { value: "invoice", label: "請求書払い" },
  { value: "bank_transfer", label: "銀行振込" },
  { value: "cash_on_delivery", label: "代金引換" },
];

/** registrationOptions for a visitor who is not signed in to the institution app. */
export const ANONYMOUS_OPTIONS: RegistrationOptions = {
  paymentMethods: PAYMENT_METHODS,
  signedInInstitution: null,
};

/** The token of an emailed purchase link (/purchase/:token). */
export const TOKEN = "pl_7Qm2xK9vR4tW8yZ1aB3cD5eF";

/** みどりが丘記念病院's link: up to 4 sets, valid until Monday 10:00. */
export const PURCHASE_FORM: PurchaseFormPage = {
  kind: "form",
  institution: { name: "医療法人社団　緑風会　みどりが丘記念病院", institutionCode: "1310000123" },
  limitSets: 4,
  limitPieces: 4000,
  piecesPerSet: 1000,
  expiresAt: "2026-12-21T01:00:00.000Z",
  product: {
    name: PRODUCT.name,
    sizes: PRODUCT.sizes.map(({ size, label, stockSets }) => ({ size, label, stockSets })),
  },
  delivery: {
    name: "医療法人社団　緑風会　みどりが丘記念病院",
    postcode: "1000001",
    address: "東京都千代田区千代田1-1 みどりが丘メディカルビル3階",
    phone: "0312345678",
  },
  paymentMethods: PAYMENT_METHODS,
  defaultPaymentMethod: "bank_transfer",
};

/** The long-named hospital's link, with the week's largest limit. */
export const LARGE_PURCHASE_FORM: PurchaseFormPage = {
  ...PURCHASE_FORM,
  institution: { name: LONG_NAME, institutionCode: "1410000456" },
  limitSets: 1250,
  limitPieces: 1_250_000,
  delivery: {
    name: LONG_NAME,
    postcode: "2300012",
    address: "神奈川県横浜市鶴見区下末吉3-6-1",
    phone: "0455763000",
  },
  defaultPaymentMethod: "invoice",
};

/** The order みどりが丘記念病院 placed through its link: 2 sets of S and 1 of M. */
export const PLACED_ORDER = (({ institution: _institution, notifyEmail: _email, ...view }) => view)(
  SMALL_ORDER,
);

/** The same link opened again after the order was shipped. */
export const ORDERED_PAGE: PurchasePageData = {
  kind: "ordered",
  institution: PURCHASE_FORM.institution,
  order: {
    ...PLACED_ORDER,
    status: "shipped",
    statusLabel: "出荷済み",
    shipment: {
      carrier: "ヤマト運輸",
      trackingNumber: "451234567890",
      shippedAt: "2026-12-15T06:00:00.000Z",
      deliveredAt: null,
      receivedAt: null,
    },
  },
};
