import { type Kysely, sql } from "kysely";

// What the system check (システムチェック&申請) saw, kept on the request itself.
//
// The weekly survey stays editable for the rest of its week, but the figures a
// request was checked against must not change under the reviewers: they decide
// on what the institution filed. So apply copies the three figures and the
// computed purchase limit onto the request; a later survey edit does not touch
// them (a re-apply, possible only from "error", takes a new copy).
//
// error_reasons (codes, from 0001) says which checks failed; error_details
// keeps the wording shown to the institution at the time, with what it
// depended on (the sanction's reason, the survey to fix), since a sanction may
// later be lifted or its reason edited.
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    alter table sos_requests
      add column checked_stock integer check (checked_stock between 0 and 10000000),
      add column checked_consumption integer check (checked_consumption between 0 and 10000000),
      add column checked_purchases integer check (checked_purchases between 0 and 10000000),
      add column checked_limit_sets integer check (checked_limit_sets >= 0),
      add column error_details jsonb not null default '[]'::jsonb
        check (jsonb_typeof(error_details) = 'array'),
      add constraint sos_requests_checked_figures_together check (
        (checked_stock is null) = (checked_consumption is null)
        and (checked_consumption is null) = (checked_purchases is null)
        and (checked_purchases is null) = (checked_limit_sets is null)
      );

    -- the "active" (実施中) list: an institution's requests applied in the past 30 days
    create index sos_requests_institution_applied_idx
      on sos_requests (institution_id, applied_at desc) where applied_at is not null;

    -- the weekly job walks active institutions in id order, one batch at a time
    create index institutions_active_id_idx on institutions (id) where active;
  `.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`
    drop index if exists institutions_active_id_idx;
    drop index if exists sos_requests_institution_applied_idx;
    alter table sos_requests
      drop constraint if exists sos_requests_checked_figures_together,
      drop column if exists error_details,
      drop column if exists checked_limit_sets,
      drop column if exists checked_purchases,
      drop column if exists checked_consumption,
      drop column if exists checked_stock;
  `.execute(db);
}
