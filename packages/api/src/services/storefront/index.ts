export { formatOrderNumber, purchase } from "./purchase";
export { type PurchasePage, purchasePage } from "./purchase-page";
