import type { Db } from "@sos/db";
import { listHomeRequests } from "@sos/db/repositories/sos-request";
import { sosDeadline, sosHandling, surveyWeekOf, timeUntil } from "@sos/rules";
import type { HomeSummary } from "../../schemas/home";
import { toListItem } from "../sos/views";
import type { InstitutionActor } from "../survey/actor";
import { getCurrentSurvey } from "../survey/service";
import { homeForecast } from "./forecast";

export async function homeSummary(
  db: Db,
  { now, actor }: { now: Date; actor: InstitutionActor },
): Promise<HomeSummary> {
  const week = surveyWeekOf(now);
  const [survey, requests, forecast] = await Promise.all([
    getCurrentSurvey(db, { now, actor }),
    listHomeRequests(db, actor.institutionId, week.weekStart),
    homeForecast(db, actor.institutionId, week.weekStart),
  ]);
  const deadline = sosDeadline(now);
  const handling = sosHandling(now);
  const open = requests.find((row) => row.status === "reviewing" || row.status === "accepted");
  const chosen = open ?? requests[0];
  const { previous: _previous, readOnlyReason: _readOnly, ...surveyView } = survey;
  return {
    week: {
      weekStart: week.weekStart,
      title: survey.title,
      opensAt: week.opensAt,
      closesAt: week.closesAt,
    },
    survey: surveyView,
    deadline: {
      at: deadline,
      timeLeft: timeUntil(deadline, now),
      ifAppliedNow: { late: handling.late, handleFrom: handling.handleFrom },
    },
    request: chosen ? { ...toListItem(chosen), open: chosen === open } : null,
    purchase: null,
    forecast,
  };
}
