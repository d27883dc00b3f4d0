export { type VendorActor, vendorActor } from "./actor";
export {
  getVendorBatch,
  getVendorItem,
  listVendorBatches,
  type VendorBatchDetail,
  type VendorBatchFilter,
  type VendorBatchSummary,
  type VendorItemView,
} from "./batches";
export { type ShipItem, shipOrders } from "./bulk-ship";
export {
  type ImportResult,
  type ImportRowResult,
  importRegistrations,
} from "./import-registrations";
export { latestRunOfBatch, type RunProgress, runProgress, sendPurchaseLinks } from "./link-runs";
export { reissueLink, revokeLink, SKIP_REASON_LABELS } from "./links";
export { purchaseUrl, registrationConfirmUrl, registrationUrl } from "./mails";
export type { OrderView } from "./order-view";
export {
  listVendorOrders,
  markDelivered,
  markShipped,
  type PickingTotals,
  pickingTotals,
  type VendorOrderPage,
  type VendorOrderView,
} from "./orders";
export { addSize, createProduct, listProducts, type ProductView, updateStock } from "./products";
export { REGISTRATION_THROTTLE, registrationThrottleKey } from "./register-throttle";
export {
  CONFIRMATION_MAILS_PER_CODE_PER_DAY,
  type ConfirmationPage,
  type ConfirmedRegistration,
  confirmationPage,
  confirmRegistration,
  REGISTRATION_CONFIRMATION_TTL_MS,
} from "./registration-confirmation";
export {
  IMPORT_COLUMN_LABELS,
  IMPORT_COLUMNS,
  IMPORT_ENCODINGS,
  type ImportEncoding,
  MAX_IMPORT_ROWS,
} from "./registration-csv";
export type { RegistrationView } from "./registration-view";
export {
  listRegistrations,
  type RegistrationOutcome,
  type RegistrationPage,
  registerFacility,
  type SignedInInstitution,
  signedInInstitutionOf,
  updateRegistration,
} from "./registrations";
export { type ReminderResult, remindUnregistered } from "./reminders";
export { DEFAULT_PURCHASE_LINK_TTL_DAYS, paymentMethodsOf, purchaseLinkExpiry } from "./settings";
