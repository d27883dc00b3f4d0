import { type Kysely, sql } from "kysely";

// The target list's CSV shows phone numbers and postcodes hyphenated. Formatting
// a phone number (libphonenumber's plan for Japan) costs more than reading the
// row, so the item keeps the display form written when the list is issued;
// items written before this migration (null) are formatted when read. A list
// is a snapshot, so whether Shift_JIS (CP932) can hold it is also decided once,
// after issuing (cp932_check: the row count and what CP932 lacks; null = not
// checked yet). The download reads a list in the file's order through this index.
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    alter table target_items add column phone_display text, add column postcode_display text;
    alter table target_batches add column cp932_check jsonb
      check (cp932_check is null or jsonb_typeof(cp932_check -> 'unrepresentable') = 'array');
    create index target_items_batch_order_idx
      on target_items (batch_id, prefecture_code, institution_code, id);
    drop index target_items_batch_idx;
  `.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`
    create index if not exists target_items_batch_idx on target_items (batch_id);
    drop index if exists target_items_batch_order_idx;
    alter table target_batches drop column if exists cp932_check;
    alter table target_items drop column if exists phone_display, drop column if exists postcode_display;
  `.execute(db);
}
