import type { SosListItem, SosRequestDetail } from "../api-types";
import { EARLIER_WEEKS, LAST_WEEK, THIS_WEEK } from "./fixtures";
import {
  ACCEPTED_REQUEST,
  DRAFT_REQUEST,
  ERROR_REQUEST,
  LATE_REVIEWING_REQUEST,
  NOT_ELIGIBLE_REQUEST,
  WITHDRAWN_REQUEST,
} from "./requests";

/** The row of sos.list (and home.summary's request) for a request. */
export function listItem(detail: SosRequestDetail, viewedAt: string | null = null): SosListItem {
  return {
    id: detail.id,
    status: detail.status,
    statusLabel: detail.statusLabel,
    reviewStage: detail.reviewStage,
    weekStart: detail.weekStart,
    weekTitle: detail.weekTitle,
    appliedAt: detail.appliedAt,
    late: detail.late,
    handleFrom: detail.handleFrom,
    lateNote: detail.lateNote,
    contactName: detail.contactName,
    createdAt: detail.createdAt,
    updatedAt: detail.updatedAt,
    version: detail.version,
    viewedAt,
  };
}

/** The same request moved to another week, as an older row of the list. */
function inWeek(
  detail: SosRequestDetail,
  n: number,
  week: { weekStart: string; title: string },
  createdAt: string,
  contactName = "山田 花子",
): SosRequestDetail {
  return {
    ...detail,
    id: `9f8e7d6c-5b4a-4c3d-8e2f-1a0b9c8d7e${String(n).padStart(2, "0")}`,
    weekStart: week.weekStart,
    weekTitle: week.title,
    createdAt,
    appliedAt: detail.appliedAt === null ? null : createdAt.replace(/:00\.000Z$/, ":12.000Z"),
    contactName,
  };
}

/** Last week's accepted request, whose purchase is still being followed. */
export const LAST_WEEK_ACCEPTED = inWeek(
  ACCEPTED_REQUEST,
  2,
  LAST_WEEK,
  "2026-11-12T00:20:00.000Z",
  "佐藤 一郎",
);

/** One row of each status, as sos.list gives them. */
export const ROWS = {
  late: listItem(LATE_REVIEWING_REQUEST),
  draft: listItem(inWeek(DRAFT_REQUEST, 3, THIS_WEEK, "2026-11-25T08:10:00.000Z")),
  accepted: listItem(LAST_WEEK_ACCEPTED),
  withdrawn: listItem(
    inWeek(WITHDRAWN_REQUEST, 4, EARLIER_WEEKS[0], "2026-11-05T01:00:00.000Z", "佐藤 一郎"),
  ),
  notEligible: listItem(
    inWeek(NOT_ELIGIBLE_REQUEST, 5, EARLIER_WEEKS[1], "2026-10-29T02:30:00.000Z"),
  ),
  error: listItem(inWeek(ERROR_REQUEST, 6, EARLIER_WEEKS[2], "2026-10-22T03:45:00.000Z")),
};

/** Newest first: this week's late one on top. */
export const REQUEST_HISTORY: SosListItem[] = [
  ROWS.late,
  ROWS.draft,
  ROWS.accepted,
  ROWS.withdrawn,
  ROWS.notEligible,
  ROWS.error,
];
