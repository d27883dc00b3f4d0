export {
  INSTITUTION_LINK_STATE_LABELS,
  type InstitutionPurchaseStatus,
  myPurchaseStatuses,
  purchaseStatusForRequest,
} from "./institution-orders";
export { confirmReceipt, RECEIPT_REFUSALS } from "./receipt";
