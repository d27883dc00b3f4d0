import { type Kysely, sql } from "kysely";

// Receipts for weekly-survey answers (受付番号) and the deadline-day sign-in wall.
//
// survey_receipts: one row per saved answer, written by the same statement that
// saves it, so a receipt exists exactly when its answer was stored. The number
// shown to the institution is the survey week and a sequence value
// ("20261202-0000123"); the sequence is global rather than per week so that
// 180,000 institutions answering at once never queue on a counter row.
// accepted_at is when the server took the request in (before any queueing),
// stored_at when it was written: the deadline is judged on the first.
//
// The idempotency key a client sends with an answer is kept on its receipt,
// unique per user: a retry with the same key finds the receipt instead of
// saving twice, and gets the first answer's receipt back. The figures stay on
// the receipt too, so a key reused for different figures is recognised.
//
// sessions.idle_timeout: false for an institution's session started in a
// browser it had signed in from before (a trusted device); such a session ends
// only at expires_at, which sign-in sets to the close of the survey week.
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create sequence survey_receipt_seq as bigint;
    create table survey_receipts (
      id bigint primary key default nextval('survey_receipt_seq'),
      number text not null unique check (number ~ '^[0-9]{8}-[0-9]{7,}$'),
      institution_id uuid not null,
      week_start date not null,
      accepted_at timestamptz not null,
      stored_at timestamptz not null check (stored_at >= accepted_at),
      answered_by uuid not null references users(id),
      action text not null check (action in ('survey.answer', 'survey.edit', 'survey.copy_previous')),
      stock integer not null check (stock between 0 and 10000000),
      consumption integer not null check (consumption between 0 and 10000000),
      purchases integer not null check (purchases between 0 and 10000000),
      idempotency_key uuid,
      foreign key (institution_id, week_start) references weekly_surveys (institution_id, week_start),
      unique (answered_by, idempotency_key)
    );
    alter sequence survey_receipt_seq owned by survey_receipts.id;
    create index survey_receipts_survey_idx on survey_receipts (institution_id, week_start, id desc);

    alter table sessions add column idle_timeout boolean not null default true;
  `.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`
    alter table sessions drop column if exists idle_timeout;
    drop table if exists survey_receipts;
  `.execute(db);
}
