import { type Kysely, sql } from "kysely";

// The vendor's side: matching the ministry's list with facility registrations,
// purchase-link send runs, registration reminders, and what shipping needs.
//
// Matching (照合) compares the ministry's snapshot (target_items) with the
// vendor's registration on the institution code. People write the same facility
// differently (全角／半角, spaces, 「1丁目2番3号」 or 「1-2-3」, with or without
// the prefecture), so the comparison is on a normal form computed by two SQL
// functions: one definition that both the per-item view and the per-batch counts
// use, so a list and its totals can never disagree.
const PREFECTURES =
  "北海道|青森県|岩手県|宮城県|秋田県|山形県|福島県|茨城県|栃木県|群馬県|埼玉県|千葉県|東京都|神奈川県|新潟県|富山県|石川県|福井県|山梨県|長野県|岐阜県|静岡県|愛知県|三重県|滋賀県|京都府|大阪府|兵庫県|奈良県|和歌山県|鳥取県|島根県|岡山県|広島県|山口県|徳島県|香川県|愛媛県|高知県|福岡県|佐賀県|長崎県|熊本県|大分県|宮崎県|鹿児島県|沖縄県";

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    -- Names: NFKC (full-width letters and digits to half-width, half-width kana to
    -- full-width), no whitespace at all, case-folded.
    create function vendor_match_text(value text) returns text
      language sql immutable strict parallel safe
      as $$ select lower(regexp_replace(normalize(value, NFKC), '\\s+', '', 'g')) $$;

    -- Addresses: as names, without a leading prefecture, with 丁目・番地・番・号・の
    -- and dash look-alikes between numbers written as "-", and a trailing 番地/番/号
    -- dropped: 「東京都千代田区霞が関一丁目２番２号」 = 「千代田区霞が関1-2-2」.
    create function vendor_match_address(value text) returns text
      language plpgsql immutable strict parallel safe
      as $$
      declare
        s text := regexp_replace(normalize(value, NFKC), '\\s+', '', 'g');
        kanji text[] := array['一','二','三','四','五','六','七','八','九'];
        i integer;
      begin
        s := regexp_replace(s, '^(${sql.raw(PREFECTURES)})', '');
        for i in 1..9 loop
          s := replace(s, kanji[i] || '丁目', i::text || '丁目');
        end loop;
        s := regexp_replace(s, '([0-9])(丁目|番地の|番地|番の|番|号|の|[‐‑‒–—―−ー-])(?=[0-9])', '\\1-', 'g');
        s := regexp_replace(s, '([0-9])(番地|番|号)$', '\\1');
        return lower(s);
      end $$;

    -- One "send purchase links" action of the back office: the items it covers
    -- and how each ended, so the screen can show progress while it runs and a
    -- crashed run can be resumed (its pending items are still listed). The id is
    -- chosen by the client, which lets it poll before the first reply arrives
    -- and makes a repeated submission resume the run instead of mailing twice.
    create table purchase_link_runs (
      id uuid primary key,
      batch_id uuid not null references target_batches(id),
      resend boolean not null default false,
      allow_mismatched boolean not null default false,
      total integer not null check (total >= 0),
      created_by uuid not null references users(id),
      created_at timestamptz not null default now(),
      finished_at timestamptz
    );
    create index purchase_link_runs_batch_idx on purchase_link_runs (batch_id, created_at desc);

    create table purchase_link_run_items (
      run_id uuid not null references purchase_link_runs(id),
      target_item_id uuid not null references target_items(id),
      state text not null default 'pending' check (state in ('pending','sent','skipped','failed')),
      reason text check (reason in ('not_registered','mismatched','already_sent','ordered','error')),
      purchase_link_id uuid references purchase_links(id),
      done_at timestamptz,
      primary key (run_id, target_item_id),
      check ((state = 'pending') = (done_at is null)),
      check ((state = 'sent') = (purchase_link_id is not null)),
      check ((state in ('skipped','failed')) = (reason is not null))
    );
    create index purchase_link_run_items_pending_idx
      on purchase_link_run_items (run_id) where state = 'pending';

    -- 未登録 institutions reminded to register, at the address from the ministry's list.
    create table registration_reminders (
      id bigint generated always as identity primary key,
      target_item_id uuid not null references target_items(id),
      mail_id uuid not null references mail_outbox(id),
      sent_by uuid references users(id),
      at timestamptz not null default now()
    );
    create index registration_reminders_item_idx on registration_reminders (target_item_id, at desc);

    -- Where the order confirmation went: shipping notices follow it there, even
    -- if the registration's address changes later.
    alter table orders
      add column notify_email text check (notify_email is null or position('@' in notify_email) > 1);
    create index orders_status_idx on orders (status, created_at);
    create index orders_institution_idx on orders (institution_id, created_at desc);

    alter table shipments add column delivered_by uuid references users(id);

    create index purchase_links_item_idx on purchase_links (target_item_id, created_at desc);
    create index purchase_link_sends_link_idx on purchase_link_sends (purchase_link_id, at desc);
    create index target_items_institution_idx on target_items (institution_id);

    -- The storefront sells one product (medical gloves) in sizes; a purchase names
    -- sizes only, so two products on sale at once would make it ambiguous.
    create unique index products_one_active on products ((true)) where active;
  `.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`
    drop index if exists products_one_active;
    drop index if exists target_items_institution_idx;
    drop index if exists purchase_link_sends_link_idx;
    drop index if exists purchase_links_item_idx;
    alter table shipments drop column if exists delivered_by;
    drop index if exists orders_institution_idx;
    drop index if exists orders_status_idx;
    alter table orders drop column if exists notify_email;
    drop table if exists registration_reminders, purchase_link_run_items, purchase_link_runs;
    drop function if exists vendor_match_address(text);
    drop function if exists vendor_match_text(text);
  `.execute(db);
}
