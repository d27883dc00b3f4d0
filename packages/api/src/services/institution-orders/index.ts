export {
  INSTITUTION_LINK_STATE_LABELS,
  INSTITUTION_LINK_STATES,
  type InstitutionLinkState,
  type InstitutionPurchaseStatus,
  myPurchaseStatuses,
  purchaseStatusForRequest,
} from "./institution-orders";
