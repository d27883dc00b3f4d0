import { generateSecureToken, hashToken, type SessionUser } from "@sos/auth";
import { appendAudit, type Db, enqueueMail, type InvitationRole } from "@sos/db";
import {
  type InstitutionKey,
  type InstitutionToInvite,
  insertInvitation,
  institutionToInvite,
  lockOpenInstitutionInvitations,
  setInvitationMail,
  voidInvitations,
} from "@sos/db/repositories/invitation";
import { PREFECTURES, ROLE_LABELS } from "@sos/domain";
import type { ApiConfig } from "../../context";
import { DomainError } from "../../errors";
import { invitationMail, invitationUrl } from "./mail";
import type { Invitee } from "./may-invite";

export interface InviteActor {
  user: SessionUser;
  /** For the audit log; null when it is not an address. */
  ip: string | null;
}

export interface InvitationCreated {
  id: string;
  role: InvitationRole;
  email: string;
  expiresAt: Date;
}

export const INVITATION_TTL_DAYS = 14;

export function invitationExpiry(config: ApiConfig, now: Date): Date {
  const days = config.invitations?.ttlDays ?? INVITATION_TTL_DAYS;
  return new Date(now.getTime() + days * 24 * 60 * 60 * 1000);
}

/** 「山田 太郎（国（厚生労働省））」: who an invitation says it is from. */
export function inviterLabel(user: Pick<SessionUser, "displayName" | "role">): string {
  return `${user.displayName}（${ROLE_LABELS.ja[user.role]}）`;
}

function prefectureName(code: number): string {
  return PREFECTURES.find((p) => p.code === code)?.name ?? String(code);
}

interface Addressing {
  addressee: string;
  scopeJa: string;
  scopeEn: string;
}

async function addressingOf(trx: Db, invitee: Invitee): Promise<Addressing> {
  if (invitee.role === "institution") {
    const institution = await institutionToInvite(
      trx,
      { id: invitee.institutionId },
      { forUpdate: true },
    );
    if (institution === undefined || !institution.active) throw new DomainError("NOT_FOUND");
    return {
      addressee: institution.name,
      scopeJa: `${institution.name}（医療機関コード ${institution.code}、${institution.prefectureName}）の利用者`,
      scopeEn: `a user of ${institution.name} (institution code ${institution.code})`,
    };
  }
  if (invitee.role === "prefecture") {
    const name = prefectureName(invitee.prefectureCode);
    return {
      addressee: `${name} ご担当者様`,
      scopeJa: `${name}の担当者（要請の確認）`,
      scopeEn: `an officer of ${name} prefecture`,
    };
  }
  return {
    addressee: "販売業者 ご担当者様",
    scopeJa: "販売業者の担当者",
    scopeEn: "a user of the vendor",
  };
}

const ALREADY_INVITED =
  "このメールアドレスには、既に有効な招待を送信済みです。届いていない場合は再送してください。";

/**
 * Writes one invitation and its mail in the caller's transaction: a fresh token
 * (kept as its hash), the mail through the outbox, the audit entry.
 */
async function writeInvitation(
  trx: Db,
  input: { actor: InviteActor; now: Date; config: ApiConfig; invitee: Invitee; email: string },
  action: "invitation.create" | "invitation.resend",
): Promise<InvitationCreated> {
  const { actor, now, config, invitee, email } = input;
  const addressing = await addressingOf(trx, invitee);
  const token = generateSecureToken();
  const expiresAt = invitationExpiry(config, now);
  const id = await insertInvitation(trx, {
    tokenHash: hashToken(token),
    role: invitee.role,
    institutionId: invitee.role === "institution" ? invitee.institutionId : null,
    prefectureCode: invitee.role === "prefecture" ? invitee.prefectureCode : null,
    email,
    invitedBy: actor.user.id,
    createdAt: now,
    expiresAt,
  });
  if (id === undefined) throw new DomainError("CONFLICT", { messageJa: ALREADY_INVITED });
  const mailId = await enqueueMail(
    trx,
    invitationMail({
      to: email,
      from: config.mailFrom,
      ...addressing,
      inviter: inviterLabel(actor.user),
      link: invitationUrl(config.publicBaseUrl, invitee.role, token),
      expiresAt,
    }),
  );
  await setInvitationMail(trx, id, mailId);
  await appendAudit(trx, {
    action,
    actorUserId: actor.user.id,
    actorRole: actor.user.role,
    targetType: "invitation",
    targetId: id,
    ip: actor.ip,
    details: { invitee, email },
  });
  return { id, role: invitee.role, email, expiresAt };
}

/** One invitation (mayInvite is the caller's check, made before). */
export async function createInvitation(
  db: Db,
  input: { actor: InviteActor; now: Date; config: ApiConfig; invitee: Invitee; email: string },
): Promise<InvitationCreated> {
  return db.transaction().execute((trx) => writeInvitation(trx, input, "invitation.create"));
}

export type ResendResult =
  | {
      kind: "resent";
      invitation: InvitationCreated;
      institution: Pick<InstitutionToInvite, "code" | "name">;
    }
  /** The institution is another prefecture's: the caller is told it does not exist. */
  | { kind: "out_of_scope"; institutionId: string };

function notInRegistry(key: InstitutionKey): DomainError {
  return new DomainError("NOT_FOUND", {
    messageJa:
      "code" in key
        ? `医療機関コード ${key.code} の医療機関は登録簿にありません（廃止された医療機関を含みます）。コードを確かめてください。`
        : "この医療機関は登録簿にありません（廃止された医療機関を含みます）。",
  });
}

/**
 * Invites an institution again at the registry's current address: its open
 * invitations are voided (their links stop working) and a new one is mailed.
 * For an institution whose registry address was wrong, after the registry has
 * been corrected; or for one whose link expired.
 */
export async function resendInstitutionInvitation(
  db: Db,
  input: {
    actor: InviteActor;
    now: Date;
    config: ApiConfig;
    institution: InstitutionKey;
    /** null: the ministry (every prefecture). */
    prefectureCode: number | null;
  },
): Promise<ResendResult> {
  return db.transaction().execute(async (trx) => {
    const institution = await institutionToInvite(trx, input.institution, { forUpdate: true });
    if (institution === undefined || !institution.active) throw notInRegistry(input.institution);
    if (input.prefectureCode !== null && institution.prefectureCode !== input.prefectureCode) {
      return { kind: "out_of_scope" as const, institutionId: institution.id };
    }
    if (institution.users > 0) {
      throw new DomainError("INVALID_STATE", {
        messageJa:
          "この医療機関には既に利用者がいます。職員の追加は、医療機関の利用者が画面から招待します。",
      });
    }
    const open = await lockOpenInstitutionInvitations(trx, institution.id);
    await voidInvitations(
      trx,
      open.map((row) => row.id),
      input.now,
      "resent",
    );
    for (const row of open) {
      await appendAudit(trx, {
        action: "invitation.void",
        actorUserId: input.actor.user.id,
        actorRole: input.actor.user.role,
        targetType: "invitation",
        targetId: row.id,
        ip: input.actor.ip,
        details: { reason: "resent", institutionId: institution.id },
      });
    }
    const invitation = await writeInvitation(
      trx,
      {
        ...input,
        invitee: { role: "institution", institutionId: institution.id },
        email: institution.email,
      },
      "invitation.resend",
    );
    return {
      kind: "resent" as const,
      invitation,
      institution: { code: institution.code, name: institution.name },
    };
  });
}
