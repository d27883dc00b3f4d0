import { sql } from "kysely";
import type { Db } from "../connect";
import type { InvitationDelivery, InvitationRole } from "../schema";

/**
 * Invitations (0013): one-time links to create an account, and the ministry's
 * bulk runs that invite the registry's institutions. "Open" = neither accepted
 * nor voided (an expired one stays open until it is resent).
 */

export interface NewInvitation {
  tokenHash: string;
  role: InvitationRole;
  institutionId: string | null;
  prefectureCode: number | null;
  email: string;
  invitedBy: string;
  createdAt: Date;
  expiresAt: Date;
}

/** Writes one invitation; undefined when an open one for the address and scope exists already. */
export async function insertInvitation(
  trx: Db,
  invitation: NewInvitation,
): Promise<string | undefined> {
  const result = await sql<{ id: string }>`
    insert into invitations (token_hash, role, institution_id, prefecture_code, email, invited_by,
      created_at, expires_at)
    values (${invitation.tokenHash}, ${invitation.role}, ${invitation.institutionId},
      ${invitation.prefectureCode}, ${invitation.email}, ${invitation.invitedBy},
      ${invitation.createdAt}, ${invitation.expiresAt})
    on conflict do nothing
    returning id`.execute(trx);
  return result.rows[0]?.id;
}

export async function setInvitationMail(trx: Db, id: string, mailId: string): Promise<void> {
  await trx.updateTable("invitations").set({ mailId }).where("id", "=", id).execute();
}

export interface InvitationView {
  id: string;
  role: InvitationRole;
  email: string;
  institutionId: string | null;
  institutionCode: string | null;
  institutionName: string | null;
  prefectureCode: number | null;
  prefectureName: string | null;
  inviterName: string;
  inviterRole: string;
  createdAt: Date;
  expiresAt: Date;
  acceptedAt: Date | null;
  voidedAt: Date | null;
}

/** The invitation a link's token names, with who sent it and for which institution or prefecture. */
export async function findInvitationByTokenHash(
  db: Db,
  tokenHash: string,
  options: { forUpdate?: boolean } = {},
): Promise<InvitationView | undefined> {
  const result = await sql<InvitationView>`
    select v.id, v.role, v.email, v.institution_id, i.code as institution_code,
      i.name as institution_name, coalesce(v.prefecture_code, i.prefecture_code) as prefecture_code,
      p.name as prefecture_name, u.display_name as inviter_name, u.role as inviter_role,
      v.created_at, v.expires_at, v.accepted_at, v.voided_at
    from invitations v
    join users u on u.id = v.invited_by
    left join institutions i on i.id = v.institution_id
    left join prefectures p on p.code = coalesce(v.prefecture_code, i.prefecture_code)
    where v.token_hash = ${tokenHash}
    ${options.forUpdate === true ? sql`for update of v` : sql``}`.execute(db);
  return result.rows[0];
}

/** The first of `candidates` no user has taken (case-insensitive, as usernames are citext). */
export async function firstFreeUsername(
  trx: Db,
  candidates: readonly string[],
): Promise<string | undefined> {
  const result = await sql<{ name: string }>`
    select c.name from unnest(${candidates}::text[]) with ordinality as c(name, n)
    where not exists (select 1 from users u where u.username = c.name::citext)
    order by c.n limit 1`.execute(trx);
  return result.rows[0]?.name;
}

/** How many users a scope has already (for a generated username's number). */
export async function countUsersInScope(
  trx: Db,
  scope: { role: InvitationRole; institutionId: string | null; prefectureCode: number | null },
): Promise<number> {
  const result = await sql<{ count: number }>`
    select count(*)::int as count from users
    where role = ${scope.role}
      and institution_id is not distinct from ${scope.institutionId}::uuid
      and prefecture_code is not distinct from ${scope.prefectureCode}::smallint`.execute(trx);
  return result.rows[0]?.count ?? 0;
}

