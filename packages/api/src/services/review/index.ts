export { ministryActor, type ReviewActor, reviewActor } from "./actor";
export { csvRecord, csvText, neutraliseCell, UTF8_BOM, utf8WithBom } from "./csv";
export { currentRound, type ReviewDeadlines, type ReviewRound, reviewDeadlines } from "./deadlines";
export {
  abilitiesFor,
  type Person,
  type ReviewAbilities,
  type ReviewDetail,
  reviewDetail,
} from "./detail";
export { type Calculation, calculationOf } from "./figures";
export {
  REVIEW_HISTORY_LABELS,
  reviewHistoryLabel,
} from "./messages";
export {
  type ApprovedRequest,
  type ApproveItem,
  approveRequests,
  returnToPrefecture,
} from "./ministry";
export { markNotEligible, type NotEligibleResult } from "./not-eligible";
export {
  decidePrefectureInput,
  type PrefectureReviewInput,
  savePrefectureReview,
} from "./prefecture-review";
export {
  type MinistryProgress,
  ministryProgress,
  type PrefectureProgress,
  type ProgressCounts,
} from "./progress";
export { PUBLICATION_CSV_HEADER, type PublicationCsv, publicationCsv } from "./publication";
export {
  PREFECTURE_REVIEW_STATES,
  type PrefectureReviewState,
  QUEUE_SORTS,
  type QueuePage,
  type QueueQuery,
  type QueueRow,
  type QueueSort,
  REVIEWER_STATUSES,
  type ReviewerStatus,
  reviewQueue,
} from "./queue";
export {
  ALREADY_LIFTED_MESSAGE,
  createSanction,
  INSTITUTION_NOT_FOUND_MESSAGE,
  liftSanction,
  listSanctions,
  SANCTION_STATES,
  type SanctionState,
  type SanctionView,
} from "./sanctions";
export {
  codePointLabel,
  cp932Lacks,
  encodeCp932Text,
  isCp932Char,
  REPLACEMENT_CHAR,
  toCp932Variants,
  unrepresentableChars,
} from "./shift-jis";
export {
  findTargetBatch,
  finishTargetBatch,
  getTargetBatch,
  issueTargetList,
  listTargetBatches,
  type PendingHandOver,
  pendingHandOver,
  type TargetBatchDetail,
  type TargetBatchSummary,
  type TargetItemView,
  targetBatchItems,
} from "./target-list";
export { type Cp932Check, computeCp932Check, cp932CheckOf } from "./target-list-check";
export {
  CSV_ENCODINGS,
  type CsvDownload,
  type CsvEncoding,
  type CsvFile,
  openTargetListCsv,
  TARGET_LIST_CSV_HEADER,
  type TargetListColumn,
  targetListCsv,
  targetListCsvCheck,
  type UnrepresentableChar,
} from "./target-list-csv";
