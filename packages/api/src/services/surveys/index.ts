export { type InstitutionActor, institutionActor } from "./actor";
export { formatJaDate, formatJaDateTime, formatPieces, surveyWeekTitle } from "./japanese-dates";
export {
  answerSurvey,
  copyPreviousSurvey,
  getCurrentSurvey,
  getSurvey,
  listSurveys,
  NO_PREVIOUS_ANSWER_MESSAGE,
  type PreviousAnswer,
  readOnlyMessage,
  type SurveyDetail,
  type SurveyPage,
  type SurveyView,
  surveyFigures,
  toSurveyView,
} from "./service";
export {
  type CreateWeeklySurveysOptions,
  type CreateWeeklySurveysResult,
  createWeeklySurveys,
} from "./weekly-job";
