import type { Db } from "@sos/db";
import {
  findPrefectureReview,
  findSurveyFigures,
  setRequestReviewStage,
  upsertPrefectureReview,
} from "@sos/db/repositories/review";
import { assessEligibility, reviewTransition } from "@sos/rules";
import { DomainError } from "../../errors";
import type { PrefectureReviewInput, ReviewDetail } from "../../schemas/review";
import type { ReviewActor } from "./actor";
import { reviewDetail } from "./detail";
import {
  NOT_REVIEWING_MESSAGES,
  overrideReasonRequired,
  QUANTITY_REQUIRED_WHEN_SUPPLY,
  QUANTITY_WITHOUT_SUPPLY,
  SUPPLY_ANSWER_REQUIRED,
  WITH_MINISTRY_MESSAGE,
} from "./messages";
import { recordReviewAction } from "./record";
import { lockForReview, type RequestRow } from "./scope";

/** Refuses a decision on a request that is not reviewing, in words that say why. */
export function requireReviewing(row: RequestRow): void {
  if (row.status === "reviewing") return;
  const messageJa =
    row.status === "accepted" || row.status === "not_eligible" || row.status === "withdrawn"
      ? NOT_REVIEWING_MESSAGES[row.status]
      : undefined;
  throw new DomainError("INVALID_STATE", messageJa === undefined ? {} : { messageJa });
}

/** The purchase limit the system check computed, or (without its copy) the survey's. */
export async function computedLimitSets(db: Db, row: RequestRow): Promise<number> {
  if (row.checkedLimitSets !== null) return row.checkedLimitSets;
  if (row.surveyId === null) return 0;
  const survey = await findSurveyFigures(db, row.surveyId);
  if (
    !survey ||
    survey.stock === null ||
    survey.consumption === null ||
    survey.purchases === null
  ) {
    return 0;
  }
  return assessEligibility({
    stock: survey.stock,
    consumption: survey.consumption,
    purchases: survey.purchases,
  }).limitSets;
}

interface Decided {
  supplyNeeded: boolean | null;
  quantitySets: number | null;
  overrideReason: string | null;
}

/**
 * Applies the prefecture's rules to what was typed: the quantity defaults to
 * the computed limit; above it only with a reason; "supply not needed" means
 * zero sets; completing needs the 配送要否 answer.
 */
export function decidePrefectureInput(input: PrefectureReviewInput, limitSets: number): Decided {
  const errors: Record<string, string[]> = {};
  const reason = input.overrideReason.trim();
  let quantitySets: number | null;
  if (input.supplyNeeded === false) {
    if (input.quantitySets !== null && input.quantitySets > 0) {
      errors.quantitySets = [QUANTITY_WITHOUT_SUPPLY];
    }
    quantitySets = 0;
  } else {
    quantitySets = input.quantitySets ?? (input.supplyNeeded === true ? limitSets : null);
    if (input.supplyNeeded === true && quantitySets !== null && quantitySets < 1) {
      errors.quantitySets = [QUANTITY_REQUIRED_WHEN_SUPPLY];
    }
  }
  if (input.complete && input.supplyNeeded === null) errors.supplyNeeded = [SUPPLY_ANSWER_REQUIRED];
  const overLimit = quantitySets !== null && quantitySets > limitSets;
  if (overLimit && reason === "") errors.overrideReason = [overrideReasonRequired(limitSets)];

  const fields = Object.keys(errors);
  if (fields.length > 0) {
    const first = fields.map((field) => errors[field]?.[0]).find((m) => m !== undefined);
    throw new DomainError("INVALID_INPUT", {
      fieldErrors: errors,
      ...(first === undefined ? {} : { messageJa: first }),
    });
  }
  return {
    supplyNeeded: input.supplyNeeded,
    quantitySets,
    // A reason is part of the record only where it justifies something.
    overrideReason: overLimit ? reason : null,
  };
}

type Changes = Record<string, { from: unknown; to: unknown }>;

