import { compiledStatement, type Db } from "@sos/db";
import {
  INSTITUTION_TYPE_LABELS,
  type InstitutionType,
  REVIEW_STAGE_LABELS,
  sosStatusDetailLabel,
} from "@sos/domain";
import { PIECES_PER_SET, prefectureDeadline } from "@sos/rules";
import { calculationOf } from "./figures";
import type { PrefectureReviewState, QueueRow } from "./queue";

/** One request of a queue page as the statement returns it: QueueRow's own fields, flat. */
type QueueRecord = Pick<
  QueueRow,
  | "id"
  | "version"
  | "status"
  | "reviewStage"
  | "weekStart"
  | "late"
  | "handleFrom"
  | "contactName"
  | "approvedSets"
  | "returned"
  | "sanctioned"
> &
  Omit<QueueRow["prefectureReview"], "state"> & {
    appliedAt: Date | null;
    checkedStock: number | null;
    checkedConsumption: number | null;
    checkedPurchases: number | null;
    checkedLimitSets: number | null;
    surveyStock: number | null;
    surveyConsumption: number | null;
    surveyPurchases: number | null;
    institutionId: string;
    institutionCode: string;
    institutionName: string;
    institutionType: InstitutionType;
    prefectureCode: number;
    prefectureName: string;
    reviewRequestId: string | null;
  };

// Everything a page shows about its requests, in the page's order, in one
// statement whose text never changes: the ids come as one array parameter
// (unnest keeps their order), so nothing is built or compiled per call and
// PostgreSQL sees the same statement for every page. The survey is the
// figures' fallback for a request the system check has not copied them to.
const QUEUE_PAGE = compiledStatement<QueueRecord, [ids: readonly string[], today: string]>(`
select r.id, r.version, r.status, r.review_stage, r.week_start, r.applied_at, r.late,
  r.handle_from, r.contact_name, r.checked_stock, r.checked_consumption, r.checked_purchases,
  r.checked_limit_sets,
  s.stock as survey_stock, s.consumption as survey_consumption, s.purchases as survey_purchases,
  i.id as institution_id, i.code as institution_code, i.name as institution_name,
  i.type as institution_type, r.prefecture_code, p.name as prefecture_name,
  pr.request_id as review_request_id, pr.supply_needed, pr.quantity_sets, pr.completed_at,
  ma.quantity_sets as approved_sets,
  exists (select 1 from review_returns rr where rr.request_id = r.id) as returned,
  exists (
    select 1 from sanctions sa
    where sa.institution_id = r.institution_id and sa.lifted_at is null
      and sa.effective_from <= $2::date
  ) as sanctioned
from unnest($1::uuid[]) with ordinality as page (id, position)
join sos_requests r on r.id = page.id
join institutions i on i.id = r.institution_id
join prefectures p on p.code = r.prefecture_code
left join prefecture_reviews pr on pr.request_id = r.id
left join weekly_surveys s on s.id = r.survey_id
left join ministry_approvals ma on ma.request_id = r.id
order by page.position`);

/** The page's requests in the order of `ids`; `today` (Tokyo) decides which sanctions are in force. */
export async function queueRecords(
  db: Db,
  ids: readonly string[],
  today: string,
): Promise<QueueRecord[]> {
  if (ids.length === 0) return [];
  return (await QUEUE_PAGE.execute(db, ids, today)).rows;
}

function reviewStateOf(record: QueueRecord): PrefectureReviewState {
  if (record.reviewRequestId === null) return "none";
  return record.completedAt === null ? "draft" : "completed";
}

/** A queue row as the console shows it: labels, the calculation and the prefecture's due time. */
export function toQueueRow(record: QueueRecord, now: Date): QueueRow {
  const calculation = calculationOf(
    {
      stock: record.checkedStock,
      consumption: record.checkedConsumption,
      purchases: record.checkedPurchases,
    },
    {
      stock: record.surveyStock,
      consumption: record.surveyConsumption,
      purchases: record.surveyPurchases,
    },
  );
  const limitSets = record.checkedLimitSets ?? calculation?.assessment.limitSets ?? 0;
  // filedByInstitution guarantees a filing time; the fallback only satisfies the type.
  const appliedAt = record.appliedAt ?? now;
  return {
    id: record.id,
    version: record.version,
    status: record.status,
    statusLabel: sosStatusDetailLabel(record.status, record.reviewStage),
    reviewStage: record.reviewStage,
    reviewStageLabel:
      record.reviewStage === null ? null : REVIEW_STAGE_LABELS.ja[record.reviewStage],
    weekStart: record.weekStart,
    appliedAt,
    late: record.late,
    handleFrom: record.handleFrom,
    prefectureDue: prefectureDeadline(appliedAt),
    institution: {
      id: record.institutionId,
      code: record.institutionCode,
      name: record.institutionName,
      type: record.institutionType,
      typeLabel: INSTITUTION_TYPE_LABELS.ja[record.institutionType],
      prefectureCode: record.prefectureCode,
      prefectureName: record.prefectureName,
    },
    contactName: record.contactName,
    figures: calculation?.figures ?? null,
    assessment: calculation?.assessment ?? null,
    limitSets,
    limitPieces: limitSets * PIECES_PER_SET,
    weeksOfCover: calculation?.weeksOfCover ?? null,
    prefectureReview: {
      state: reviewStateOf(record),
      supplyNeeded: record.supplyNeeded,
      quantitySets: record.quantitySets,
      completedAt: record.completedAt,
    },
    approvedSets: record.approvedSets,
    returned: record.returned,
    sanctioned: record.sanctioned,
  };
}
