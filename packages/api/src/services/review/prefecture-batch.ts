import type { Db } from "@sos/db";
import {
  findInstitutionContact,
  findPrefectureReview,
  lockRequestForReview,
} from "@sos/db/repositories/review";
import { reviewTransition } from "@sos/rules";
import { DOMAIN_ERRORS, DomainError } from "../../errors";
import type { BatchCompleteItem, CompletedByPrefecture } from "../../schemas/review";
import type { ReviewActor } from "./actor";
import { batchRefusal, type Refusal } from "./batch-refusal";
import { WITH_MINISTRY_MESSAGE } from "./messages";
import {
  changesOf,
  computedLimitSets,
  decidePrefectureInput,
  recordPrefectureSave,
  requireReviewing,
  type Save,
  writePrefectureReview,
} from "./prefecture-review";
import type { RequestRow } from "./scope";

export const BATCH_COMPLETE_REFUSED_SUFFIX = "いずれの要請も確認完了にしていません。";

/** One request's completion, checked and ready to write. */
interface Planned {
  save: Save;
  changes: Awaited<ReturnType<typeof changesOf>>;
  institutionName: string;
}

type Outcome = { planned: Planned } | { refusal: Omit<Refusal, "index"> };

function refusalOf(error: unknown): Omit<Refusal, "index"> {
  if (!(error instanceof DomainError)) throw error;
  const field = Object.keys(error.fieldErrors ?? {})[0] ?? null;
  return { code: error.code, field, message: error.messageJa };
}

/**
 * What completing one request would write: its saved input, or where the officer
 * has not answered 配送要否, 配送要 at the saved quantity or the computed limit (what
 * the request page proposes). The rules of a single completion apply unchanged.
 */
async function plan(
  trx: Db,
  { actor, now, batchSize }: { actor: ReviewActor; now: Date; batchSize: number },
  item: BatchCompleteItem,
  row: RequestRow | undefined,
): Promise<Outcome> {
  if (!row) {
    return { refusal: { code: "NOT_FOUND", field: null, message: "対象の要請が見つかりません。" } };
  }
  if (row.version !== item.expectedVersion) {
    const message = DOMAIN_ERRORS.STALE_VERSION.messageJa;
    return { refusal: { code: "STALE_VERSION", field: null, message } };
  }
  try {
    requireReviewing(row);
    const stage =
      row.reviewStage === null ? null : reviewTransition(row.reviewStage, "prefecture_complete");
    if (row.reviewStage !== "prefecture" || stage === null || !stage.ok) {
      throw new DomainError("INVALID_STATE", { messageJa: WITH_MINISTRY_MESSAGE });
    }
    const saved = await findPrefectureReview(trx, row.id);
    const limitSets = await computedLimitSets(trx, row);
    const input = {
      id: row.id,
      expectedVersion: row.version,
      supplyNeeded: saved?.supplyNeeded ?? true,
      quantitySets: saved?.quantitySets ?? null,
      overrideReason: saved?.overrideReason ?? "",
      notes: saved?.notes ?? "",
      complete: true,
    };
    const decided = decidePrefectureInput(input, limitSets);
    const notes = input.notes.trim();
    const changes = await changesOf(trx, row.id, decided, notes);
    const institution = await findInstitutionContact(trx, row.institutionId);
    const save: Save = {
      actor,
      now,
      input,
      row,
      nextStage: stage.value,
      limitSets,
      decided,
      notes,
      batchSize,
    };
    return { planned: { save, changes, institutionName: institution?.name ?? "" } };
  } catch (error) {
    return { refusal: refusalOf(error) };
  }
}

/**
 * 都道府県確認の一括完了: the prefecture completes several of its requests at once,
 * each as its own completion would (input, history, audit, handed to the ministry),
 * in one transaction: if any cannot be completed, none is, and every failing item
 * is reported (fieldErrors "items.<index>[.field]"). Rows are locked in id order,
 * so two overlapping batches cannot deadlock; another prefecture's request is
 * NOT_FOUND, as everywhere in the console.
 */
export async function completePrefectureBatch(
  db: Db,
  { actor, now, items }: { actor: ReviewActor; now: Date; items: BatchCompleteItem[] },
): Promise<{ completed: CompletedByPrefecture[] }> {
  const ids = [...new Set(items.map((item) => item.id))];
  if (ids.length !== items.length) {
    throw new DomainError("INVALID_INPUT", { messageJa: "同じ要請が複数回選択されています。" });
  }
  return db.transaction().execute(async (trx) => {
    const rows = new Map<string, RequestRow>();
    for (const id of [...ids].sort()) {
      const row = await lockRequestForReview(trx, actor.scope, id);
      if (row) rows.set(id, row);
    }
    const context = { actor, now, batchSize: items.length };
    const outcomes: Outcome[] = [];
    for (const item of items) outcomes.push(await plan(trx, context, item, rows.get(item.id)));

    const refusals = outcomes.flatMap((outcome, index) =>
      "refusal" in outcome ? [{ ...outcome.refusal, index }] : [],
    );
    if (refusals.length > 0) {
      const names = await Promise.all(
        items.map(async (item) => {
          const row = rows.get(item.id);
          return row ? (await findInstitutionContact(trx, row.institutionId))?.name : undefined;
        }),
      );
      throw batchRefusal(items.length, refusals, (index) => names[index], {
        cannot: "確認完了にできません",
        noneDone: BATCH_COMPLETE_REFUSED_SUFFIX,
      });
    }

    const completed: CompletedByPrefecture[] = [];
    for (const outcome of outcomes) {
      if (!("planned" in outcome)) continue;
      const { save, changes, institutionName } = outcome.planned;
      await writePrefectureReview(trx, save);
      await recordPrefectureSave(trx, save, changes);
      completed.push({
        id: save.row.id,
        version: save.row.version + 1,
        institutionName,
        supplyNeeded: save.decided.supplyNeeded ?? true,
        quantitySets: save.decided.quantitySets ?? 0,
      });
    }
    return { completed };
  });
}
