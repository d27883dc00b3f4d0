import { type Kysely, sql } from "kysely";

// Issue 17 #6: the open weekly figures. After each weekly cutoff a job writes
// one file pair (CSV and JSON) per request week, once: what was published is
// kept as published (the bytes and their SHA-256), and never changes.
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table open_weekly_figures (
      week_start date primary key,
      -- The instant the figures describe (the cutoff that closed the week's cycle).
      as_of timestamptz not null,
      published_at timestamptz not null check (published_at >= as_of),
      row_count integer not null check (row_count >= 0),
      suppressed_cells integer not null check (suppressed_cells >= 0),
      csv text not null,
      json text not null,
      csv_sha256 text not null check (csv_sha256 = encode(sha256(convert_to(csv, 'UTF8')), 'hex')),
      json_sha256 text not null check (json_sha256 = encode(sha256(convert_to(json, 'UTF8')), 'hex'))
    );

    create function open_weekly_figures_unchanged() returns trigger language plpgsql as $$
    begin
      raise exception '公開済みの週次集計は変更・削除できません (open_weekly_figures is append-only)';
    end $$;
    create trigger open_weekly_figures_unchanged before update or delete on open_weekly_figures
      for each row execute function open_weekly_figures_unchanged();
  `.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`
    drop table if exists open_weekly_figures;
    drop function if exists open_weekly_figures_unchanged();
  `.execute(db);
}
