import { PASSWORD_MIN_LENGTH, SYSTEM_MAIL_FOOTER_JA } from "@sos/auth";
import type { InvitationRole, OutgoingMail } from "@sos/db";
import { formatJaDateTime, tokyoClock } from "@sos/domain";
import { appBaseUrl } from "../../apps";

export const INVITATION_MAIL_KIND = "invitation";
export const INVITATION_MAIL_SUBJECT =
  "【SOS Supply】アカウント登録のご案内（医療用手袋の緊急配布）/ Your invitation to SOS Supply";

/** The accept page of the app the invitee will use; the token is the only key to it. */
export function invitationUrl(publicBaseUrl: string, role: InvitationRole, token: string): string {
  return `${appBaseUrl(publicBaseUrl, role)}/invitation/${encodeURIComponent(token)}`;
}

export interface InvitationMailInput {
  to: string;
  from: string;
  /** Whom the account is for: the institution's name, or the prefecture's / vendor's desk. */
  addressee: string;
  /** Who invites: e.g. 「厚生労働省 山田 太郎」. */
  inviter: string;
  /** What the account is for, one line. */
  scopeJa: string;
  scopeEn: string;
  link: string;
  expiresAt: Date;
}

/**
 * The invitation, Japanese first and English after it, as a secret mail: the
 * link is a credential, so the outbox drops the body once it is sent.
 */
export function invitationMail(input: InvitationMailInput): OutgoingMail {
  const expiresJa = formatJaDateTime(input.expiresAt);
  const { ymd, time } = tokyoClock(input.expiresAt);
  const text = [
    `${input.addressee} 御中`,
    "",
    `${input.inviter} から、SOS Supply（医療用手袋の緊急配布）のアカウント登録のご案内です。`,
    `対象：${input.scopeJa}`,
    "",
    "下記のURLを開き、お名前とパスワードを設定してください。設定が終わるとそのままログインし、",
    "今週の在庫調査の画面が開きます。",
    "",
    input.link,
    "",
    `URLの有効期限：${expiresJa}（日本時間）`,
    "",
    "・このURLは一度だけ使用できます。期限を過ぎた場合は、招待した方に再送を依頼してください。",
    "・再送した場合は、最後に届いたメールのURLのみ有効です。",
    `・パスワードは、半角英大文字・半角英小文字・半角数字をそれぞれ1文字以上含む${PASSWORD_MIN_LENGTH}文字以上で設定してください。`,
    "",
    "お心当たりのない場合は、このメールを破棄してください。",
    "",
    "--- English ---",
    `${input.inviter} invites you to SOS Supply, the emergency distribution of medical gloves.`,
    `For: ${input.scopeEn}`,
    "Open the link above to set your name and password; you are then signed in.",
    `The link can be used once and expires at ${ymd} ${time} Japan time (JST).`,
    "If you did not expect this mail, please discard it.",
    "",
    ...SYSTEM_MAIL_FOOTER_JA,
  ].join("\n");
  return {
    kind: INVITATION_MAIL_KIND,
    to: input.to,
    from: input.from,
    subject: INVITATION_MAIL_SUBJECT,
    text,
    secret: true,
  };
}
