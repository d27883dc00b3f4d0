import type { Db } from "@sos/db";
import {
  ensureSurvey,
  findSurvey,
  findSurveyOfWeek,
  latestAnsweredBefore,
  listSurveyRecords,
  type SurveyRecord,
  type SurveyRow,
} from "@sos/db/repositories/survey";
import {
  onBehalfLabel,
  SURVEY_STATUS_LABELS,
  type SurveyStatus,
  surveyWeekTitle,
} from "@sos/domain";
import { assessEligibility, type SurveyFigures, surveyWeekOf } from "@sos/rules";
import { DomainError } from "../../errors";
import type { SurveyDetail, SurveyPage, SurveyView } from "../../schemas/survey";
import type { InstitutionActor } from "./actor";

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
    latestReceipt:
      record.receiptNumber === null || record.receiptAcceptedAt === null
        ? null
        : { number: record.receiptNumber, acceptedAt: record.receiptAcceptedAt },
    onBehalf: onBehalfOf(record),
  };
}

/** 代理入力: who entered the latest answer for the institution, when a delegate did. */
function onBehalfOf(record: SurveyRecord): SurveyView["onBehalf"] {
  if (record.delegateName === null || record.answeredAt === null) return null;
  const institutionName = record.institutionName ?? "";
  return {
    organisationName: record.delegateName,
    institutionName,
    label: onBehalfLabel(record.delegateName, institutionName),
    at: record.answeredAt,
  };
}

/** The latest earlier answered week, as the survey page offers it for copying. */
export type PreviousRow = Pick<
  SurveyRow,
  "id" | "weekStart" | "stock" | "consumption" | "purchases"
>;

/** The page's view of a record and the answer before it (null: none). */
export function toSurveyDetail(
  record: SurveyRecord,
  previousRow: PreviousRow | null,
  now: Date,
): SurveyDetail {
  const view = toSurveyView(record, now);
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

async function toDetail(db: Db, record: SurveyRecord, now: Date): Promise<SurveyDetail> {
  const previousRow = await latestAnsweredBefore(db, record.institutionId, record.weekStart);
  return toSurveyDetail(record, previousRow ?? null, now);
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
