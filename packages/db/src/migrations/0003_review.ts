import { type Kysely, sql } from "kysely";

// The review console (prefecture triage, ministry approval, the vendor list).
//
// Indexes follow the console's queries at national scale (about 180,000
// institutions): the ministry's queue reads every prefecture's reviewing
// requests in filing order; the prefecture's queue already has
// sos_requests_queue_idx (prefecture_code, status, applied_at); the progress
// table counts one round (survey week) per prefecture; the target list takes
// the accepted requests that are not on any list yet.
//
// Constraints pin down what a review record may say, so that a bug in one
// writer cannot leave a completed prefecture review without its 配送要否, or
// a "supply not needed" answer with a quantity.
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create index sos_requests_status_applied_idx on sos_requests (status, applied_at, id);
    create index sos_requests_week_prefecture_idx on sos_requests (week_start, prefecture_code);
    create index review_returns_request_idx on review_returns (request_id, returned_at);
    create index sanctions_created_idx on sanctions (created_at desc);

    alter table prefecture_reviews
      add constraint prefecture_reviews_completion_recorded
        check ((completed_at is null) = (completed_by is null)),
      add constraint prefecture_reviews_completed_has_answer
        check (completed_at is null or (supply_needed is not null and quantity_sets is not null)),
      add constraint prefecture_reviews_no_supply_no_quantity
        check (supply_needed is distinct from false or coalesce(quantity_sets, 0) = 0),
      add constraint prefecture_reviews_override_reason_present
        check (override_reason is null or length(btrim(override_reason)) > 0);

    -- Which target list (④) an approval went out on. target_items.request_id (unique) stays
    -- the guard against listing a request twice; this column keeps "approved, not yet
    -- handed over" a lookup in a small partial index instead of an anti-join over every
    -- approval ever made. Written in the same transaction as the list's items.
    alter table ministry_approvals
      add constraint ministry_approvals_adjust_reason_present
        check (adjust_reason is null or length(btrim(adjust_reason)) > 0),
      add column target_batch_id uuid references target_batches(id);
    update ministry_approvals ma set target_batch_id = t.batch_id
      from target_items t where t.request_id = ma.request_id;
    create index ministry_approvals_unlisted_idx on ministry_approvals (request_id)
      where target_batch_id is null;

    -- A list never changes once issued, so its size is kept with it: the list page
    -- does not aggregate every item ever handed over on each visit.
    alter table target_batches
      add column item_count integer not null default 0 check (item_count >= 0),
      add column total_sets integer not null default 0 check (total_sets >= 0);
    update target_batches b set item_count = c.n, total_sets = c.sets
      from (select batch_id, count(*)::int as n, sum(limit_sets)::int as sets
            from target_items group by batch_id) c
      where c.batch_id = b.id;

    -- who lifted a sanction and why (a sanction is never deleted: it stays on record)
    alter table sanctions
      add column lifted_by uuid references users(id),
      add column lift_reason text
        check (lift_reason is null or length(btrim(lift_reason)) > 0),
      add constraint sanctions_lift_after_lifted
        check (lifted_at is not null or (lifted_by is null and lift_reason is null));
  `.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`
    alter table sanctions
      drop constraint if exists sanctions_lift_after_lifted,
      drop column if exists lift_reason,
      drop column if exists lifted_by;
    alter table target_batches drop column if exists total_sets, drop column if exists item_count;
    drop index if exists ministry_approvals_unlisted_idx;
    alter table ministry_approvals
      drop column if exists target_batch_id,
      drop constraint if exists ministry_approvals_adjust_reason_present;
    alter table prefecture_reviews
      drop constraint if exists prefecture_reviews_override_reason_present,
      drop constraint if exists prefecture_reviews_no_supply_no_quantity,
      drop constraint if exists prefecture_reviews_completed_has_answer,
      drop constraint if exists prefecture_reviews_completion_recorded;
    drop index if exists sanctions_created_idx;
    drop index if exists review_returns_request_idx;
    drop index if exists sos_requests_week_prefecture_idx;
    drop index if exists sos_requests_status_applied_idx;
  `.execute(db);
}
