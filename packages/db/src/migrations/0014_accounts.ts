import { type Kysely, sql } from "kysely";

// Staff and officers (issue 15): the ministry names a prefecture's lead officer
// (主担当), who manages that prefecture's other officers; an institution removes
// a colleague without deleting the row, so the answers and decisions that name
// them keep their author (every FK to users stays valid). A removed person stays
// disabled: the check holds it, whatever code writes. The last sign-in shown on
// the permissions screen is read per person from the audit log by the partial index.
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    alter table users
      add column lead_officer boolean not null default false,
      add column removed_at timestamptz,
      add column removed_by uuid references users(id),
      add constraint users_lead_officer_is_prefecture check (not lead_officer or role = 'prefecture'),
      add constraint users_removed_is_disabled check (removed_at is null or disabled_at is not null),
      add constraint users_removed_by_when_removed check (removed_by is null or removed_at is not null);
    create index users_role_idx on users (role, prefecture_code, username) where role <> 'institution';
    create index audit_log_sign_in_idx on audit_log (actor_user_id, at)
      where action = 'auth.sign_in.success';
  `.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`
    drop index if exists audit_log_sign_in_idx;
    drop index if exists users_role_idx;
    alter table users
      drop constraint if exists users_removed_by_when_removed,
      drop constraint if exists users_removed_is_disabled,
      drop constraint if exists users_lead_officer_is_prefecture,
      drop column if exists removed_by,
      drop column if exists removed_at,
      drop column if exists lead_officer;
  `.execute(db);
}
