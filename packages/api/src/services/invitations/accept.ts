import {
  checkPasswordPolicy,
  createSession,
  hashPassword,
  hashToken,
  inetOrNull,
  PASSWORD_POLICY_MESSAGES_JA,
  type SessionUser,
} from "@sos/auth";
import { appendAudit, type Db } from "@sos/db";
import {
  countUsersInScope,
  findInvitationByTokenHash,
  firstFreeUsername,
  type InvitationView,
  insertInvitedUser,
  markInvitationAccepted,
} from "@sos/db/repositories/invitation";
import { DomainError } from "../../errors";
import type { InvitationPage } from "../../schemas/invitations";

/** Why a link cannot be used, in the words the accept page shows. */
export const INVITATION_STATE_MESSAGES = {
  used: "この招待リンクは既に使用されています。登録したユーザー名とパスワードでログインしてください。",
  expired:
    "この招待リンクは有効期限が切れています。招待した方（医療機関の最初の利用者は都道府県または厚生労働省）に再送を依頼してください。",
  voided:
    "この招待リンクは無効になりました。新しい招待メールが送信されています。最新のメールのリンクを開いてください。",
  unknown:
    "この招待リンクは無効です。メールに記載されたURLが途中で切れていないか確認してください。",
} as const;
export type ClosedState = keyof typeof INVITATION_STATE_MESSAGES;

function stateOf(found: InvitationView | undefined, now: Date): ClosedState | "open" {
  if (found === undefined) return "unknown";
  if (found.acceptedAt !== null) return "used";
  if (found.voidedAt !== null) return "voided";
  if (now.getTime() >= found.expiresAt.getTime()) return "expired";
  return "open";
}

/**
 * The sign-in names an invitation may get, best first. A clinic is told its
 * 医療機関コード by the registry and knows it by heart: its first user signs
 * in with the code itself, colleagues with the code and a number (…-2, …-3).
 * Officers and vendor users get a numbered name of their desk.
 */
async function usernameCandidates(trx: Db, found: InvitationView): Promise<string[]> {
  const taken = await countUsersInScope(trx, {
    role: found.role,
    institutionId: found.institutionId,
    prefectureCode: found.role === "prefecture" ? found.prefectureCode : null,
  });
  const numbers = Array.from({ length: 50 }, (_, i) => taken + 1 + i);
  if (found.role === "institution" && found.institutionCode !== null) {
    const code = found.institutionCode;
    const numbered = numbers.map((n) => `${code}-${n}`);
    return taken === 0 ? [code, ...numbered.slice(1)] : numbered;
  }
  const desk =
    found.role === "prefecture"
      ? `pref${String(found.prefectureCode ?? 0).padStart(2, "0")}-officer`
      : "vendor";
  return numbers.map((n) => `${desk}${n}`);
}

async function proposedUsername(db: Db, found: InvitationView): Promise<string> {
  const name = await firstFreeUsername(db, await usernameCandidates(db, found));
  if (name === undefined) throw new DomainError("CONFLICT");
  return name;
}

/** What the page behind a mailed link shows: the invitation, or why it cannot be used. */
export async function invitationPage(db: Db, token: string, now: Date): Promise<InvitationPage> {
  const found = await findInvitationByTokenHash(db, hashToken(token));
  const state = stateOf(found, now);
  if (state !== "open" || found === undefined) {
    return {
      state: state === "open" ? "unknown" : state,
      message: INVITATION_STATE_MESSAGES[state === "open" ? "unknown" : state],
    };
  }
  return {
    state: "open",
    role: found.role,
    email: found.email,
    institution:
      found.institutionCode !== null && found.institutionName !== null
        ? { code: found.institutionCode, name: found.institutionName }
        : null,
    prefectureName: found.prefectureName,
    inviterName: found.inviterName,
    inviterRole: found.inviterRole as SessionUser["role"],
    expiresAt: found.expiresAt,
    username: await proposedUsername(db, found),
  };
}

export interface AcceptInput {
  token: string;
  displayName: string;
  password: string;
  ip: string;
  userAgent: string;
  now: Date;
}

export interface Accepted {
  user: SessionUser;
  sessionToken: string;
  sessionExpiresAt: Date;
}

function invalid(state: ClosedState): DomainError {
  return new DomainError("INVITATION_INVALID", { messageJa: INVITATION_STATE_MESSAGES[state] });
}

const UNIQUE_VIOLATION = "23505";

function isUniqueViolation(error: unknown): boolean {
  return (error as { code?: unknown } | null)?.code === UNIQUE_VIOLATION;
}

/**
 * Creates the invited person's account and signs them in, in one transaction
 * that locks the invitation: of two accepts at once (two clicks, two tabs) the
 * second finds it accepted and creates nothing. The password is hashed before
 * the transaction (argon2id takes a while) and judged by the house policy
 * against the name the account will get.
 */
export async function acceptInvitation(db: Db, input: AcceptInput): Promise<Accepted> {
  const tokenHash = hashToken(input.token);
  const found = await findInvitationByTokenHash(db, tokenHash);
  const state = stateOf(found, input.now);
  if (state !== "open" || found === undefined) throw invalid(state === "open" ? "unknown" : state);
  const policy = checkPasswordPolicy(input.password, {
    username: await proposedUsername(db, found),
  });
  if (!policy.ok) {
    const messageJa = PASSWORD_POLICY_MESSAGES_JA[policy.error];
    throw new DomainError("PASSWORD_POLICY", { messageJa, fieldErrors: { password: [messageJa] } });
  }
  const passwordHash = await hashPassword(input.password);
  for (let attempt = 1; ; attempt += 1) {
    try {
      return await acceptLocked(db, tokenHash, { ...input, passwordHash });
    } catch (error) {
      // A colleague accepting at the same instant took the same numbered name: take the next.
      if (attempt < 3 && isUniqueViolation(error)) continue;
      throw error;
    }
  }
}

async function acceptLocked(
  db: Db,
  tokenHash: string,
  input: AcceptInput & { passwordHash: string },
): Promise<Accepted> {
  return db.transaction().execute(async (trx) => {
    const found = await findInvitationByTokenHash(trx, tokenHash, { forUpdate: true });
    const state = stateOf(found, input.now);
    if (state !== "open" || found === undefined)
      throw invalid(state === "open" ? "unknown" : state);
    const username = await proposedUsername(trx, found);
    const prefectureCode = found.role === "prefecture" ? found.prefectureCode : null;
    const userId = await insertInvitedUser(trx, {
      username,
      displayName: input.displayName,
      email: found.email,
      role: found.role,
      institutionId: found.institutionId,
      prefectureCode,
      passwordHash: input.passwordHash,
      createdAt: input.now,
    });
    await markInvitationAccepted(trx, found.id, userId, input.now);
    await appendAudit(trx, {
      action: "invitation.accept",
      actorUserId: userId,
      actorRole: found.role,
      targetType: "invitation",
      targetId: found.id,
      ip: inetOrNull(input.ip),
      details: { username, role: found.role, institutionId: found.institutionId, prefectureCode },
    });
    const { token, session } = await createSession(trx, userId, {
      now: input.now,
      ip: input.ip,
      userAgent: input.userAgent,
    });
    const user: SessionUser = {
      id: userId,
      username,
      displayName: input.displayName,
      role: found.role,
      institutionId: found.institutionId,
      prefectureCode,
      email: found.email,
      // An invitation makes no lead; the ministry names one on the accounts page.
      leadOfficer: false,
    };
    return { user, sessionToken: token, sessionExpiresAt: session.expiresAt };
  });
}
