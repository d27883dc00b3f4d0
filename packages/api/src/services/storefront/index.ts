export { formatOrderNumber, type PurchasePage, purchase, purchasePage } from "./storefront";
