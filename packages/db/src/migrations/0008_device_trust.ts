import { type Kysely, sql } from "kysely";

// Throttling that cannot be turned against the owner (OWASP "Slow Down Online
// Guessing Attacks with Device Cookies"). A browser that has signed in to an
// account gets a device cookie; the table keeps only the SHA-256 of its token,
// bound to the user, so a leaked dump trusts no browser. Failures from browsers
// without one are counted per account and per address as before; a trusted
// browser is counted on its own row ('device:<id>') and is not held back by them.
//
// sign_in_throttle.refused counts attempts turned away while a key was blocked,
// so sustained guessing is visible even when it never reaches a password check;
// alerted_at keeps one key from alerting the ministry more than once a day.
// sign_in_alerts records each alert raised (and whether it was mailed): the mail
// to the ministry is rate-limited on it, and the review console can list it.
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table trusted_devices (
      id char(64) primary key check (id ~ '^[0-9a-f]{64}$'),
      user_id uuid not null references users(id) on delete cascade,
      created_at timestamptz not null,
      expires_at timestamptz not null,
      check (expires_at > created_at)
    );
    create index trusted_devices_user_idx on trusted_devices (user_id);
    create index trusted_devices_expires_idx on trusted_devices (expires_at);

    alter table sign_in_throttle
      add column refused integer not null default 0 check (refused >= 0),
      add column alerted_at timestamptz;

    create table sign_in_alerts (
      id bigint generated always as identity primary key,
      raised_at timestamptz not null,
      scope text not null check (scope in ('account', 'ip', 'device')),
      subject text not null check (length(subject) between 1 and 200),
      attempts integer not null check (attempts > 0),
      since timestamptz not null check (since <= raised_at),
      mailed boolean not null
    );
    create index sign_in_alerts_raised_idx on sign_in_alerts (raised_at);
  `.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`
    drop table if exists sign_in_alerts;
    alter table sign_in_throttle drop column if exists alerted_at, drop column if exists refused;
    drop table if exists trusted_devices;
  `.execute(db);
}
