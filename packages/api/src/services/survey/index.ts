export { type InstitutionActor, institutionActor } from "./actor";
export {
  type AdmissionGate,
  type AdmissionOptions,
  answerGateOf,
  createAdmissionGate,
  DEFAULT_ANSWER_ADMISSION,
} from "./admission";
export { type AnswerSource, saveSurveyAnswer } from "./answer";
export {
  getCurrentSurvey,
  getSurvey,
  listSurveys,
  NO_PREVIOUS_ANSWER_MESSAGE,
  readOnlyMessage,
  surveyFigures,
  toSurveyView,
} from "./service";
export {
  type CreateWeeklySurveysOptions,
  type CreateWeeklySurveysResult,
  createWeeklySurveys,
} from "./weekly-job";
