import { type Kysely, sql } from "kysely";

// Issue 17: when gloves run short. The ministry states each week's supply per
// size; the lottery seed of a week is committed (its SHA-256) before the week's
// cutoff and revealed after it; a committed allocation run keeps its whole
// input and result as canonical JSON, so it can be replayed byte for byte; the
// sets it allocates are reserved on product_sizes until bought.
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table allocation_supplies (
      week_start date not null,
      size text not null check (size in ('SS', 'S', 'M', 'L', 'LL')),
      sets integer not null check (sets >= 0),
      stated_by uuid not null references users (id),
      stated_at timestamptz not null,
      primary key (week_start, size)
    );

    -- Institutions supplying under an agreement with the authorities (a tier criterion).
    create table supply_agreements (
      institution_id uuid primary key references institutions (id),
      noted_by uuid not null references users (id),
      noted_at timestamptz not null
    );

    -- The sets a request asks for per size (none: the whole approved quantity in M).
    create table sos_request_sizes (
      request_id uuid not null references sos_requests (id),
      size text not null check (size in ('SS', 'S', 'M', 'L', 'LL')),
      sets integer not null check (sets > 0),
      primary key (request_id, size)
    );

    create table allocation_seeds (
      week_start date primary key,
      seed_sha256 text not null check (seed_sha256 ~ '^[0-9a-f]{64}$'),
      seed text not null,
      committed_by uuid not null references users (id),
      committed_at timestamptz not null,
      revealed_at timestamptz,
      check (encode(sha256(convert_to(seed, 'UTF8')), 'hex') = seed_sha256)
    );

    create table allocation_runs (
      id uuid primary key default gen_random_uuid(),
      week_start date not null references allocation_seeds (week_start),
      rule text not null,
      input_json text not null,
      result_json text not null,
      input_sha256 text not null check (input_sha256 = encode(sha256(convert_to(input_json, 'UTF8')), 'hex')),
      result_sha256 text not null check (result_sha256 = encode(sha256(convert_to(result_json, 'UTF8')), 'hex')),
      parameters_reason text,
      committed_by uuid not null references users (id),
      committed_at timestamptz not null
    );
    -- One committed allocation per week: a second commit (two clicks, two servers) fails here.
    create unique index allocation_runs_week_key on allocation_runs (week_start);

    create table allocation_lines (
      run_id uuid not null references allocation_runs (id),
      request_id uuid not null references sos_requests (id),
      code text not null,
      product_size_id uuid not null references product_sizes (id),
      size text not null,
      sets integer not null check (sets > 0),
      taken_sets integer not null default 0 check (taken_sets >= 0 and taken_sets <= sets),
      primary key (run_id, request_id, product_size_id)
    );
    create index allocation_lines_request_idx on allocation_lines (request_id);

    -- Sets held for allocated institutions: never more than the stock, so an
    -- allocated purchase always finds its sets; others buy only what is free.
    alter table product_sizes add column reserved_sets integer not null default 0,
      add constraint product_sizes_reserved_check check (reserved_sets >= 0 and reserved_sets <= stock_sets);
  `.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`
    alter table product_sizes drop constraint if exists product_sizes_reserved_check,
      drop column if exists reserved_sets;
    drop table if exists allocation_lines;
    drop table if exists allocation_runs;
    drop table if exists allocation_seeds;
    drop table if exists sos_request_sizes;
    drop table if exists supply_agreements;
    drop table if exists allocation_supplies;
  `.execute(db);
}
