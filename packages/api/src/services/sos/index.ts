export { applySosRequest } from "./apply";
export {
  OPEN_REQUEST_EXISTS_MESSAGE,
  runSystemCheck,
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
export { deleteSosRequest } from "./delete";
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
} from "./read";
