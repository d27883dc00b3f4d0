import { type Kysely, sql } from "kysely";
import { appendAudit } from "./audit";
import type { Database } from "./schema";

export interface MaintenanceState {
  readOnly: boolean;
  /** The reason given at the last switch; null if it was never switched. */
  reason: string | null;
  changedAt: Date | null;
  changedBy: { id: string; displayName: string } | null;
  changedVia: "console" | "cli" | null;
}

const NEVER_SWITCHED: MaintenanceState = {
  readOnly: false,
  reason: null,
  changedAt: null,
  changedBy: null,
  changedVia: null,
};

/** Whether writes are refused right now: read by every mutation, so one indexed row. */
export async function isReadOnly(db: Kysely<Database>): Promise<boolean> {
  const row = await db.selectFrom("maintenanceMode").select("readOnly").executeTakeFirst();
  return row?.readOnly === true;
}

export async function readMaintenanceState(db: Kysely<Database>): Promise<MaintenanceState> {
  const row = await db
    .selectFrom("maintenanceMode as m")
    .leftJoin("users as u", "u.id", "m.changedBy")
    .select([
      "m.readOnly",
      "m.reason",
      "m.changedAt",
      "m.changedVia",
      "u.id as userId",
      "u.displayName",
    ])
    .executeTakeFirst();
  if (row === undefined) return NEVER_SWITCHED;
  return {
    readOnly: row.readOnly,
    reason: row.reason,
    changedAt: row.changedAt,
    changedBy:
      row.userId === null || row.displayName === null
        ? null
        : { id: row.userId, displayName: row.displayName },
    changedVia: row.changedVia,
  };
}

export interface SwitchReadOnly {
  readOnly: boolean;
  reason: string;
  at: Date;
  /** null when an operator switched it from the command line. */
  actor: { userId: string; role: string } | null;
  via: "console" | "cli";
  ip?: string | null;
}

/**
 * Turns read-only mode on or off and writes the audit entry in the same
 * transaction. Switching to the state it is already in changes nothing and
 * returns false, so a double click or a second operator leaves one entry.
 */
export async function switchReadOnly(
  db: Kysely<Database>,
  change: SwitchReadOnly,
): Promise<boolean> {
  return db.transaction().execute(async (trx) => {
    // Serialises two switches, so each audit entry records a real change.
    await sql`lock table maintenance_mode in share row exclusive mode`.execute(trx);
    if ((await isReadOnly(trx)) === change.readOnly) return false;
    const values = {
      readOnly: change.readOnly,
      reason: change.reason,
      changedAt: change.at,
      changedBy: change.actor?.userId ?? null,
      changedVia: change.via,
    };
    await trx
      .insertInto("maintenanceMode")
      .values(values)
      .onConflict((oc) => oc.column("id").doUpdateSet(values))
      .execute();
    await appendAudit(trx, {
      action: change.readOnly ? "maintenance.read_only_on" : "maintenance.read_only_off",
      actorUserId: change.actor?.userId ?? null,
      actorRole: change.actor?.role ?? "operator",
      targetType: "maintenance",
      targetId: "read_only",
      ip: change.ip ?? null,
      details: { reason: change.reason, via: change.via },
    });
    return true;
  });
}
