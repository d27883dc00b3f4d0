import { type Kysely, sql } from "kysely";

// The ministry's registry import from the review console. An upload is kept
// (its bytes and their SHA-256) with the preview it was shown: the apply reads
// those same bytes again and refuses unless the difference it finds is still the
// one previewed (preview_digest), so "反映する" writes exactly what was on screen.
// The preview's rows (errors, new, changed, gone) are kept item by item so the
// screen can page through 180,000 of them. applied_at set once: a second apply of
// the same upload changes nothing. The bytes are dropped once applied.
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table registry_uploads (
      id uuid primary key default gen_random_uuid(),
      file_name text not null check (length(file_name) between 1 and 255),
      file_digest char(64) not null check (file_digest ~ '^[0-9a-f]{64}$'),
      bytes bytea,
      encoding text not null check (encoding in ('utf8','cp932')),
      row_count integer not null check (row_count >= 0),
      error_count integer not null check (error_count >= 0),
      counts jsonb not null,
      preview_digest char(64) not null check (preview_digest ~ '^[0-9a-f]{64}$'),
      uploaded_by uuid not null references users(id),
      uploaded_at timestamptz not null default now(),
      applied_at timestamptz,
      applied_by uuid references users(id),
      check ((applied_at is null) = (applied_by is null)),
      check (applied_at is not null or bytes is not null)
    );
    create index registry_uploads_uploaded_idx on registry_uploads (uploaded_at desc);

    create table registry_upload_items (
      upload_id uuid not null references registry_uploads(id) on delete cascade,
      kind text not null check (kind in ('error','new','changed','gone')),
      seq integer not null check (seq >= 0),
      item jsonb not null,
      primary key (upload_id, kind, seq)
    );
  `.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`
    drop table if exists registry_upload_items;
    drop table if exists registry_uploads;
  `.execute(db);
}
