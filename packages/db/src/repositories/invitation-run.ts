import { sql } from "kysely";
import type { Db } from "../connect";

/**
 * The ministry's bulk invitation runs (0013): every active institution of the
 * registry (or of one prefecture) with no user and no open invitation gets one,
 * a batch per transaction, each batch a handful of set-based statements.
 */

export const INVITATION_RUN_TASK = "invitation_run";

/** Institutions a run would invite now: active, in scope, no user, no open invitation. */
function eligible(prefectureCode: number | null) {
  return sql`
    from institutions i
    where i.active
      ${prefectureCode === null ? sql`` : sql`and i.prefecture_code = ${prefectureCode}`}
      and not exists (select 1 from users u where u.institution_id = i.id)
      and not exists (select 1 from invitations v where v.institution_id = i.id
        and v.accepted_at is null and v.voided_at is null)`;
}

export async function countInstitutionsToInvite(
  db: Db,
  prefectureCode: number | null,
): Promise<number> {
  const result = await sql<{ count: number }>`
    select count(*)::int as count ${eligible(prefectureCode)}`.execute(db);
  return result.rows[0]?.count ?? 0;
}

export interface NewInvitationRun {
  prefectureCode: number | null;
  createdBy: string;
  createdAt: Date;
  expiresAt: Date;
  publicBaseUrl: string;
  mailFrom: string;
  batchSize: number;
  paceSeconds: number;
  total: number;
}

/** Starts a run, with its first job; undefined while another run is still going. */
export async function insertInvitationRun(
  trx: Db,
  run: NewInvitationRun,
): Promise<string | undefined> {
  const result = await sql<{ id: string }>`
    insert into invitation_runs (prefecture_code, created_by, created_at, expires_at,
      public_base_url, mail_from, batch_size, pace_seconds, total)
    values (${run.prefectureCode}, ${run.createdBy}, ${run.createdAt}, ${run.expiresAt},
      ${run.publicBaseUrl}, ${run.mailFrom}, ${run.batchSize}, ${run.paceSeconds}, ${run.total})
    on conflict do nothing
    returning id`.execute(trx);
  return result.rows[0]?.id;
}

/**
 * The run's next batch job, after its pace. The delay is counted on the
 * database's clock, the one the job queue runs on.
 */
export async function scheduleInvitationBatch(
  trx: Db,
  runId: string,
  delaySeconds: number,
): Promise<void> {
  await sql`select graphile_worker.add_job(${INVITATION_RUN_TASK}, json_build_object('runId', ${runId}::text),
    run_at => now() + make_interval(secs => ${delaySeconds}::int), max_attempts => 10)`.execute(
    trx,
  );
}

export interface InvitationRun {
  id: string;
  prefectureCode: number | null;
  createdBy: string;
  createdAt: Date;
  expiresAt: Date;
  publicBaseUrl: string;
  mailFrom: string;
  batchSize: number;
  paceSeconds: number;
  total: number;
  invited: number;
  lastCode: string | null;
  finishedAt: Date | null;
  inviterName: string;
}

const RUN_COLUMNS = sql`r.id, r.prefecture_code, r.created_by, r.created_at, r.expires_at,
  r.public_base_url, r.mail_from, r.batch_size, r.pace_seconds, r.total, r.invited, r.last_code,
  r.finished_at,
  u.display_name as inviter_name`;

export async function lockInvitationRun(
  trx: Db,
  runId: string,
): Promise<InvitationRun | undefined> {
  const result = await sql<InvitationRun>`
    select ${RUN_COLUMNS} from invitation_runs r join users u on u.id = r.created_by
    where r.id = ${runId} for update of r`.execute(trx);
  return result.rows[0];
}

/** The run still going, else the latest one. */
export async function latestInvitationRun(db: Db): Promise<InvitationRun | undefined> {
  const result = await sql<InvitationRun>`
    select ${RUN_COLUMNS} from invitation_runs r join users u on u.id = r.created_by
    order by r.finished_at is null desc, r.created_at desc, r.id limit 1`.execute(db);
  return result.rows[0];
}