export interface InvitedUser {
  username: string;
  displayName: string;
  email: string;
  role: InvitationRole;
  institutionId: string | null;
  prefectureCode: number | null;
  passwordHash: string;
  createdAt: Date;
}

/** The account an accepted invitation creates; returns its id. */
export async function insertInvitedUser(trx: Db, user: InvitedUser): Promise<string> {
  const row = await trx
    .insertInto("users")
    .values({
      username: user.username,
      displayName: user.displayName,
      email: user.email,
      role: user.role,
      institutionId: user.institutionId,
      prefectureCode: user.prefectureCode,
      passwordHash: user.passwordHash,
      passwordChangedAt: user.createdAt,
      createdAt: user.createdAt,
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function markInvitationAccepted(
  trx: Db,
  id: string,
  userId: string,
  at: Date,
): Promise<void> {
  await trx
    .updateTable("invitations")
    .set({ acceptedAt: at, acceptedUserId: userId })
    .where("id", "=", id)
    .execute();
}

export interface InstitutionToInvite {
  id: string;
  code: string;
  name: string;
  email: string;
  prefectureCode: number;
  prefectureName: string;
  active: boolean;
  users: number;
}

/** An institution by its id (a list's row), or by its code (as the ministry types it). */
export type InstitutionKey = { id: string } | { code: string };

export async function institutionToInvite(
  db: Db,
  key: InstitutionKey,
  options: { forUpdate?: boolean } = {},
): Promise<InstitutionToInvite | undefined> {
  const result = await sql<InstitutionToInvite>`
    select i.id, i.code, i.name, i.email, i.prefecture_code, p.name as prefecture_name, i.active,
      (select count(*)::int from users u where u.institution_id = i.id) as users
    from institutions i join prefectures p on p.code = i.prefecture_code
    where ${"id" in key ? sql`i.id = ${key.id}` : sql`i.code = ${key.code}`}
    ${options.forUpdate === true ? sql`for update of i` : sql``}`.execute(db);
  return result.rows[0];
}

/** The institution's open invitations for its staff, locked, to be voided by a resend. */
export async function lockOpenInstitutionInvitations(
  trx: Db,
  institutionId: string,
): Promise<Array<{ id: string; email: string }>> {
  return trx
    .selectFrom("invitations")
    .select(["id", "email"])
    .where("institutionId", "=", institutionId)
    .where("acceptedAt", "is", null)
    .where("voidedAt", "is", null)
    .forUpdate()
    .execute();
}

export async function voidInvitations(
  trx: Db,
  ids: readonly string[],
  at: Date,
  reason: "resent" | "revoked",
): Promise<void> {
  if (ids.length === 0) return;
  await trx
    .updateTable("invitations")
    .set({ voidedAt: at, voidReason: reason })
    .where("id", "in", ids)
    .where("acceptedAt", "is", null)
    .where("voidedAt", "is", null)
    .execute();
}

export interface UndeliverableInvitation {
  invitationId: string;
  institutionId: string;
  institutionCode: string;
  institutionName: string;
  phone: string;
  /** Where the refused invitation went. */
  email: string;
  /** The registry's address now: where a resend goes (the same until the registry is corrected). */
  registryEmail: string;
  error: string;
  createdAt: Date;
}

/** A prefecture's open invitations the SMTP server refused, with what the prefecture needs to call. */
export async function undeliverableInvitations(
  db: Db,
  prefectureCode: number,
): Promise<UndeliverableInvitation[]> {
  const result = await sql<UndeliverableInvitation>`
    select v.id as invitation_id, i.id as institution_id, i.code as institution_code,
      i.name as institution_name, i.phone, v.email, i.email as registry_email,
      v.delivery_error as error, v.created_at
    from invitations v join institutions i on i.id = v.institution_id
    where v.delivery = 'undeliverable' and v.voided_at is null and v.accepted_at is null
      and i.prefecture_code = ${prefectureCode}
    order by i.code
    limit 2000`.execute(db);
  return result.rows;
}

export type { InvitationDelivery };
