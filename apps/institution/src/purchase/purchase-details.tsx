import type { PurchaseStatus } from "../api-types";
import { OrderSummary } from "./order-summary";
import { PurchaseStep } from "./purchase-step";

/** The order and its shipping once bought; before that, the step the purchase is at. */
export function PurchaseDetails({ status }: { status: PurchaseStatus }) {
  return status.order === null ? (
    <PurchaseStep status={status} />
  ) : (
    <OrderSummary order={status.order} />
  );
}
