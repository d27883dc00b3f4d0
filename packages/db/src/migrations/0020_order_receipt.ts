import { type Kysely, sql } from "kysely";

// Issue 16 #5: the institution confirms it received a shipped order (受領確認).
// Kept on the shipment it confirms: who and when, never before the parcel left,
// and both or neither (a confirmation is always someone's).
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    alter table shipments
      add column received_at timestamptz,
      add column received_by uuid references users (id),
      add constraint shipments_received_after_shipped
        check (received_at is null or received_at >= shipped_at),
      add constraint shipments_received_by_someone
        check ((received_at is null) = (received_by is null));
  `.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`
    alter table shipments
      drop constraint if exists shipments_received_by_someone,
      drop constraint if exists shipments_received_after_shipped,
      drop column if exists received_by,
      drop column if exists received_at;
  `.execute(db);
}
