import { type Kysely, sql } from "kysely";

// A storefront registration used to be trusted as typed: anyone could register an
// institution's code with their own address, and the purchase link went there.
// Now a registration counts only once the institution has shown it is that
// institution: by opening a one-time link mailed to the address the ministry's
// registry holds for the code (via 'mail'), or by registering while signed in to
// the institution app as that institution (via 'institution'). The vendor's own
// customer file (source 'import') is the vendor's word and stays as it was.
//
// Registrations written before this migration are left unconfirmed: nothing
// proved them, so the vendor sees them as 要確認 until the institution confirms.
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    alter table vendor_registrations
      add column confirmed_at timestamptz,
      add column confirmed_via text check (confirmed_via in ('mail', 'institution')),
      add constraint vendor_registrations_confirmed_via
        check ((confirmed_at is null) = (confirmed_via is null));

    -- One storefront submission waiting for the registry address's holder to open
    -- its link. The token is stored as its SHA-256 only, as purchase links and
    -- password resets are; the submitted details wait here so that confirming one
    -- submission writes exactly what that holder was shown, whatever others
    -- submitted for the same code meanwhile.
    create table vendor_registration_confirmations (
      id uuid primary key default gen_random_uuid(),
      token_hash char(64) not null unique check (token_hash ~ '^[0-9a-f]{64}$'),
      institution_code char(10) not null check (institution_code ~ '^[0-9]{10}$'),
      facility_name text not null,
      postcode char(7) not null check (postcode ~ '^[0-9]{7}$'),
      address text not null,
      phone text not null check (phone ~ '^0[0-9]{9,10}$'),
      email text not null check (position('@' in email) > 1),
      payment_method text not null
        check (payment_method in ('invoice','bank_transfer','cash_on_delivery')),
      -- the registry address the link was mailed to
      sent_to text not null check (position('@' in sent_to) > 1),
      created_at timestamptz not null default now(),
      expires_at timestamptz not null,
      confirmed_at timestamptz,
      registration_id uuid references vendor_registrations(id),
      check (expires_at > created_at and expires_at <= created_at + interval '7 days'),
      check ((confirmed_at is null) = (registration_id is null))
    );
    create index vendor_registration_confirmations_code_idx
      on vendor_registration_confirmations (institution_code, created_at desc);

    -- A send run may now skip an item held for the vendor's check (要確認).
    alter table purchase_link_run_items drop constraint purchase_link_run_items_reason_check;
    alter table purchase_link_run_items add constraint purchase_link_run_items_reason_check
      check (reason in ('not_registered','mismatched','needs_check','already_sent','ordered','error'));
  `.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`
    alter table purchase_link_run_items drop constraint purchase_link_run_items_reason_check;
    update purchase_link_run_items set reason = 'mismatched' where reason = 'needs_check';
    alter table purchase_link_run_items add constraint purchase_link_run_items_reason_check
      check (reason in ('not_registered','mismatched','already_sent','ordered','error'));
    drop table if exists vendor_registration_confirmations;
    alter table vendor_registrations
      drop constraint if exists vendor_registrations_confirmed_via,
      drop column if exists confirmed_via,
      drop column if exists confirmed_at;
  `.execute(db);
}
