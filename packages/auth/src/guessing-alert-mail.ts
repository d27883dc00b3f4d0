import type { OutgoingMail } from "@sos/db";
import { formatJaDateTime, formatNumber } from "@sos/domain";
import { SYSTEM_MAIL_FOOTER_JA } from "./reset-mail";
import type { ThrottleScope } from "./throttle";

export const GUESSING_ALERT_MAIL_KIND = "sign_in_guessing_alert";
export const GUESSING_ALERT_MAIL_SUBJECT = "【SOS Supply】ログインの試行が続いています（要確認）";

const TARGET_JA: Readonly<Record<ThrottleScope, (subject: string) => string>> = {
  account: (subject) => `ユーザー名「${subject}」（入力された名前。登録の有無は問いません）`,
  ip: (subject) => `接続元アドレス ${subject}`,
  device: (subject) => `ユーザー名「${subject}」の、以前にログインしたことのあるブラウザ`,
};

export interface GuessingAlertMailInput {
  to: string;
  from: string;
  scope: ThrottleScope;
  subject: string;
  attempts: number;
  since: Date;
  raisedAt: Date;
  /** How often this mail can come at most, in minutes (the other alerts are only recorded). */
  mailIntervalMinutes: number;
}

/** The notice to a ministry officer that someone keeps guessing passwords. */
export function guessingAlertMail(input: GuessingAlertMailInput): OutgoingMail {
  const text = [
    "厚生労働省 ご担当者様",
    "",
    "SOS Supply へのログインで、同じ対象に対する失敗が続いています。",
    "パスワードを推測しようとする攻撃の可能性があります。",
    "",
    `対象：${TARGET_JA[input.scope](input.subject)}`,
    `試行回数：${formatNumber(input.attempts)}回（${formatJaDateTime(input.since)} 以降）`,
    `検知日時：${formatJaDateTime(input.raisedAt)}（日本時間）`,
    "",
    "■システムの対応",
    "・この対象への試行は、時間をおかないと受け付けないよう自動で制限しています。",
    "・以前にログインしたことのあるブラウザからは、利用者本人は引き続きログインできます。",
    "",
    "■お願い",
    "・該当する利用者に心当たりがないか確認し、必要に応じてパスワードの再設定を案内してください。",
    "・詳細は監査ログ（auth.sign_in.guessing_alert）に記録されています。",
    `・このお知らせは${input.mailIntervalMinutes}分に1回までお送りします。その間に検知した他の対象も監査ログに記録されます。`,
    "",
    ...SYSTEM_MAIL_FOOTER_JA,
  ].join("\n");
  return {
    kind: GUESSING_ALERT_MAIL_KIND,
    to: input.to,
    from: input.from,
    subject: GUESSING_ALERT_MAIL_SUBJECT,
    text,
  };
}
