import { createWeeklySurveys, publishDueFigures } from "@sos/api";
import { purgeExpiredAuthRecords } from "@sos/auth";
import type { Db } from "@sos/db";
import type { Task } from "graphile-worker";

export const CREATE_WEEKLY_SURVEYS_TASK = "create_weekly_surveys";
export const PURGE_AUTH_RECORDS_TASK = "purge_auth_records";
export const PUBLISH_WEEKLY_FIGURES_TASK = "publish_weekly_figures";

/**
 * The weekly survey records appear from Wednesday 18:35 Tokyo. Rather than one
 * cron line at that minute (which would depend on the cron clock's time zone and
 * be lost if no worker ran then), the idempotent fill runs every five minutes:
 * once the week is complete a run inserts nothing, and a missed run is made good
 * by the next one. jobKey keeps at most one pending run across servers.
 */
export const CRONTAB = [
  `*/5 * * * * ${CREATE_WEEKLY_SURVEYS_TASK} ?jobKey=${CREATE_WEEKLY_SURVEYS_TASK}&max=3`,
  `17 * * * * ${PURGE_AUTH_RECORDS_TASK} ?jobKey=${PURGE_AUTH_RECORDS_TASK}&max=3`,
  // The open weekly figures (issue 17 #6): due at each Wednesday 17:00 cutoff and
  // published within an hour. Every five minutes rather than at that minute, for
  // the same reasons as the survey fill: a missed week is caught up by the next run,
  // and a week already published is never written again.
  `*/5 * * * * ${PUBLISH_WEEKLY_FIGURES_TASK} ?jobKey=${PUBLISH_WEEKLY_FIGURES_TASK}&max=3`,
].join("\n");

export function scheduledTasks(db: Db, now: () => Date = () => new Date()): Record<string, Task> {
  return {
    [CREATE_WEEKLY_SURVEYS_TASK]: async (_payload, helpers) => {
      const result = await createWeeklySurveys(db, { now: now() });
      if (result.created > 0) {
        helpers.logger.info(`週次調査 ${result.weekStart}: ${result.created} 件作成`);
      }
    },
    [PURGE_AUTH_RECORDS_TASK]: async () => {
      await purgeExpiredAuthRecords(db, now());
    },
    [PUBLISH_WEEKLY_FIGURES_TASK]: async (_payload, helpers) => {
      const published = await publishDueFigures(db, now());
      if (published.length > 0) {
        helpers.logger.info(`週次集計を公開しました: ${published.join(", ")}`);
      }
    },
  };
}
