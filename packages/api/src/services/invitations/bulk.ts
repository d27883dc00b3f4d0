import { generateSecureToken, hashToken } from "@sos/auth";
import { appendAudit, type Db, enqueueMailBatch } from "@sos/db";
import {
  addToRun,
  countInstitutionsToInvite,
  finishInvitationRun,
  type InvitationRun,
  insertInvitationBatch,
  insertInvitationRun,
  invitationCounts,
  latestInvitationRun,
  lockInvitationRun,
  nextInstitutionsToInvite,
  scheduleInvitationBatch,
} from "@sos/db/repositories/invitation-run";
import { ROLE_LABELS } from "@sos/domain";
import type { ApiConfig } from "../../context";
import type { InvitationProgressOutput } from "../../schemas/invitations";
import type { InviteActor } from "./create";
import { invitationExpiry } from "./create";
import { invitationMail, invitationUrl } from "./mail";

export const DEFAULT_BATCH_SIZE = 500;
export const DEFAULT_PACE_SECONDS = 60;

/**
 * 「一括招待」: the ministry invites every active institution (or one
 * prefecture's) that has no user and no open invitation. The action writes the
 * run and its first job only, so it answers at once whatever the count; the job
 * then writes a batch per transaction (invitations, outbox rows and one send job
 * per batch, each a single set-based statement) and schedules the next batch
 * after the run's pace, so the mail server and the recipients' providers see a
 * steady stream rather than 180,000 mails at once. A second click while a run is
 * going joins that run (one running run, held by a unique index).
 */
export async function startBulkInvitation(
  db: Db,
  input: { actor: InviteActor; now: Date; config: ApiConfig; prefectureCode: number | null },
): Promise<InvitationProgressOutput> {
  await db.transaction().execute(async (trx) => {
    const total = await countInstitutionsToInvite(trx, input.prefectureCode);
    const runId = await insertInvitationRun(trx, {
      prefectureCode: input.prefectureCode,
      createdBy: input.actor.user.id,
      createdAt: input.now,
      expiresAt: invitationExpiry(input.config, input.now),
      publicBaseUrl: input.config.publicBaseUrl,
      mailFrom: input.config.mailFrom,
      ...paceOf(input.config),
      total,
    });
    if (runId === undefined) return;
    await scheduleInvitationBatch(trx, runId, 0);
    await appendAudit(trx, {
      action: "invitation.bulk_start",
      actorUserId: input.actor.user.id,
      actorRole: input.actor.user.role,
      targetType: "invitation_run",
      targetId: runId,
      ip: input.actor.ip,
      details: { prefectureCode: input.prefectureCode, total },
    });
  });
  return invitationProgress(db, input.config, input.prefectureCode);
}

/** The configured pace of a run: what a new run uses, and what the confirmation says. */
function paceOf(config: ApiConfig): { batchSize: number; paceSeconds: number } {
  return {
    batchSize: config.invitations?.batchSize ?? DEFAULT_BATCH_SIZE,
    paceSeconds: config.invitations?.paceSeconds ?? DEFAULT_PACE_SECONDS,
  };
}

export interface BatchOutcome {
  invited: number;
  finished: boolean;
}

/**
 * One batch of a run, in one transaction; the job's whole work. Institutions are
 * taken with SKIP LOCKED, so a batch that overlaps another (a retried job) never
 * invites anyone twice, and an institution someone is inviting by hand at that
 * moment is left to that invitation. `schedule` false: the caller drives the
 * batches itself (tests, the size check) instead of the job queue.
 */
export async function runInvitationBatch(
  db: Db,
  runId: string,
  options: { now: Date; schedule?: boolean },
): Promise<BatchOutcome> {
  return db.transaction().execute(async (trx) => {
    const run = await lockInvitationRun(trx, runId);
    if (run === undefined || run.finishedAt !== null) return { invited: 0, finished: true };
    const institutions = await nextInstitutionsToInvite(
      trx,
      run.prefectureCode,
      run.lastCode,
      run.batchSize,
    );
    if (institutions.length === 0) {
      await finishInvitationRun(trx, run.id, options.now);
      return { invited: 0, finished: true };
    }
    const tokens = institutions.map(() => generateSecureToken());
    const mailIds = await enqueueMailBatch(
      trx,
      institutions.map((institution, index) =>
        invitationMail({
          to: institution.email,
          from: run.mailFrom,
          addressee: institution.name,
          inviter: runInviter(run),
          scopeJa: `${institution.name}（医療機関コード ${institution.code}、${institution.prefectureName}）の利用者`,
          scopeEn: `a user of ${institution.name} (institution code ${institution.code})`,
          link: invitationUrl(run.publicBaseUrl, "institution", tokens[index] ?? ""),
          expiresAt: run.expiresAt,
        }),
      ),
    );
    const invited = await insertInvitationBatch(trx, {
      runId: run.id,
      invitedBy: run.createdBy,
      createdAt: run.createdAt,
      expiresAt: run.expiresAt,
      institutionIds: institutions.map((institution) => institution.id),
      emails: institutions.map((institution) => institution.email),
      tokenHashes: tokens.map(hashToken),
      mailIds,
    });
    await addToRun(trx, run.id, invited, institutions[institutions.length - 1]?.code ?? "");
    if (options.schedule !== false) await scheduleInvitationBatch(trx, run.id, run.paceSeconds);
    return { invited, finished: false };
  });
}

function runInviter(run: InvitationRun): string {
  return `${run.inviterName}（${ROLE_LABELS.ja.ministry}）`;
}

/** Where the registry's institutions stand, with the latest run, for the ministry's progress bar. */
export async function invitationProgress(
  db: Db,
  config: ApiConfig,
  prefectureCode: number | null,
): Promise<InvitationProgressOutput> {
  const counts = await invitationCounts(db, prefectureCode);
  const toInvite = await countInstitutionsToInvite(db, prefectureCode);
  const run = await latestInvitationRun(db);
  return {
    prefectureCode,
    ...counts,
    toInvite,
    pace: paceOf(config),
    run:
      run === undefined
        ? null
        : {
            id: run.id,
            prefectureCode: run.prefectureCode,
            total: run.total,
            invited: run.invited,
            startedAt: run.createdAt,
            finishedAt: run.finishedAt,
            startedBy: run.inviterName,
          },
  };
}
