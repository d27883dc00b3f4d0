export { formatAddress } from "./format";
export { MatchStatusBadge, type MatchStatusBadgeProps } from "./MatchStatusBadge";
export { OrderStatus, type OrderStatusProps } from "./OrderStatus";
export { OrderStatusBadge, type OrderStatusBadgeProps } from "./OrderStatusBadge";
export {
  type PurchaseFieldErrors,
  type PurchaseFieldKey,
  PurchaseForm,
  type PurchaseFormProps,
} from "./PurchaseForm";
export type { PurchaseValues } from "./purchase-schema";
export {
  type RegistrationFieldErrors,
  RegistrationForm,
  type RegistrationFormProps,
} from "./RegistrationForm";
export {
  REGISTRATION_FIELDS,
  type RegistrationField,
  type RegistrationValues,
} from "./registration-schema";
export { SendProgress, type SendProgressProps, type SendProgressValue } from "./SendProgress";
export {
  type ComparedDetails,
  SideBySideDiff,
  type SideBySideDiffProps,
} from "./SideBySideDiff";
export { type SummaryItem, SummaryList } from "./SummaryList";
export type {
  DeliveryDetails,
  OrderLineView,
  OrderView,
  PaymentMethodOption,
  PurchaseSizeOption,
  ShipmentView,
} from "./types";
