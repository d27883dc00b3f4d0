import type { Db } from "@sos/db";
import { appendAudit } from "@sos/db";
import { SURVEY_STATUS_LABELS, type SurveyStatus } from "@sos/domain";
import { type Assessment, assessEligibility, type SurveyFigures, surveyWeekOf } from "@sos/rules";
import { DomainError } from "../../errors";
import type { InstitutionActor } from "./actor";
import { surveyWeekTitle } from "./japanese-dates";
import {
  ensureSurvey,
  findSurvey,
  findSurveyOfWeek,
  latestAnsweredBefore,
  listSurveyRecords,
  lockSurvey,
  type SurveyRecord,
  type SurveyRow,
  saveSurveyFigures,
} from "./queries";

export interface SurveyView {
  id: string;
  weekStart: string;
  /** 「2026年11月25日（水）〜12月2日（水）週」 */
  title: string;
  status: SurveyStatus;
  /** 未回答 / 回答済み */
  statusLabel: string;
  stock: number | null;
  consumption: number | null;
  purchases: number | null;
  answeredAt: Date | null;
  answeredBy: { id: string; displayName: string } | null;
  createdAt: Date;
  updatedAt: Date;
  /** The week open now (from Wednesday 18:35 to the next). */
  isCurrent: boolean;
  /** Only the current week's survey can be answered or edited. */
  editable: boolean;
  /** The self-check on the saved figures; null until answered. */
  assessment: Assessment | null;
}

export interface PreviousAnswer {
  id: string;
  weekStart: string;
  title: string;
  stock: number;
  consumption: number;
  purchases: number;
}

export interface SurveyDetail extends SurveyView {
  /** Why it cannot be edited, ready to show; null when editable. */
  readOnlyReason: string | null;
  /** The latest earlier answer (what 「前回の回答をコピー」 copies); null when there is none. */
  previous: PreviousAnswer | null;
}

export interface SurveyPage {
  items: SurveyView[];
  /** Pass back as `cursor` for the next (older) page; null on the last page. */
  nextCursor: string | null;
}

/** The three figures, or null while any is missing (the table keeps them all-or-none). */
export function surveyFigures(
  row: Pick<SurveyRow, "stock" | "consumption" | "purchases">,
): SurveyFigures | null {
  const { stock, consumption, purchases } = row;
  if (stock === null || consumption === null || purchases === null) return null;
  return { stock, consumption, purchases };
}

export function readOnlyMessage(weekStart: string): string {
  return `この週次調査（${surveyWeekTitle(weekStart)}）は回答期間が終わったため、編集できません。今週の週次調査に回答してください。`;
}

export const NO_PREVIOUS_ANSWER_MESSAGE =
  "コピーできる過去の回答がありません。在庫量・1週間の想定消費量・1週間の購入見込み量を入力してください。";

export function toSurveyView(record: SurveyRecord, now: Date): SurveyView {
  const isCurrent = record.weekStart === surveyWeekOf(now).weekStart;
  const figures = surveyFigures(record);
  const status: SurveyStatus = record.answeredAt === null ? "unanswered" : "answered";
  return {
    id: record.id,
    weekStart: record.weekStart,
    title: surveyWeekTitle(record.weekStart),
    status,
    statusLabel: SURVEY_STATUS_LABELS.ja[status],
    stock: record.stock,
    consumption: record.consumption,
    purchases: record.purchases,
    answeredAt: record.answeredAt,
    answeredBy:
      record.answeredBy === null
        ? null
        : { id: record.answeredBy, displayName: record.answeredByName ?? "" },
    createdAt: record.createdAt,
    updatedAt: record.updatedAt,
    isCurrent,
    editable: isCurrent,
    assessment: figures === null ? null : assessEligibility(figures),
  };
}

async function toDetail(db: Db, record: SurveyRecord, now: Date): Promise<SurveyDetail> {
  const view = toSurveyView(record, now);
  const previousRow = await latestAnsweredBefore(db, record.institutionId, record.weekStart);
  const previousFigures = previousRow ? surveyFigures(previousRow) : null;
  return {
    ...view,
    readOnlyReason: view.editable ? null : readOnlyMessage(record.weekStart),
    previous:
      previousRow && previousFigures
        ? {
            id: previousRow.id,
            weekStart: previousRow.weekStart,
            title: surveyWeekTitle(previousRow.weekStart),
            ...previousFigures,
          }
        : null,
  };
}

