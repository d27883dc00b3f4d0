import type { Db } from "@sos/db";
import {
  type AnswerSource,
  findReceiptByKey,
  type ReplayRow,
  runSaveAnswer,
  type SaveAnswerRow,
} from "@sos/db/repositories/survey";
import { type SurveyFigures, surveyWeekOf } from "@sos/rules";
import { DomainError } from "../../errors";
import type { AnsweredSurvey } from "../../schemas/survey";
import type { InstitutionActor } from "./actor";
import type { AdmissionGate } from "./admission";
import {
  NO_PREVIOUS_ANSWER_MESSAGE,
  type PreviousRow,
  readOnlyMessage,
  toSurveyDetail,
} from "./service";

export type { AnswerSource } from "@sos/db/repositories/survey";

export interface AnswerCall {
  actor: InstitutionActor;
  id: string;
  source: AnswerSource;
  /** When the server took the request in; the week and the deadline are judged on it. */
  acceptedAt: Date;
  /** The clock, read again once the answer's turn comes. */
  now: () => Date;
  gate: AdmissionGate;
  /** The client's key for this submission: its retries save nothing twice. */
  idempotencyKey: string | null;
}

/**
 * Saves an answer (typed figures, or a copy of the latest earlier answer). One
 * database round trip when it is saved; a second only when nothing was: to find
 * the receipt of an earlier try with the same idempotency key, whose answer is
 * then returned as it was accepted.
 */
export async function saveSurveyAnswer(db: Db, call: AnswerCall): Promise<AnsweredSurvey> {
  const openWeekStart = surveyWeekOf(call.acceptedAt).weekStart;
  return call.gate.run(async () => {
    // The clock may have passed the deadline while the answer waited; never before acceptance.
    const now = call.now();
    const storedAt = now.getTime() < call.acceptedAt.getTime() ? call.acceptedAt : now;
    const row = await runSaveAnswer(db, {
      actor: call.actor,
      surveyId: call.id,
      openWeekStart,
      source: call.source,
      acceptedAt: call.acceptedAt,
      storedAt,
      idempotencyKey: call.idempotencyKey,
    });
    if (row === undefined) throw new DomainError("NOT_FOUND");
    if (row.receiptNumber !== null) return savedAnswer(row, call, now);

    const earlier =
      call.idempotencyKey === null
        ? undefined
        : await findReceiptByKey(db, call.actor.userId, call.idempotencyKey);
    if (earlier !== undefined) return replayedAnswer(earlier, call, now);
    if (row.weekStart !== openWeekStart) {
      throw new DomainError("INVALID_STATE", { messageJa: readOnlyMessage(row.weekStart) });
    }
    if (call.source.kind === "copyPrevious" && row.previousId === null) {
      throw new DomainError("INVALID_STATE", { messageJa: NO_PREVIOUS_ANSWER_MESSAGE });
    }
    throw new Error("survey answer saved nothing, and no reason was found");
  });
}

function previousOf(row: {
  previousId: string | null;
  previousWeekStart: string | null;
  previousStock: number | null;
  previousConsumption: number | null;
  previousPurchases: number | null;
}): PreviousRow | null {
  if (row.previousId === null || row.previousWeekStart === null) return null;
  return {
    id: row.previousId,
    weekStart: row.previousWeekStart,
    stock: row.previousStock,
    consumption: row.previousConsumption,
    purchases: row.previousPurchases,
  };
}

function savedAnswer(row: SaveAnswerRow, call: AnswerCall, now: Date): AnsweredSurvey {
  if (
    row.receiptNumber === null ||
    row.receiptAcceptedAt === null ||
    row.receiptStoredAt === null
  ) {
    throw new Error("saved answer without its receipt");
  }
  const receipt = { number: row.receiptNumber, acceptedAt: row.receiptAcceptedAt };
  const detail = toSurveyDetail(
    {
      id: row.id,
      institutionId: row.institutionId,
      weekStart: row.weekStart,
      createdAt: row.createdAt,
      stock: row.savedStock,
      consumption: row.savedConsumption,
      purchases: row.savedPurchases,
      answeredAt: row.receiptAcceptedAt,
      answeredBy: call.actor.userId,
      updatedAt: row.receiptStoredAt,
      answeredByName: row.answeredByName,
      answeredByDelegateId: call.actor.delegateOrganisationId,
      delegateName: row.delegateName,
      institutionName: row.institutionName,
      receiptNumber: receipt.number,
      receiptAcceptedAt: receipt.acceptedAt,
    },
    previousOf(row),
    now,
  );
  return { ...detail, receipt };
}

function sameFigures(row: ReplayRow, figures: SurveyFigures): boolean {
  return (
    row.receiptStock === figures.stock &&
    row.receiptConsumption === figures.consumption &&
    row.receiptPurchases === figures.purchases
  );
}

/** The first try's answer, if this retry asks for the same thing; a reused key is refused. */
function replayedAnswer(row: ReplayRow, call: AnswerCall, now: Date): AnsweredSurvey {
  const copy = row.receiptAction === "survey.copy_previous";
  const same =
    row.id === call.id &&
    row.institutionId === call.actor.institutionId &&
    (call.source.kind === "copyPrevious" ? copy : !copy && sameFigures(row, call.source.figures));
  if (!same) throw new DomainError("IDEMPOTENCY_KEY_REUSED");
  const detail = toSurveyDetail(
    { ...row, receiptNumber: row.latestNumber, receiptAcceptedAt: row.latestAcceptedAt },
    previousOf(row),
    now,
  );
  return { ...detail, receipt: { number: row.receiptNumber, acceptedAt: row.receiptAcceptedAt } };
}
