import { assessEligibility, type SurveyFigures } from "@sos/rules";
import type { SurveyDetail, SurveyListItem } from "../api-types";
import { COLLEAGUE, EARLIER_WEEKS, LAST_WEEK, STAFF, THIS_WEEK } from "./fixtures";

export const THIS_WEEK_SURVEY_ID = "7c9e6679-7425-40de-944b-e07fc1f90ae7";
export const LAST_WEEK_SURVEY_ID = "7c9e6679-7425-40de-944b-e07fc1f90ae6";

/** The manual's worked example: (1,000 − 400) × 4 = 2,400 > 2,000, so eligible, 2 sets. */
export const ELIGIBLE_FIGURES = { stock: 2000, consumption: 1000, purchases: 400 };
/** The same use with more stock: 3,000 is not below 2,400. */
export const NOT_ELIGIBLE_FIGURES = { stock: 3000, consumption: 1000, purchases: 400 };
/** A large hospital group: eligible for 1,250 sets (1,250,000 pieces). */
export const LARGE_FIGURES = { stock: 1_800_000, consumption: 625_000, purchases: 100_000 };

const LAST_WEEK_FIGURES = { stock: 2400, consumption: 1000, purchases: 500 };

/** 受付番号 as the server issues them: the survey week, then a sequence value. */
export function receiptNumber(weekStart: string, sequence: number): string {
  return `${weekStart.replaceAll("-", "")}-${String(sequence).padStart(7, "0")}`;
}

function answered(
  figures: SurveyFigures,
  answeredAt: string,
  receipt: { weekStart: string; sequence: number },
  by = STAFF,
) {
  return {
    status: "answered" as const,
    statusLabel: "回答済み",
    ...figures,
    answeredAt,
    answeredBy: by,
    updatedAt: answeredAt,
    assessment: assessEligibility(figures),
    latestReceipt: {
      number: receiptNumber(receipt.weekStart, receipt.sequence),
      acceptedAt: answeredAt,
    },
  };
}

const UNANSWERED = {
  status: "unanswered" as const,
  statusLabel: "未回答",
  stock: null,
  consumption: null,
  purchases: null,
  answeredAt: null,
  answeredBy: null,
  assessment: null,
  latestReceipt: null,
};

/** This week's survey, not answered yet; last week's answer can be copied. */
export const CURRENT_UNANSWERED: SurveyDetail = {
  id: THIS_WEEK_SURVEY_ID,
  weekStart: THIS_WEEK.weekStart,
  title: THIS_WEEK.title,
  ...UNANSWERED,
  createdAt: THIS_WEEK.opensAt,
  updatedAt: THIS_WEEK.opensAt,
  isCurrent: true,
  editable: true,
  readOnlyReason: null,
  previous: {
    id: LAST_WEEK_SURVEY_ID,
    weekStart: LAST_WEEK.weekStart,
    title: LAST_WEEK.title,
    ...LAST_WEEK_FIGURES,
  },
};

/** This week's survey answered on Thursday morning with the manual's eligible figures. */
export function currentAnswered(figures: SurveyFigures = ELIGIBLE_FIGURES): SurveyDetail {
  return {
    ...CURRENT_UNANSWERED,
    ...answered(figures, "2026-11-19T01:15:00.000Z", {
      weekStart: THIS_WEEK.weekStart,
      sequence: 123,
    }),
  };
}

/** Last week's answer: the week is over, so it is read-only. */
export const LAST_WEEK_ANSWERED: SurveyDetail = {
  id: LAST_WEEK_SURVEY_ID,
  weekStart: LAST_WEEK.weekStart,
  title: LAST_WEEK.title,
  ...answered(
    LAST_WEEK_FIGURES,
    "2026-11-12T00:30:00.000Z",
    { weekStart: LAST_WEEK.weekStart, sequence: 98 },
    COLLEAGUE,
  ),
  createdAt: LAST_WEEK.opensAt,
  isCurrent: false,
  editable: false,
  readOnlyReason: `この週次調査（${LAST_WEEK.title}）は回答期間が終わったため、編集できません。今週の週次調査に回答してください。`,
  previous: null,
};

/** What survey.list and home.summary carry: the detail without the form's extras. */
export function surveyView({ readOnlyReason, previous, ...view }: SurveyDetail): SurveyListItem {
  return view;
}

function earlierWeek(index: 0 | 1 | 2, answeredAt: string | null): SurveyListItem {
  const week = EARLIER_WEEKS[index];
  const figures = { stock: 3000 - index * 200, consumption: 900, purchases: 600 };
  return {
    id: `7c9e6679-7425-40de-944b-e07fc1f90ae${index + 3}`,
    weekStart: week.weekStart,
    title: week.title,
    ...(answeredAt === null
      ? UNANSWERED
      : answered(figures, answeredAt, { weekStart: week.weekStart, sequence: 40 - index })),
    createdAt: `${week.weekStart}T09:35:00.000Z`,
    updatedAt: answeredAt ?? `${week.weekStart}T09:35:00.000Z`,
    isCurrent: false,
    editable: false,
  };
}

/** Five weeks, newest first: this week unanswered, one old week never answered. */
export const SURVEY_HISTORY: SurveyListItem[] = [
  surveyView(CURRENT_UNANSWERED),
  surveyView(LAST_WEEK_ANSWERED),
  earlierWeek(0, "2026-11-05T02:10:00.000Z"),
  earlierWeek(1, null),
  earlierWeek(2, "2026-10-22T06:45:00.000Z"),
];