async function requireSurvey(db: Db, actor: InstitutionActor, id: string): Promise<SurveyRecord> {
  const record = await findSurvey(db, actor.institutionId, id);
  if (!record) throw new DomainError("NOT_FOUND");
  return record;
}

export async function getSurvey(
  db: Db,
  { now, actor, id }: { now: Date; actor: InstitutionActor; id: string },
): Promise<SurveyDetail> {
  return toDetail(db, await requireSurvey(db, actor, id), now);
}

/**
 * The survey of the week open now, created on the spot when the weekly job
 * has not reached this institution yet (it works through the country in
 * batches from Wednesday 18:35).
 */
export async function getCurrentSurvey(
  db: Db,
  { now, actor }: { now: Date; actor: InstitutionActor },
): Promise<SurveyDetail> {
  const { weekStart } = surveyWeekOf(now);
  await ensureSurvey(db, actor.institutionId, weekStart, now);
  const record = await findSurveyOfWeek(db, actor.institutionId, weekStart);
  if (!record) throw new Error(`survey of ${weekStart} missing right after ensureSurvey`);
  return toDetail(db, record, now);
}

export async function listSurveys(
  db: Db,
  {
    now,
    actor,
    cursor,
    limit,
  }: { now: Date; actor: InstitutionActor; cursor: string | null; limit: number },
): Promise<SurveyPage> {
  // The list always shows this week first, even before the job's batch gets here.
  if (cursor === null)
    await ensureSurvey(db, actor.institutionId, surveyWeekOf(now).weekStart, now);
  const rows = await listSurveyRecords(db, actor.institutionId, {
    before: cursor,
    limit: limit + 1,
  });
  const page = rows.slice(0, limit);
  const last = page.at(-1);
  return {
    items: page.map((row) => toSurveyView(row, now)),
    nextCursor: rows.length > limit && last ? last.weekStart : null,
  };
}

async function lockEditable(db: Db, actor: InstitutionActor, id: string, now: Date) {
  const row = await lockSurvey(db, actor.institutionId, id);
  if (!row) throw new DomainError("NOT_FOUND");
  if (row.weekStart !== surveyWeekOf(now).weekStart) {
    throw new DomainError("INVALID_STATE", { messageJa: readOnlyMessage(row.weekStart) });
  }
  return row;
}

async function saveAnswer(
  db: Db,
  actor: InstitutionActor,
  row: SurveyRow,
  figures: SurveyFigures,
  now: Date,
  action: "survey.answer" | "survey.edit" | "survey.copy_previous",
  extra: Record<string, unknown> = {},
): Promise<void> {
  await saveSurveyFigures(db, row.id, { ...figures, answeredBy: actor.userId, now });
  await appendAudit(db, {
    action,
    actorUserId: actor.userId,
    actorRole: "institution",
    targetType: "weekly_survey",
    targetId: row.id,
    ip: actor.ip,
    details: { weekStart: row.weekStart, before: surveyFigures(row), after: figures, ...extra },
  });
}

/**
 * Saves the three figures. An answered survey may be edited (編集 → 保存) as
 * long as its week is the current one; older weeks are the record of what
 * was reported then and stay as they are.
 */
export async function answerSurvey(
  db: Db,
  {
    now,
    actor,
    id,
    figures,
  }: { now: Date; actor: InstitutionActor; id: string; figures: SurveyFigures },
): Promise<SurveyDetail> {
  await db.transaction().execute(async (trx) => {
    const row = await lockEditable(trx, actor, id, now);
    const action = row.answeredAt === null ? "survey.answer" : "survey.edit";
    await saveAnswer(trx, actor, row, figures, now, action);
  });
  return getSurvey(db, { now, actor, id });
}

/** 「前回の回答をコピー」: saves the latest earlier answer's three figures as this week's answer. */
export async function copyPreviousSurvey(
  db: Db,
  { now, actor, id }: { now: Date; actor: InstitutionActor; id: string },
): Promise<SurveyDetail> {
  await db.transaction().execute(async (trx) => {
    const row = await lockEditable(trx, actor, id, now);
    const previous = await latestAnsweredBefore(trx, actor.institutionId, row.weekStart);
    const figures = previous ? surveyFigures(previous) : null;
    if (!previous || !figures) {
      throw new DomainError("INVALID_STATE", { messageJa: NO_PREVIOUS_ANSWER_MESSAGE });
    }
    await saveAnswer(trx, actor, row, figures, now, "survey.copy_previous", {
      fromSurveyId: previous.id,
      fromWeekStart: previous.weekStart,
    });
  });
  return getSurvey(db, { now, actor, id });
}
