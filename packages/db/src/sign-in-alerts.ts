import type { Kysely } from "kysely";
import type { Database } from "./schema";

export interface SignInAlertRow {
  id: string;
  raisedAt: Date;
  scope: "account" | "ip" | "device";
  subject: string;
  attempts: number;
  since: Date;
  mailed: boolean;
}

/** The latest sign-in guessing alerts, newest first. */
export function recentSignInAlerts(db: Kysely<Database>, limit: number): Promise<SignInAlertRow[]> {
  return db
    .selectFrom("signInAlerts")
    .select(["id", "raisedAt", "scope", "subject", "attempts", "since", "mailed"])
    .orderBy("raisedAt", "desc")
    .orderBy("id", "desc")
    .limit(limit)
    .execute();
}
