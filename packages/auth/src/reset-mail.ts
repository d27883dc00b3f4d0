import type { OutgoingMail } from "@sos/db";
import { formatJaDateTime } from "@sos/domain";
import { PASSWORD_MIN_LENGTH } from "./password-policy";

export const PASSWORD_RESET_MAIL_KIND = "password_reset";
export const PASSWORD_RESET_MAIL_SUBJECT = "【SOS Supply】パスワード再設定のご案内";

/** The closing lines of every mail the system sends about an account. */
export const SYSTEM_MAIL_FOOTER_JA: readonly string[] = [
  "※このメールは送信専用です。返信いただいてもお答えできません。",
  "――――――――――――――――――――",
  "SOS Supply",
];

export function passwordResetLink(appBaseUrl: string, token: string): string {
  return `${appBaseUrl.replace(/\/+$/, "")}/reset-password?token=${encodeURIComponent(token)}`;
}

export interface PasswordResetMailInput {
  to: string;
  from: string;
  displayName: string;
  username: string;
  link: string;
  expiresAt: Date;
}

export function passwordResetMail(input: PasswordResetMailInput): OutgoingMail {
  const expires = formatJaDateTime(input.expiresAt);
  const text = [
    `${input.displayName} 様`,
    "",
    "SOS Supply（医療用手袋の緊急配布）で、パスワード再設定のお申し込みを受け付けました。",
    "下記のURLにアクセスし、画面の案内に従って新しいパスワードを設定してください。",
    "",
    input.link,
    "",
    `ユーザー名：${input.username}`,
    `URLの有効期限：${expires}（日本時間）`,
    "",
    "・このURLは一度だけ使用できます。有効期限を過ぎた場合は、もう一度パスワード再設定を申請してください。",
    "・再設定を複数回申請した場合は、最後に届いたメールのURLのみ有効です。",
    `・パスワードは、半角英大文字・半角英小文字・半角数字をそれぞれ1文字以上含む${PASSWORD_MIN_LENGTH}文字以上で設定してください。`,
    "・パスワードを再設定すると、ログイン中のすべての端末からログアウトされます。",
    "",
    "お心当たりのない場合は、このメールを破棄してください。パスワードは変更されません。",
    "",
    ...SYSTEM_MAIL_FOOTER_JA,
  ].join("\n");
  return {
    kind: PASSWORD_RESET_MAIL_KIND,
    to: input.to,
    from: input.from,
    subject: PASSWORD_RESET_MAIL_SUBJECT,
    text,
    secret: true,
  };
}
