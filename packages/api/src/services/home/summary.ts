import type { Db } from "@sos/db";
import {
  type SosHandling,
  sosDeadline,
  sosHandling,
  surveyWeekOf,
  type TimeUntil,
  timeUntil,
} from "@sos/rules";
import { type SosRequestListItem, toListItem } from "../sos/views";
import type { InstitutionActor } from "../survey/actor";
import { getCurrentSurvey, type SurveyView } from "../survey/service";
import { listHomeRequests } from "./queries";

export interface HomeSummary {
  week: { weekStart: string; title: string; opensAt: Date; closesAt: Date };
  /** This week's survey (created on the spot if the weekly job has not reached it yet). */
  survey: SurveyView;
  deadline: {
    /** Wednesday 17:00 Tokyo of this survey week. */
    at: Date;
    /** Countdown from ctx.now(); overdue between 17:00 and the new week at 18:35. */
    timeLeft: TimeUntil;
    /** What a request applied right now would get: late after the deadline, and from when it is handled. */
    ifAppliedNow: Pick<SosHandling, "late" | "handleFrom">;
  };
  /**
   * The request to act on: this week's open one (reviewing or accepted) when
   * there is one, otherwise the most recently updated of this week's requests
   * and of unfiled drafts; null when there is none.
   */
  request: (SosRequestListItem & { open: boolean }) | null;
  /** The vendor's purchase link state: not part of this release. */
  purchase: null;
}

export async function homeSummary(
  db: Db,
  { now, actor }: { now: Date; actor: InstitutionActor },
): Promise<HomeSummary> {
  const week = surveyWeekOf(now);
  const [survey, requests] = await Promise.all([
    getCurrentSurvey(db, { now, actor }),
    listHomeRequests(db, actor.institutionId, week.weekStart),
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
  };
}
