import { type Kysely, sql } from "kysely";

// The whole scheme in one first migration: nothing has shipped yet, so there is
// no older shape to migrate from. Later changes go into new numbered files.
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create extension if not exists citext;

    create table prefectures (
      code smallint primary key check (code between 1 and 47),
      name text not null unique,
      name_en text not null
    );

    create table institutions (
      id uuid primary key default gen_random_uuid(),
      code char(10) not null unique check (code ~ '^[0-9]{10}$'),
      name text not null check (length(btrim(name)) between 1 and 200),
      type text not null check (type in ('hospital','clinic','home_nursing','pharmacy','midwifery')),
      prefecture_code smallint not null references prefectures(code),
      postcode char(7) not null check (postcode ~ '^[0-9]{7}$'),
      address text not null check (length(btrim(address)) between 1 and 300),
      phone text not null check (phone ~ '^0[0-9]{9,10}$'),
      contact_name text not null default '',
      email text not null check (position('@' in email) > 1),
      active boolean not null default true,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now(),
      -- lets requests reference (id, prefecture_code) so a request cannot drift from its institution's prefecture
      unique (id, prefecture_code)
    );
    create index institutions_prefecture_idx on institutions (prefecture_code, type);

    create table users (
      id uuid primary key default gen_random_uuid(),
      username citext not null unique check (length(username) between 3 and 64),
      display_name text not null,
      email text not null check (position('@' in email) > 1),
      role text not null check (role in ('institution','prefecture','ministry','vendor')),
      institution_id uuid references institutions(id),
      prefecture_code smallint references prefectures(code),
      password_hash text not null,
      password_changed_at timestamptz not null default now(),
      disabled_at timestamptz,
      created_at timestamptz not null default now(),
      check ((role = 'institution') = (institution_id is not null)),
      check ((role = 'prefecture') = (prefecture_code is not null))
    );
    create index users_institution_idx on users (institution_id) where institution_id is not null;
    create index users_prefecture_idx on users (prefecture_code) where prefecture_code is not null;

    -- Lucia-style sessions: the id is the SHA-256 (hex) of the random token; the token itself is never stored.
    create table sessions (
      id char(64) primary key check (id ~ '^[0-9a-f]{64}$'),
      user_id uuid not null references users(id) on delete cascade,
      created_at timestamptz not null default now(),
      last_seen_at timestamptz not null default now(),
      expires_at timestamptz not null,
      ip inet,
      user_agent text,
      check (expires_at > created_at)
    );
    create index sessions_user_idx on sessions (user_id);

    create table password_reset_tokens (
      id char(64) primary key check (id ~ '^[0-9a-f]{64}$'),
      user_id uuid not null references users(id) on delete cascade,
      created_at timestamptz not null default now(),
      expires_at timestamptz not null,
      used_at timestamptz,
      check (expires_at > created_at and expires_at <= created_at + interval '1 hour')
    );
    create index password_reset_tokens_user_idx on password_reset_tokens (user_id);

    -- One row per throttled key ('user:<name>' or 'ip:<address>').
    create table sign_in_throttle (
      key text primary key,
      failures integer not null default 0 check (failures >= 0),
      first_failure_at timestamptz not null default now(),
      last_failure_at timestamptz not null default now(),
      blocked_until timestamptz
    );

    create table audit_log (
      id bigint generated always as identity primary key,
      at timestamptz not null default now(),
      actor_user_id uuid references users(id),
      actor_role text,
      action text not null,
      target_type text,
      target_id text,
      ip inet,
      details jsonb not null default '{}'::jsonb
    );
    create index audit_log_target_idx on audit_log (target_type, target_id, at);
    create index audit_log_actor_idx on audit_log (actor_user_id, at);
    create function audit_log_is_append_only() returns trigger language plpgsql as $$
      begin raise exception 'audit_log is append-only'; end $$;
    create trigger audit_log_no_update before update or delete or truncate on audit_log
      for each statement execute function audit_log_is_append_only();

    -- Transactional outbox: a row written in the same transaction as the change it announces.
    create table mail_outbox (
      id uuid primary key default gen_random_uuid(),
      kind text not null,
      to_address text not null check (position('@' in to_address) > 1),
      from_address text not null,
      subject text not null,
      text_body text not null,
      html_body text,
      created_at timestamptz not null default now(),
      status text not null default 'pending' check (status in ('pending','sent','failed')),
      attempts integer not null default 0 check (attempts >= 0),
      last_error text,
      sent_at timestamptz,
      check ((status = 'sent') = (sent_at is not null))
    );
    create index mail_outbox_pending_idx on mail_outbox (created_at) where status = 'pending';

    create table weekly_surveys (
      id uuid primary key default gen_random_uuid(),
      institution_id uuid not null references institutions(id),
      week_start date not null check (extract(isodow from week_start) = 3),
      created_at timestamptz not null default now(),
      stock integer check (stock between 0 and 10000000),
      consumption integer check (consumption between 0 and 10000000),
      purchases integer check (purchases between 0 and 10000000),
      answered_at timestamptz,
      answered_by uuid references users(id),
      updated_at timestamptz not null default now(),
      unique (institution_id, week_start),
      check ((answered_at is null) = (stock is null)
         and (stock is null) = (consumption is null)
         and (consumption is null) = (purchases is null))
    );
    create index weekly_surveys_week_idx on weekly_surveys (week_start);

    create table sos_requests (
      id uuid primary key default gen_random_uuid(),
      institution_id uuid not null,
      prefecture_code smallint not null,
      week_start date not null check (extract(isodow from week_start) = 3),
      status text not null default 'draft'
        check (status in ('draft','error','reviewing','accepted','not_eligible','withdrawn')),
      review_stage text check (review_stage in ('prefecture','ministry')),
      conditions_confirmed boolean not null check (conditions_confirmed),
      contact_name text not null default '',
      contact_phone text,
      notes text not null default '' check (length(notes) <= 2000),
      survey_id uuid references weekly_surveys(id),
      applied_at timestamptz,
      late boolean not null default false,
      handle_from date,
      error_reasons jsonb not null default '[]'::jsonb,
      closed_reason text,
      created_by uuid not null references users(id),
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now(),
      version integer not null default 1 check (version >= 1),
      foreign key (institution_id, prefecture_code) references institutions(id, prefecture_code),
      check ((status = 'reviewing') = (review_stage is not null)),
      check (status = 'draft' or applied_at is not null),
      check (status not in ('reviewing','accepted') or survey_id is not null),
      check (status not in ('not_eligible') or closed_reason is not null)
    );
    -- One open (reviewing or accepted) request per institution and survey week, whatever races.
    create unique index sos_requests_one_open_per_week
      on sos_requests (institution_id, week_start) where status in ('reviewing','accepted');
    create index sos_requests_queue_idx on sos_requests (prefecture_code, status, applied_at);
    create index sos_requests_institution_idx on sos_requests (institution_id, created_at desc);

    create table sos_request_history (
      id bigint generated always as identity primary key,
      request_id uuid not null references sos_requests(id),
      at timestamptz not null default now(),
      actor_user_id uuid references users(id),
      actor_role text,
      action text not null,
      from_status text,
      to_status text,
      changes jsonb not null default '{}'::jsonb
    );
    create index sos_request_history_request_idx on sos_request_history (request_id, at);

    create table sos_request_views (
      user_id uuid not null references users(id) on delete cascade,
      request_id uuid not null references sos_requests(id),
      viewed_at timestamptz not null default now(),
      primary key (user_id, request_id)
    );
    create index sos_request_views_recent_idx on sos_request_views (user_id, viewed_at desc);

    create table prefecture_reviews (
      request_id uuid primary key references sos_requests(id),
      supply_needed boolean,
      quantity_sets integer check (quantity_sets >= 0),
      computed_limit_sets integer not null check (computed_limit_sets >= 0),
      override_reason text,
      notes text not null default '',
      not_eligible_reason text,
      completed_at timestamptz,
      completed_by uuid references users(id),
      updated_at timestamptz not null default now(),
      updated_by uuid references users(id),
      version integer not null default 1 check (version >= 1),
      check (quantity_sets is null or quantity_sets <= computed_limit_sets or override_reason is not null)
    );

    create table ministry_approvals (
      request_id uuid primary key references sos_requests(id),
      quantity_sets integer not null check (quantity_sets >= 1),
      adjust_reason text,
      approved_at timestamptz not null default now(),
      approved_by uuid not null references users(id)
    );

    create table review_returns (
      id bigint generated always as identity primary key,
      request_id uuid not null references sos_requests(id),
      reason text not null check (length(btrim(reason)) > 0),
      returned_at timestamptz not null default now(),
      returned_by uuid not null references users(id)
    );

    create table sanctions (
      id uuid primary key default gen_random_uuid(),
      institution_id uuid not null references institutions(id),
      reason text not null check (length(btrim(reason)) > 0),
      effective_from date not null,
      lifted_at timestamptz,
      created_by uuid not null references users(id),
      created_at timestamptz not null default now()
    );
    create index sanctions_institution_idx on sanctions (institution_id) where lifted_at is null;

    -- (4) the target list handed to the vendor, as numbered batches
    create table target_batches (
      id uuid primary key default gen_random_uuid(),
      number integer not null unique check (number >= 1),
      issued_at timestamptz not null default now(),
      issued_by uuid not null references users(id)
    );

    create table target_items (
      id uuid primary key default gen_random_uuid(),
      batch_id uuid not null references target_batches(id),
      request_id uuid not null unique references sos_requests(id),
      institution_id uuid not null references institutions(id),
      institution_code char(10) not null,
      name text not null,
      prefecture_code smallint not null references prefectures(code),
      postcode char(7) not null,
      address text not null,
      phone text not null,
      contact_name text not null,
      email text not null,
      limit_sets integer not null check (limit_sets >= 1)
    );
    create index target_items_batch_idx on target_items (batch_id);
    create index target_items_code_idx on target_items (institution_code);

    -- (1') the vendor's own facility registrations, keyed by the 10-digit institution code
    create table vendor_registrations (
      id uuid primary key default gen_random_uuid(),
      institution_code char(10) not null unique check (institution_code ~ '^[0-9]{10}$'),
      facility_name text not null,
      postcode char(7) not null check (postcode ~ '^[0-9]{7}$'),
      address text not null,
      phone text not null check (phone ~ '^0[0-9]{9,10}$'),
      email text not null check (position('@' in email) > 1),
      payment_method text not null check (payment_method in ('invoice','bank_transfer','cash_on_delivery')),
      source text not null default 'web' check (source in ('web','import')),
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now()
    );

    create table purchase_links (
      id uuid primary key default gen_random_uuid(),
      target_item_id uuid not null references target_items(id),
      token_hash char(64) not null unique check (token_hash ~ '^[0-9a-f]{64}$'),
      expires_at timestamptz not null,
      revoked_at timestamptz,
      created_at timestamptz not null default now(),
      created_by uuid references users(id)
    );
    -- at most one live link per purchase right; reissuing revokes the old one first
    create unique index purchase_links_one_live
      on purchase_links (target_item_id) where revoked_at is null;

    create table purchase_link_sends (
      id bigint generated always as identity primary key,
      purchase_link_id uuid not null references purchase_links(id),
      mail_id uuid not null references mail_outbox(id),
      sent_by uuid references users(id),
      at timestamptz not null default now()
    );

    create table products (
      id uuid primary key default gen_random_uuid(),
      name text not null unique,
      pieces_per_set integer not null default 1000 check (pieces_per_set = 1000),
      active boolean not null default true
    );

    create table product_sizes (
      id uuid primary key default gen_random_uuid(),
      product_id uuid not null references products(id),
      size text not null check (size in ('SS','S','M','L','LL')),
      stock_sets integer not null check (stock_sets >= 0),
      sort_order smallint not null default 0,
      unique (product_id, size)
    );

    create sequence order_number_seq;
    create table orders (
      id uuid primary key default gen_random_uuid(),
      order_number text not null unique,
      target_item_id uuid not null unique references target_items(id),
      institution_id uuid not null references institutions(id),
      purchase_link_id uuid not null references purchase_links(id),
      total_sets integer not null check (total_sets >= 1),
      delivery_name text not null,
      delivery_postcode char(7) not null check (delivery_postcode ~ '^[0-9]{7}$'),
      delivery_address text not null,
      delivery_phone text not null,
      payment_method text not null check (payment_method in ('invoice','bank_transfer','cash_on_delivery')),
      status text not null default 'ordered' check (status in ('ordered','shipped','delivered','cancelled')),
      created_at timestamptz not null default now()
    );

    create table order_lines (
      order_id uuid not null references orders(id),
      product_size_id uuid not null references product_sizes(id),
      sets integer not null check (sets >= 1),
      primary key (order_id, product_size_id)
    );

    create table shipments (
      id uuid primary key default gen_random_uuid(),
      order_id uuid not null unique references orders(id),
      carrier text not null,
      tracking_number text not null,
      shipped_at timestamptz not null default now(),
      shipped_by uuid references users(id),
      delivered_at timestamptz,
      check (delivered_at is null or delivered_at >= shipped_at)
    );
  `.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`
    drop table if exists shipments, order_lines, orders, product_sizes, products,
      purchase_link_sends, purchase_links, vendor_registrations, target_items, target_batches,
      sanctions, review_returns, ministry_approvals, prefecture_reviews, sos_request_views,
      sos_request_history, sos_requests, weekly_surveys, mail_outbox, audit_log,
      sign_in_throttle, password_reset_tokens, sessions, users, institutions, prefectures cascade;
    drop sequence if exists order_number_seq;
    drop function if exists audit_log_is_append_only();
  `.execute(db);
}