/** What the save changes in the prefecture's input, field by field. */
export async function changesOf(trx: Db, requestId: string, decided: Decided, notes: string) {
  const before = await findPrefectureReview(trx, requestId);
  const changes: Changes = {};
  const compare = (field: string, from: unknown, to: unknown) => {
    if (from !== to) changes[field] = { from, to };
  };
  compare("supplyNeeded", before?.supplyNeeded ?? null, decided.supplyNeeded);
  compare("quantitySets", before?.quantitySets ?? null, decided.quantitySets);
  compare("overrideReason", before?.overrideReason ?? null, decided.overrideReason);
  compare("notes", before?.notes ?? "", notes);
  return changes;
}

export interface Save {
  actor: ReviewActor;
  now: Date;
  input: PrefectureReviewInput;
  row: RequestRow;
  nextStage: "prefecture" | "ministry" | null;
  limitSets: number;
  decided: Decided;
  notes: string;
  /** Completed with others in one batch (review.completePrefectureBatch): how many. */
  batchSize?: number;
}

/** Writes the input (and its completion), and moves the request to its next version and stage. */
export async function writePrefectureReview(trx: Db, save: Save): Promise<void> {
  const { actor, now, input, row, decided } = save;
  await upsertPrefectureReview(
    trx,
    row.id,
    {
      supplyNeeded: decided.supplyNeeded,
      quantitySets: decided.quantitySets,
      computedLimitSets: save.limitSets,
      overrideReason: decided.overrideReason,
      notes: save.notes,
      updatedAt: now,
      updatedBy: actor.userId,
    },
    input.complete ? { completedAt: now, completedBy: actor.userId } : {},
  );
  await setRequestReviewStage(trx, {
    id: row.id,
    reviewStage: save.nextStage,
    version: row.version + 1,
    at: now,
  });
}

/** The save's history entry and audit line. */
export async function recordPrefectureSave(trx: Db, save: Save, changes: Changes): Promise<void> {
  const { actor, now, input, row, decided, limitSets } = save;
  const overLimit = decided.overrideReason !== null;
  await recordReviewAction(trx, actor, {
    requestId: row.id,
    at: now,
    action: input.complete ? "prefecture_complete" : "prefecture_save",
    fromStatus: "reviewing",
    toStatus: "reviewing",
    changes: {
      ...changes,
      ...(input.complete ? { reviewStage: { from: "prefecture", to: save.nextStage } } : {}),
      ...(overLimit
        ? {
            overLimit: {
              limitSets,
              quantitySets: decided.quantitySets,
              reason: decided.overrideReason,
            },
          }
        : {}),
    },
    auditAction: input.complete ? "review.prefecture.complete" : "review.prefecture.save",
    auditDetails: {
      fields: Object.keys(changes),
      quantitySets: decided.quantitySets,
      limitSets,
      overLimit,
      ...(save.batchSize === undefined ? {} : { batchSize: save.batchSize }),
    },
  });
}

/**
 * ② 要請確認 by the prefecture: saves its input (配送要否, 数量, 備考), and
 * with `complete` hands the request to the ministry. The version the officer
 * saw must still be current: of two officers (or tabs) saving the same
 * request, the second is told and nothing of the first is overwritten.
 */
export async function savePrefectureReview(
  db: Db,
  { actor, now, input }: { actor: ReviewActor; now: Date; input: PrefectureReviewInput },
): Promise<ReviewDetail> {
  await db.transaction().execute(async (trx) => {
    const row = await lockForReview(trx, actor.scope, input.id, input.expectedVersion);
    requireReviewing(row);
    if (row.reviewStage !== "prefecture") {
      throw new DomainError("INVALID_STATE", { messageJa: WITH_MINISTRY_MESSAGE });
    }
    const nextStage = input.complete
      ? reviewTransition(row.reviewStage, "prefecture_complete")
      : reviewTransition(row.reviewStage, "save");
    if (!nextStage.ok) throw new DomainError("INVALID_STATE");

    const limitSets = await computedLimitSets(trx, row);
    const decided = decidePrefectureInput(input, limitSets);
    const notes = input.notes.trim();
    const changes = await changesOf(trx, row.id, decided, notes);
    if (!input.complete && Object.keys(changes).length === 0) return;

    const save = { actor, now, input, row, nextStage: nextStage.value, limitSets, decided, notes };
    await writePrefectureReview(trx, save);
    await recordPrefectureSave(trx, save, changes);
  });
  return reviewDetail(db, { scope: actor.scope, now, id: input.id });
}
