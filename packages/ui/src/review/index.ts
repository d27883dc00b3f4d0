export { AuditTrail, type AuditTrailProps } from "./AuditTrail";
export {
  BatchApproveBar,
  type BatchApproveBarProps,
  type BatchApproveItem,
  batchItemsOf,
} from "./BatchApproveBar";
export { ConfirmDialog, type ConfirmDialogProps } from "./ConfirmDialog";
export { ConflictAlert, type ConflictAlertProps } from "./ConflictAlert";
export {
  CsvDownloadPanel,
  type CsvDownloadPanelProps,
  type CsvEncodingChoice,
  REPLACEMENT_CHAR,
} from "./CsvDownloadPanel";
export {
  approvalSetsOf,
  formatWeeksOfCover,
  pageRangeText,
} from "./format";
export {
  type MinistryDecisionFieldErrors,
  MinistryDecisionForm,
  type MinistryDecisionFormProps,
} from "./MinistryDecisionForm";
export { CONFLICT_MESSAGE } from "./messages";
export type { MinistryApprovalValues } from "./ministry-decision-schema";
export { NotEligibleDialog, type NotEligibleDialogProps } from "./NotEligibleDialog";
export { PrefectureDeadline, type PrefectureDeadlineProps } from "./PrefectureDeadline";
export {
  type PrefectureInput,
  PrefectureInputFacts,
  type PrefectureInputFactsProps,
} from "./PrefectureInputFacts";
export {
  type PrefectureReviewFieldErrors,
  PrefectureReviewForm,
  type PrefectureReviewFormProps,
  type PrefectureReviewInitialValues,
} from "./PrefectureReviewForm";
export { ProgressSummary, type ProgressSummaryProps } from "./ProgressSummary";
export type { PrefectureReviewValues } from "./prefecture-review-schema";
export { ReasonDialog, type ReasonDialogProps } from "./ReasonDialog";
export { ReviewQueueFilterBar, type ReviewQueueFilterBarProps } from "./ReviewQueueFilterBar";
export { ReviewQueuePagination, type ReviewQueuePaginationProps } from "./ReviewQueuePagination";
export {
  isApprovable,
  ReviewQueueTable,
  type ReviewQueueTableProps,
} from "./ReviewQueueTable";
export {
  type AuditTrailEntry,
  REVIEW_HISTORY_FIELD_LABELS,
  reviewHistoryChanges,
} from "./review-history";
export {
  type SanctionFieldErrors,
  SanctionForm,
  type SanctionFormProps,
  type SanctionFormValues,
} from "./SanctionForm";
export { SANCTION_STATE_LABELS, SanctionList, type SanctionListProps } from "./SanctionList";
export { MAX_SETS, parseSets } from "./sets";
export { batchName, TargetBatchList, type TargetBatchListProps } from "./TargetBatchList";
export {
  DEFAULT_REVIEW_QUEUE_FILTERS,
  type PersonRef,
  type PrefectureOption,
  type PrefectureProgress,
  type PrefectureReviewState,
  type ProgressCounts,
  type ReviewQueueFilters,
  type ReviewQueueRow,
  type ReviewQueueSort,
  type ReviewQueueSortKey,
  type ReviewQueueStatus,
  type SanctionRecord,
  type SanctionState,
  type SortDirection,
  type TargetBatchSummary,
  type UnrepresentableChar,
} from "./types";
