import { fieldErrorsOf } from "@sos/web";
import type { PurchaseFieldErrors, PurchaseFieldKey } from "./purchase-form";
import type { PurchaseValues } from "./purchase-schema";

const DELIVERY_KEYS: Readonly<Record<string, PurchaseFieldKey>> = {
  "delivery.name": "deliveryName",
  "delivery.postcode": "deliveryPostcode",
  "delivery.address": "deliveryAddress",
  "delivery.phone": "deliveryPhone",
  paymentMethod: "paymentMethod",
  lines: "sets.total",
};

const LINE = /^lines\.(\d+)\.sets$/;

/**
 * The server names fields by the request's shape (lines.1.sets, delivery.postcode);
 * the form by its own (sets.M, deliveryPostcode). A line is found through the lines
 * that were sent.
 */
export function purchaseFieldErrors(error: unknown, sent: PurchaseValues): PurchaseFieldErrors {
  const errors: PurchaseFieldErrors = {};
  for (const [key, messages] of Object.entries(fieldErrorsOf(error))) {
    const message = messages[0];
    if (!message) continue;
    const line = LINE.exec(key);
    const size = line?.[1] === undefined ? undefined : sent.lines[Number(line[1])]?.size;
    const field = size === undefined ? DELIVERY_KEYS[key] : (`sets.${size}` as const);
    if (field !== undefined) errors[field] = message;
  }
  return errors;
}
