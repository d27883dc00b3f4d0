import { type Kysely, sql } from "kysely";

// Invitations: how a person gets an account. Each is a one-time link mailed to one
// address for one role and scope (an institution, a prefecture's officers, the
// vendor); the token is kept as its SHA-256 only, as sessions, resets and purchase
// links are. A resend voids the open invitation and writes a new one (new token),
// so the old link stops working and the history stays.
//
// The ministry invites every institution of the registry in one action: a run
// (invitation_runs) whose job writes a batch of invitations and their mails per
// transaction, set-based, at the run's pace.
//
// Delivery state follows the outbox: a trigger on mail_outbox copies "sent" and a
// permanent SMTP rejection (mail_outbox.rejected_at, set by the worker on a 5xx
// reply) onto the invitation the mail carries, so the mail worker stays generic.
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    alter table mail_outbox add column rejected_at timestamptz,
      add constraint mail_outbox_rejected_is_failed
        check (rejected_at is null or (status = 'failed' and last_error is not null));

    create table invitation_runs (
      id uuid primary key default gen_random_uuid(),
      -- null: every prefecture
      prefecture_code smallint references prefectures(code),
      created_by uuid not null references users(id),
      created_at timestamptz not null,
      -- every invitation of the run expires at this instant
      expires_at timestamptz not null,
      -- what the job needs to write the mails, fixed when the ministry starts the run
      public_base_url text not null,
      mail_from text not null,
      batch_size integer not null check (batch_size between 1 and 5000),
      pace_seconds integer not null check (pace_seconds between 0 and 3600),
      -- institutions without a user and without an open invitation when it started
      total integer not null check (total >= 0),
      invited integer not null default 0 check (invited >= 0),
      -- the run walks the register in code order: each batch starts after the last code taken
      last_code char(10),
      finished_at timestamptz,
      check (expires_at > created_at)
    );
    -- One run at a time: a second click joins the running one instead of racing it.
    create unique index invitation_runs_one_running on invitation_runs ((true))
      where finished_at is null;

    create table invitations (
      id uuid primary key default gen_random_uuid(),
      token_hash char(64) not null unique check (token_hash ~ '^[0-9a-f]{64}$'),
      role text not null check (role in ('institution', 'prefecture', 'vendor')),
      institution_id uuid references institutions(id),
      prefecture_code smallint references prefectures(code),
      email text not null check (position('@' in email) > 1),
      invited_by uuid not null references users(id),
      run_id uuid references invitation_runs(id),
      created_at timestamptz not null,
      expires_at timestamptz not null,
      mail_id uuid references mail_outbox(id),
      delivery text not null default 'pending'
        check (delivery in ('pending', 'sent', 'undeliverable')),
      -- the SMTP server's reply when it refused the address for good
      delivery_error text,
      sent_at timestamptz,
      accepted_at timestamptz,
      accepted_user_id uuid references users(id),
      voided_at timestamptz,
      void_reason text check (void_reason in ('resent', 'revoked')),
      -- the role decides the scope columns: an institution's staff, a prefecture's officer, the vendor
      constraint invitations_role_scope check (
        (role = 'institution' and institution_id is not null and prefecture_code is null)
        or (role = 'prefecture' and prefecture_code is not null and institution_id is null)
        or (role = 'vendor' and institution_id is null and prefecture_code is null)),
      check (expires_at > created_at),
      check ((accepted_at is null) = (accepted_user_id is null)),
      check ((voided_at is null) = (void_reason is null)),
      check (accepted_at is null or voided_at is null),
      check ((delivery = 'sent') = (sent_at is not null)),
      check ((delivery = 'undeliverable') = (delivery_error is not null))
    );
    -- At most one open invitation per address and scope.
    create unique index invitations_one_open on invitations
      (lower(email), role, coalesce(institution_id::text, ''), coalesce(prefecture_code, 0))
      where accepted_at is null and voided_at is null;
    create index invitations_institution_idx on invitations (institution_id, created_at desc)
      where institution_id is not null;
    create index invitations_open_institution_idx on invitations (institution_id)
      where institution_id is not null and accepted_at is null and voided_at is null;
    create index invitations_mail_idx on invitations (mail_id) where mail_id is not null;
    create index invitations_undeliverable_idx on invitations (institution_id)
      where delivery = 'undeliverable' and voided_at is null and accepted_at is null;
    create index invitations_run_idx on invitations (run_id) where run_id is not null;

    create function invitation_delivery_from_mail() returns trigger language plpgsql as $$
      begin
        if new.status = 'sent' and old.status <> 'sent' then
          update invitations set delivery = 'sent', sent_at = new.sent_at, delivery_error = null
            where mail_id = new.id and delivery <> 'sent';
        elsif new.rejected_at is not null and old.rejected_at is null then
          update invitations set delivery = 'undeliverable', delivery_error = new.last_error
            where mail_id = new.id and delivery = 'pending';
        end if;
        return null;
      end $$;
    create trigger mail_outbox_invitation_delivery after update of status, rejected_at on mail_outbox
      for each row when (new.kind = 'invitation'
        and (new.status is distinct from old.status or new.rejected_at is distinct from old.rejected_at))
      execute function invitation_delivery_from_mail();
  `.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`
    drop trigger if exists mail_outbox_invitation_delivery on mail_outbox;
    drop function if exists invitation_delivery_from_mail();
    drop table if exists invitations;
    drop table if exists invitation_runs;
    alter table mail_outbox drop constraint if exists mail_outbox_rejected_is_failed,
      drop column if exists rejected_at;
  `.execute(db);
}
