import { Logger, runMigrations as runWorkerMigrations } from "graphile-worker";
import { type Kysely, type Migration, type MigrationResultSet, Migrator } from "kysely";
import * as m0001 from "./migrations/0001_foundation";
import * as m0002 from "./migrations/0002_sos_check";
import * as m0003 from "./migrations/0003_review";
import * as m0004 from "./migrations/0004_vendor";
import * as m0005 from "./migrations/0005_secret_mail";
import * as m0006 from "./migrations/0006_crash_recovery";
import * as m0007 from "./migrations/0007_registration_confirmation";
import * as m0008 from "./migrations/0008_device_trust";
import * as m0009 from "./migrations/0009_maintenance_mode";
import * as m0010 from "./migrations/0010_survey_receipts";
import * as m0011 from "./migrations/0011_queue_name_sort";
import * as m0012 from "./migrations/0012_target_list_display";
import * as m0013 from "./migrations/0013_invitations";
import * as m0014 from "./migrations/0014_accounts";
import * as m0015 from "./migrations/0015_delegation";
import * as m0016 from "./migrations/0016_registry_changes";
import * as m0018 from "./migrations/0018_allocation";
import * as m0019 from "./migrations/0019_open_weekly_figures";
import * as m0020 from "./migrations/0020_order_receipt";
import type { Database } from "./schema";

// Listed explicitly so the set does not depend on how the code is loaded (tsx, vitest, bundle).
const quietLogger = new Logger(() => () => {});

export const migrations: Record<string, Migration> = {
  "0001_foundation": m0001,
  "0002_sos_check": m0002,
  "0003_review": m0003,
  "0004_vendor": m0004,
  "0005_secret_mail": m0005,
  "0006_crash_recovery": m0006,
  "0007_registration_confirmation": m0007,
  "0008_device_trust": m0008,
  "0009_maintenance_mode": m0009,
  "0010_survey_receipts": m0010,
  "0011_queue_name_sort": m0011,
  "0012_target_list_display": m0012,
  "0013_invitations": m0013,
  "0014_accounts": m0014,
  "0015_delegation": m0015,
  "0016_registry_changes": m0016,
  "0018_allocation": m0018,
  "0019_open_weekly_figures": m0019,
  "0020_order_receipt": m0020,
};

/**
 * Brings the schema to the latest version: the app's Kysely migrations, then
 * graphile-worker's own schema (the job queue lives in the same database).
 */
export function migrateToLatest(db: Kysely<Database>, connectionString: string): Promise<string[]> {
  return migrateUpTo(db, connectionString, null);
}

/**
 * Brings the schema up to `lastMigration` (null: the latest), then graphile-worker's
 * schema. A restore uses it to rebuild the schema a backup was taken on.
 */
export async function migrateUpTo(
  db: Kysely<Database>,
  connectionString: string,
  lastMigration: string | null,
): Promise<string[]> {
  const migrator = new Migrator({ db, provider: { getMigrations: async () => migrations } });
  const result: MigrationResultSet =
    lastMigration === null
      ? await migrator.migrateToLatest()
      : await migrator.migrateTo(lastMigration);
  if (result.error) {
    const failed = result.results?.find((r) => r.status === "Error")?.migrationName ?? "unknown";
    throw new Error(`migration ${failed} failed: ${String(result.error)}`, { cause: result.error });
  }
  await runWorkerMigrations({ connectionString, logger: quietLogger });
  return (result.results ?? []).filter((r) => r.status === "Success").map((r) => r.migrationName);
}
