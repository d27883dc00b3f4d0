export {
  formatJaDate,
  formatJaDateTime,
  formatNumber,
  formatPieces,
  formatSets,
  toInstant,
  tokyoClock,
} from "@sos/domain";
export { ForgotPasswordForm, type ForgotPasswordFormProps } from "./auth/ForgotPasswordForm";
export { SUBMIT_FAILED_MESSAGE } from "./auth/messages";
export {
  PASSWORD_RULE_HINT,
  ResetPasswordForm,
  type ResetPasswordFormProps,
} from "./auth/ResetPasswordForm";
export { SignedOutLayout, type SignedOutLayoutProps } from "./auth/SignedOutLayout";
export { SignInForm, type SignInFormProps } from "./auth/SignInForm";
export { Button, type ButtonProps } from "./button/Button";
export {
  BUTTON_VARIANTS,
  type ButtonSize,
  type ButtonStyleOptions,
  type ButtonVariant,
  buttonClassName,
} from "./button/button-class";
export { LinkButton, type LinkButtonProps } from "./button/LinkButton";
export { DataTable, type DataTableColumn, type DataTableProps } from "./data/DataTable";
export { StatusBadge, type StatusBadgeProps } from "./data/StatusBadge";
export {
  type StatusShape,
  StatusShapeBadge,
  type StatusShapeBadgeProps,
} from "./data/StatusShapeBadge";
export { type SummaryItem, SummaryList } from "./data/SummaryList";
export { Alert, type AlertProps } from "./feedback/Alert";
export { ConfirmDialog, type ConfirmDialogProps } from "./feedback/ConfirmDialog";
export { ErrorSummary, type ErrorSummaryProps, type FieldErrorItem } from "./feedback/ErrorSummary";
export { TONE_LABELS, type Tone } from "./feedback/icons";
export { Notice, type NoticeProps } from "./feedback/Notice";
export { Checkbox, type CheckboxProps } from "./field/Checkbox";
export { DateField, type DateFieldProps } from "./field/DateField";
export {
  type DateParts,
  datePartsOf,
  dateValueOf,
  invalidDateMessage,
  isIsoDate,
  weekdayJa,
} from "./field/date-parts";
export { type FieldChromeProps, FieldError, FieldHint, RequiredMark } from "./field/FieldParts";
export { fieldIds, joinIds, useControlId } from "./field/field-ids";
export { NumberField, type NumberFieldProps } from "./field/NumberField";
export { PasswordField, type PasswordFieldProps } from "./field/PasswordField";
export { type RadioChoice, RadioGroup, type RadioGroupProps, radioId } from "./field/RadioGroup";
export { Select, type SelectOption, type SelectProps } from "./field/Select";
export { MAX_SETS, parseSets, SETS_MESSAGES, type SetsError, setsDraft } from "./field/sets";
export { Textarea, type TextareaProps } from "./field/Textarea";
export { type FieldWidth, TextField, type TextFieldProps } from "./field/TextField";
export {
  AppShell,
  type AppShellProps,
  type AppShellUser,
  MAIN_CONTENT_ID,
  type NavItem,
  type NavLinkRenderProps,
} from "./layout/AppShell";
export { Card, type CardProps } from "./layout/Card";
export { PageHeader, type PageHeaderProps } from "./layout/PageHeader";
export { formatAddress } from "./order/format";
export {
  type OrderLineFigures,
  OrderLinesTable,
  type OrderLinesTableProps,
} from "./order/OrderLinesTable";
export { OrderStatus, type OrderStatusProps, TrackingNumber } from "./order/OrderStatus";
export { OrderStatusBadge, type OrderStatusBadgeProps } from "./order/OrderStatusBadge";
export type { DeliveryDetails, OrderLineView, OrderView, ShipmentView } from "./order/types";
export { DeadlineCountdown, type DeadlineCountdownProps } from "./scheme/DeadlineCountdown";
export {
  FIGURE_KEYS,
  FIGURE_LABELS,
  FIGURE_MARKS,
  type FigureKey,
} from "./scheme/figures";
export {
  CHECK_REASON_LABELS,
  HISTORY_FIELD_LABELS,
} from "./scheme/history-changes";
export { LiveAnnouncement, type LiveAnnouncementProps } from "./scheme/LiveAnnouncement";
export { PurchaseLimitTable, type PurchaseLimitTableProps } from "./scheme/PurchaseLimitTable";
export {
  RequestHistory,
  type RequestHistoryEntry,
  type RequestHistoryProps,
} from "./scheme/RequestHistory";
export { SelfCheckResult, type SelfCheckResultProps } from "./scheme/SelfCheckResult";
export {
  announcementText,
  ELIGIBLE_TEXT,
  NOT_ELIGIBLE_TEXT,
  PENDING_TEXT,
} from "./scheme/self-check-text";
