export { type ApplyResult, applySosRequest } from "./apply";
export {
  OPEN_REQUEST_EXISTS_MESSAGE,
  runSystemCheck,
  SOS_CHECK_CODES,
  type SosCheckCode,
  type SosCheckReason,
  type SystemCheckFacts,
  type SystemCheckResult,
  sanctionedMessage,
  surveyNotEligibleMessage,
  surveyUnansweredMessage,
} from "./check";
export {
  createSosRequest,
  type MailConfig,
  type SosRequestForm,
  updateSosRequest,
  withdrawSosRequest,
} from "./commands";
export {
  HISTORY_ACTION_LABELS,
  NOT_APPLICABLE_MESSAGES,
  NOT_EDITABLE_MESSAGES,
  NOT_WITHDRAWABLE_MESSAGES,
} from "./messages";
export { appliedMail, reviewLink, withdrawnMail } from "./officer-mail";
export {
  getSosRequest,
  listSosRequests,
  loadRequestDetail,
  SOS_LIST_VIEWS,
  type SosListView,
  type SosRequestPage,
} from "./read";
export type {
  SosCheckView,
  SosDecision,
  SosHistoryEntry,
  SosRequestDetail,
  SosRequestListItem,
} from "./views";
