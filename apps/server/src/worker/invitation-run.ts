import { runInvitationBatch } from "@sos/api";
import type { Db } from "@sos/db";
import { INVITATION_RUN_TASK } from "@sos/db/repositories/invitation-run";
import type { Task } from "graphile-worker";
import { z } from "zod";

export { INVITATION_RUN_TASK };

const Payload = z.object({ runId: z.guid() });

/**
 * One batch of the ministry's bulk invitation run; the batch schedules the next
 * one after the run's pace (see startBulkInvitation), and the last finds nobody
 * left and closes the run. A failed batch wrote nothing and is retried.
 */
export function createInvitationRunTask(db: Db, now: () => Date = () => new Date()): Task {
  return async (rawPayload, helpers) => {
    const { runId } = Payload.parse(rawPayload);
    const outcome = await runInvitationBatch(db, runId, { now: now() });
    if (outcome.invited > 0) helpers.logger.info(`招待 ${runId}: ${outcome.invited} 件`);
  };
}
