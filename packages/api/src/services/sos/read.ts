import type { Db } from "@sos/db";
import { findInstitution } from "@sos/db/repositories/institution";
import {
  findRequest,
  findReviewOutcome,
  type ListPosition,
  listActive,
  listAll,
  listHistory,
  listRecent,
  recordView,
  type SosListRow,
} from "@sos/db/repositories/sos-request";
import { findSurveyFigures } from "@sos/db/repositories/survey";
import { findUserName } from "@sos/db/repositories/user";
import { ACTIVE_DAYS } from "@sos/rules";
import { DomainError } from "../../errors";
import type {
  SosHistoryEntry,
  SosListView,
  SosRequestDetail,
  SosRequestPage,
} from "../../schemas/sos";
import type { InstitutionActor } from "../survey/actor";
import { surveyFigures } from "../survey/service";
import { INSTITUTION_VISIBLE_ACTIONS, INVALID_CURSOR_MESSAGE } from "./messages";
import {
  errorReasonsOf,
  latestOnBehalf,
  requestAbilities,
  requestDeadline,
  toCheckView,
  toDecision,
  toHistoryEntry,
  toListItem,
} from "./views";

const DAY_MS = 24 * 60 * 60 * 1000;

/** The start of 実施中: ACTIVE_DAYS back from now (rules.isActive). */
function activeSince(now: Date): Date {
  return new Date(now.getTime() - ACTIVE_DAYS * DAY_MS);
}

/** Reviewers appear by role only, and their internal notes and reasons are not shown. */
function forInstitution(
  row: Parameters<typeof toHistoryEntry>[0],
  institutionName: string,
): SosHistoryEntry {
  const entry = toHistoryEntry(row, institutionName);
  if (row.actorRole !== "prefecture" && row.actorRole !== "ministry") return entry;
  return { ...entry, actor: null, changes: {} };
}

/** The request page's data, without counting it as viewed (the commands return it too). */
export async function loadRequestDetail(
  db: Db,
  { actor, id }: { actor: InstitutionActor; id: string },
): Promise<SosRequestDetail> {
  const row = await findRequest(db, actor.institutionId, id);
  if (!row) throw new DomainError("NOT_FOUND");
  const [institution, createdByName, history, survey, outcome] = await Promise.all([
    findInstitution(db, row.institutionId),
    findUserName(db, row.createdBy),
    listHistory(db, row.id),
    row.surveyId === null
      ? Promise.resolve(undefined)
      : findSurveyFigures(db, row.institutionId, row.surveyId),
    findReviewOutcome(db, row.id),
  ]);
  if (!institution) throw new DomainError("NOT_FOUND");
  const shown = history
    .filter((h) => INSTITUTION_VISIBLE_ACTIONS.has(h.action))
    .map((h) => forInstitution(h, institution.name));
  return {
    ...toListItem(row),
    contactPhone: row.contactPhone,
    notes: row.notes,
    conditionsConfirmed: true,
    surveyId: row.surveyId,
    closedReason: row.closedReason,
    errorReasons: errorReasonsOf(row),
    deadline: requestDeadline(row.weekStart),
    createdBy: { id: row.createdBy, displayName: createdByName ?? "" },
    ...requestAbilities(row.status),
    institution,
    history: shown,
    onBehalf: latestOnBehalf(shown),
    check: toCheckView(
      row,
      survey ? { weekStart: survey.weekStart, figures: surveyFigures(survey) } : null,
    ),
    decision: toDecision(row, outcome),
  };
}

/** Opens a request: its page, and a place at the top of this user's 「最近参照したデータ」. */
export async function getSosRequest(
  db: Db,
  { now, actor, id }: { now: Date; actor: InstitutionActor; id: string },
): Promise<SosRequestDetail> {
  const detail = await loadRequestDetail(db, { actor, id });
  await recordView(db, actor.userId, id, now);
  return detail;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
// What Postgres prints for a timestamptz (DateStyle ISO): "2026-11-25 09:35:00.123456+00".
const PG_TIMESTAMP = /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}(\.\d{1,6})?[+-]\d{2}(:\d{2}){0,2}$/;

export function encodeCursor(view: SosListView, position: ListPosition): string {
  return Buffer.from(JSON.stringify([view, position.key, position.id])).toString("base64url");
}

/** A cursor is only good for the view it came from; anything else is refused before SQL sees it. */
export function decodeCursor(view: SosListView, cursor: string): ListPosition {
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(cursor, "base64url").toString("utf8"));
  } catch {
    parsed = null;
  }
  if (
    Array.isArray(parsed) &&
    parsed.length === 3 &&
    parsed[0] === view &&
    typeof parsed[1] === "string" &&
    PG_TIMESTAMP.test(parsed[1]) &&
    typeof parsed[2] === "string" &&
    UUID.test(parsed[2])
  ) {
    return { key: parsed[1], id: parsed[2] };
  }
  throw new DomainError("INVALID_INPUT", {
    messageJa: INVALID_CURSOR_MESSAGE,
    fieldErrors: { cursor: [INVALID_CURSOR_MESSAGE] },
  });
}

export async function listSosRequests(
  db: Db,
  {
    now,
    actor,
    view,
    cursor,
    limit,
  }: {
    now: Date;
    actor: InstitutionActor;
    view: SosListView;
    cursor: string | null;
    limit: number;
  },
): Promise<SosRequestPage> {
  const after = cursor === null ? null : decodeCursor(view, cursor);
  const page = { after, limit: limit + 1 };
  let rows: SosListRow[];
  switch (view) {
    case "all":
      rows = await listAll(db, actor.institutionId, page);
      break;
    case "recent":
      rows = await listRecent(db, actor.institutionId, actor.userId, page);
      break;
    case "active":
      // Computed here rather than as now() - interval: interval arithmetic follows the session's time zone.
      rows = await listActive(db, actor.institutionId, { since: activeSince(now), now }, page);
      break;
  }
  const items = rows.slice(0, limit);
  const last = items.at(-1);
  return {
    items: items.map(toListItem),
    nextCursor:
      rows.length > limit && last ? encodeCursor(view, { key: last.sortKey, id: last.id }) : null,
  };
}
