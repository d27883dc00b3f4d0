import type { HomeSummary, SosRequestDetail, SurveyDetail } from "../api-types";
import { LATE_HANDLE_FROM, THIS_WEEK } from "./fixtures";
import { listItem } from "./request-list";
import { CURRENT_UNANSWERED, surveyView } from "./surveys";

const OPEN: ReadonlySet<string> = new Set(["reviewing", "accepted"]);

export interface HomeSummaryOptions {
  survey?: SurveyDetail;
  request?: SosRequestDetail | null;
  late?: boolean;
  forecast?: HomeSummary["forecast"];
}

/**
 * home.summary for this week: the survey, this week's request if any, and whether a
 * request filed now is late (after Wednesday 17:00, handled from Thursday).
 */
export function homeSummary({
  survey = CURRENT_UNANSWERED,
  request = null,
  late = false,
  forecast = null,
}: HomeSummaryOptions = {}): HomeSummary {
  return {
    week: {
      weekStart: THIS_WEEK.weekStart,
      title: THIS_WEEK.title,
      opensAt: THIS_WEEK.opensAt,
      closesAt: THIS_WEEK.closesAt,
    },
    survey: surveyView(survey),
    deadline: {
      at: THIS_WEEK.deadline,
      timeLeft: late
        ? { days: 0, hours: 0, minutes: 0, overdue: true }
        : { days: 0, hours: 6, minutes: 30, overdue: false },
      ifAppliedNow: { late, handleFrom: late ? LATE_HANDLE_FROM : "2026-11-25" },
    },
    request: request && { ...listItem(request), open: OPEN.has(request.status) },
    purchase: null,
    forecast,
  };
}
