import { type Kysely, sql } from "kysely";

// What a kill -9 must not cost.
//
// Job locks. graphile-worker locks a job by worker id and only takes back the
// locks of a worker that died after four hours. Every server process therefore
// registers itself (worker_processes) and each of its worker ids
// (worker_process_workers) before that worker takes a job, and keeps a database
// session open for as long as it lives. A process whose session is gone from
// pg_stat_activity, or whose heartbeat stopped, is dead: any other process (or
// its own successor) releases the locks of exactly its workers. A live process
// is never judged by a guess about worker ids, so two live servers never take
// each other's jobs.
//
// Mail. A send is claimed in a committed statement before the SMTP conversation
// (status 'sending', naming the job and worker of the attempt) and marked sent
// right after it. A row still 'sending' whose attempt is over was interrupted
// between the two: the mail may or may not have reached the SMTP server. It is
// sent again with the same Message-ID (a receiver can drop the copy) and
// counted in interrupted_attempts, so the outbox says which mails might have
// been delivered twice rather than hiding it.
//
// Nothing here names the graphile_worker schema: its migrations run after ours.
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table worker_processes (
      id uuid primary key,
      hostname text not null,
      pid integer not null check (pid > 0),
      started_at timestamptz not null default now(),
      heartbeat_at timestamptz not null default now(),
      backend_pid integer not null,
      backend_start timestamptz not null
    );

    create table worker_process_workers (
      worker_id text primary key,
      process_id uuid not null references worker_processes(id) on delete cascade,
      registered_at timestamptz not null default now()
    );
    create index worker_process_workers_process_idx on worker_process_workers (process_id);

    alter table mail_outbox drop constraint mail_outbox_status_check;
    alter table mail_outbox add constraint mail_outbox_status_check
      check (status in ('pending', 'sending', 'sent', 'failed'));
    alter table mail_outbox
      add column sending_job_id bigint,
      add column sending_worker text,
      add column sending_since timestamptz,
      add column interrupted_attempts integer not null default 0
        check (interrupted_attempts >= 0);
    alter table mail_outbox add constraint mail_outbox_sending_names_attempt check (
      (status = 'sending') = (sending_since is not null)
      and (sending_since is null) = (sending_job_id is null)
      and (sending_job_id is null) = (sending_worker is null)
    );
  `.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`
    update mail_outbox set status = 'pending' where status = 'sending';
    alter table mail_outbox drop constraint if exists mail_outbox_sending_names_attempt;
    alter table mail_outbox
      drop column if exists interrupted_attempts,
      drop column if exists sending_since,
      drop column if exists sending_worker,
      drop column if exists sending_job_id;
    alter table mail_outbox drop constraint mail_outbox_status_check;
    alter table mail_outbox add constraint mail_outbox_status_check
      check (status in ('pending', 'sent', 'failed'));
    drop table if exists worker_process_workers;
    drop table if exists worker_processes;
  `.execute(db);
}
