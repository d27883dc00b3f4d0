import { type Kysely, sql } from "kysely";

// 代理入力 (issue 15, item 4). A delegate is an organisation of its own — a
// medical association (医師会) or a group's head office (法人本部) — whose users
// sign in with role 'delegate'. Not an institution: it answers no weekly
// survey, files no request of its own and is in no registry import, so it is
// kept out of `institutions` (the weekly job would give it a survey). Its users
// reach the institution procedures only for institutions that granted their
// organisation (see institutionProcedure in packages/api/src/trpc.ts).
//
// `delegations` keeps every grant: one row per grant, revoked by stamping it;
// at most one active grant per (organisation, institution) (partial unique
// index, so two clicks or two servers cannot double it). A new grant after a
// revocation is a new row.
//
// The rows a delegate writes name its organisation (null: the institution's
// own user): the survey (its latest answer), every receipt (each answer), the
// request (who created it) and every history entry. The audit log carries it in
// its details.
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table delegate_organisations (
      id uuid primary key default gen_random_uuid(),
      code text not null unique check (code ~ '^[0-9A-Z]{4,16}$'),
      name text not null check (length(name) between 1 and 200),
      kind text not null check (kind in ('medical_association', 'head_office')),
      prefecture_code smallint references prefectures(code),
      created_at timestamptz not null default now()
    );
    create index delegate_organisations_name_idx on delegate_organisations (name);

    alter table users add column delegate_organisation_id uuid references delegate_organisations(id);
    alter table users drop constraint users_role_check;
    alter table users add constraint users_role_check
      check (role in ('institution', 'prefecture', 'ministry', 'vendor', 'delegate'));
    alter table users add constraint users_delegate_organisation_check
      check ((role = 'delegate') = (delegate_organisation_id is not null));
    create index users_delegate_organisation_idx on users (delegate_organisation_id)
      where delegate_organisation_id is not null;

    create table delegations (
      id uuid primary key default gen_random_uuid(),
      delegate_organisation_id uuid not null references delegate_organisations(id),
      institution_id uuid not null references institutions(id),
      granted_by uuid not null references users(id),
      granted_at timestamptz not null,
      revoked_by uuid references users(id),
      revoked_at timestamptz,
      check ((revoked_at is null) = (revoked_by is null)),
      check (revoked_at is null or revoked_at >= granted_at)
    );
    create unique index delegations_active_idx
      on delegations (delegate_organisation_id, institution_id) where revoked_at is null;
    create index delegations_institution_idx on delegations (institution_id, granted_at desc);

    alter table weekly_surveys
      add column answered_by_delegate_id uuid references delegate_organisations(id);
    alter table survey_receipts
      add column delegate_organisation_id uuid references delegate_organisations(id);
    alter table sos_requests
      add column created_by_delegate_id uuid references delegate_organisations(id);
    alter table sos_request_history
      add column delegate_organisation_id uuid references delegate_organisations(id);
  `.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`
    alter table sos_request_history drop column if exists delegate_organisation_id;
    alter table sos_requests drop column if exists created_by_delegate_id;
    alter table survey_receipts drop column if exists delegate_organisation_id;
    alter table weekly_surveys drop column if exists answered_by_delegate_id;
    drop table if exists delegations;
    delete from sessions where user_id in (select id from users where role = 'delegate');
    delete from users where role = 'delegate';
    alter table users drop constraint if exists users_delegate_organisation_check;
    alter table users drop constraint users_role_check;
    alter table users add constraint users_role_check
      check (role in ('institution', 'prefecture', 'ministry', 'vendor'));
    alter table users drop column if exists delegate_organisation_id;
    drop table if exists delegate_organisations;
  `.execute(db);
}
