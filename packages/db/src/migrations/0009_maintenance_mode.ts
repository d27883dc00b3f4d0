import { type Kysely, sql } from "kysely";

// The ministry's read-only switch for maintenance. One row at most (id is
// always true); no row means writes are open. It lives in the database so every
// server process sees a switch at once; who turned it and why goes to the audit
// log in the same transaction, and the row keeps the latest for the console.
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table maintenance_mode (
      id boolean primary key default true check (id),
      read_only boolean not null,
      reason text not null check (length(reason) between 1 and 200),
      changed_at timestamptz not null,
      changed_by uuid references users(id),
      changed_via text not null check (changed_via in ('console', 'cli'))
    );
  `.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop table if exists maintenance_mode`.execute(db);
}