export interface InstitutionInBatch {
  id: string;
  code: string;
  name: string;
  email: string;
  prefectureName: string;
}

/**
 * The next `limit` institutions of the run after `afterCode`, in code order (the
 * code's unique index), locked so that nothing else invites them meanwhile: each
 * batch reads only its own stretch of the register, whatever has been invited.
 */
export async function nextInstitutionsToInvite(
  trx: Db,
  prefectureCode: number | null,
  afterCode: string | null,
  limit: number,
): Promise<InstitutionInBatch[]> {
  const result = await sql<InstitutionInBatch>`
    with picked as (
      select i.id, i.code, i.name, i.email, i.prefecture_code ${eligible(prefectureCode)}
        and i.code > ${afterCode ?? ""}
      order by i.code
      limit ${limit}
      for update of i skip locked
    )
    select picked.id, picked.code, picked.name, picked.email, p.name as prefecture_name
    from picked join prefectures p on p.code = picked.prefecture_code
    order by picked.code`.execute(trx);
  return result.rows;
}

export interface InvitationBatch {
  runId: string;
  invitedBy: string;
  createdAt: Date;
  expiresAt: Date;
  institutionIds: readonly string[];
  emails: readonly string[];
  tokenHashes: readonly string[];
  mailIds: readonly string[];
}

/** A batch of institution invitations in one statement; returns how many were written. */
export async function insertInvitationBatch(trx: Db, batch: InvitationBatch): Promise<number> {
  const result = await sql<{ count: number }>`
    with written as (
      insert into invitations (token_hash, role, institution_id, email, invited_by, run_id,
        created_at, expires_at, mail_id)
      select u.token_hash, 'institution', u.institution_id, u.email, ${batch.invitedBy}::uuid,
        ${batch.runId}::uuid, ${batch.createdAt}::timestamptz, ${batch.expiresAt}::timestamptz, u.mail_id
      from unnest(${batch.tokenHashes}::text[], ${batch.institutionIds}::uuid[],
        ${batch.emails}::text[], ${batch.mailIds}::uuid[]) as u(token_hash, institution_id, email, mail_id)
      returning 1
    )
    select count(*)::int as count from written`.execute(trx);
  return result.rows[0]?.count ?? 0;
}

export async function addToRun(
  trx: Db,
  runId: string,
  invited: number,
  lastCode: string,
): Promise<void> {
  await sql`update invitation_runs set invited = invited + ${invited}, last_code = ${lastCode}
    where id = ${runId}`.execute(trx);
}

export async function finishInvitationRun(trx: Db, runId: string, at: Date): Promise<void> {
  await sql`update invitation_runs set finished_at = ${at} where id = ${runId} and finished_at is null`.execute(
    trx,
  );
}

export interface InvitationCounts {
  total: number;
  invited: number;
  sent: number;
  undeliverable: number;
  accepted: number;
}

/**
 * Where the registry's institutions stand (all, or one prefecture): active
 * institutions; those holding an invitation that is open or accepted; of those,
 * delivered, refused by the SMTP server, accepted.
 */
export async function invitationCounts(
  db: Db,
  prefectureCode: number | null,
): Promise<InvitationCounts> {
  const scope = prefectureCode === null ? sql`` : sql`and i.prefecture_code = ${prefectureCode}`;
  const result = await sql<InvitationCounts>`
    select
      (select count(*)::int from institutions i where i.active ${scope}) as total,
      count(distinct v.institution_id)::int as invited,
      count(distinct v.institution_id) filter (where v.delivery = 'sent')::int as sent,
      count(distinct v.institution_id) filter (where v.delivery = 'undeliverable'
        and v.accepted_at is null)::int as undeliverable,
      count(distinct v.institution_id) filter (where v.accepted_at is not null)::int as accepted
    from invitations v join institutions i on i.id = v.institution_id
    where v.voided_at is null and i.active ${scope}`.execute(db);
  return result.rows[0] ?? { total: 0, invited: 0, sent: 0, undeliverable: 0, accepted: 0 };
}
