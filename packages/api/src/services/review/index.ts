export { ministryActor, type ReviewActor, reviewActor } from "./actor";
export { csvRecord, csvText, neutraliseCell, UTF8_BOM, utf8WithBom } from "./csv";
export { currentRound, reviewDeadlines } from "./deadlines";
export { abilitiesFor, reviewDetail } from "./detail";
export { type Calculation, calculationOf } from "./figures";
export {
  REVIEW_HISTORY_LABELS,
  reviewHistoryLabel,
} from "./messages";
export { approveRequests, returnToPrefecture } from "./ministry";
export { markNotEligible } from "./not-eligible";
export { completePrefectureBatch } from "./prefecture-batch";
export { decidePrefectureInput, savePrefectureReview } from "./prefecture-review";
export { ministryProgress } from "./progress";
export {
  PREFECTURE_REVIEW_STATES,
  type PrefectureReviewState,
  QUEUE_SORTS,
  type QueueSort,
  queueFilterOf,
  REVIEWER_STATUSES,
  type ReviewerStatus,
  reviewQueue,
} from "./queue";
export {
  codePointLabel,
  cp932Lacks,
  encodeCp932Text,
  isCp932Char,
  REPLACEMENT_CHAR,
  toCp932Variants,
  unrepresentableChars,
} from "./shift-jis";
