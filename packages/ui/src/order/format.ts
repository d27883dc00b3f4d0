import { formatPostcode } from "@sos/rules";
import type { DeliveryDetails } from "./types";

/** 〒100-0001 東京都千代田区… on one line, as a label would print it. */
export function formatAddress(delivery: Pick<DeliveryDetails, "postcode" | "address">): string {
  return `〒${formatPostcode(delivery.postcode)} ${delivery.address}`;
}
