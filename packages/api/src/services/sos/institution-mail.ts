import { formatJaDate, formatJaDateTime, formatPieces, surveyWeekTitle } from "@sos/domain";
import { PIECES_PER_SET } from "@sos/rules";
import { appBaseUrl } from "../../apps";

/**
 * Mail to the institution itself about its own request (issue 16 #5): that the
 * request was received (受付, filed for review) and that it was accepted
 * (受付完了, approved by the ministry). Both are written in the transaction of the
 * change they announce (outbox), so a rolled-back filing or approval mails nobody.
 * Neither carries a live link of its own: the request page asks for a sign-in.
 */

const FOOTER = "※このメールは SOS Supply から自動送信されています。このメールには返信できません。";

export interface InstitutionRequestFacts {
  requestId: string;
  institution: { code: string; name: string };
  contactName: string;
  weekStart: string;
  appliedAt: Date;
}

export interface InstitutionMailLinks {
  /** The request's page in the institution's app. */
  request: string;
  /** The vendor's facility registration page (①'). */
  registration: string;
}

/** The institution's app page of one request, and the vendor's registration page. */
export function institutionMailLinks(publicBaseUrl: string, requestId: string) {
  return {
    request: `${appBaseUrl(publicBaseUrl, "institution")}/requests/${requestId}`,
    registration: `${appBaseUrl(publicBaseUrl, "vendor")}/register`,
  } satisfies InstitutionMailLinks;
}

function addressee(facts: InstitutionRequestFacts): string[] {
  return [
    `${facts.institution.name} 御中`,
    ...(facts.contactName === "" ? [] : [`${facts.contactName} 様`]),
  ];
}

function requestBlock(facts: InstitutionRequestFacts): string[] {
  return [
    "■要請",
    `  ${facts.institution.name}（医療機関コード：${facts.institution.code}）`,
    `  対象週：${surveyWeekTitle(facts.weekStart)}`,
    `  申請日時：${formatJaDateTime(facts.appliedAt)}`,
  ];
}

function setsText(sets: number): string {
  return `${sets}セット（${formatPieces(sets * PIECES_PER_SET)}）`;
}

/** 受付: the system check passed and the request went to the prefecture and the ministry. */
export function requestReceivedMail(
  facts: InstitutionRequestFacts & { limitSets: number; late: boolean; handleFrom: string },
  links: InstitutionMailLinks,
): { subject: string; text: string } {
  const handling = facts.late
    ? [`  水曜17時の締切後の申請のため、${formatJaDate(facts.handleFrom)}以降の対応となります。`]
    : ["  締切までの申請です。都道府県・国（厚生労働省）が順に確認します。"];
  const lines = [
    ...addressee(facts),
    "",
    "医療用手袋の緊急配布要請を受け付けました。",
    "システムチェックを通過し、状況は「都道府県・国確認中」です。",
    "",
    ...requestBlock(facts),
    `  購入上限数（算定値）：${setsText(facts.limitSets)}`,
    "■今後の流れ",
    ...handling,
    "  要請は配布の決定ではありません。都道府県・国が数量を確認し、お電話で状況を伺うことがあります。",
    "  承認されると「受付完了」となり、改めてメールでお知らせします。",
    "■販売業者の購入サイトへの施設登録",
    "  承認後、販売業者から購入用URLをメールでご案内します。登録のない医療機関にはご案内が届きません。",
    "  まだの場合は、いまのうちに登録してください（登録が遅れると配送も遅れます）：",
    `  ${links.registration}`,
    "",
    "要請の内容・状況はこちらから確認できます：",
    links.request,
    "",
    FOOTER,
  ];
  return {
    subject: "【SOS Supply】緊急配布要請を受け付けました（都道府県・国確認中）",
    text: `${lines.join("\n")}\n`,
  };
}

/** 受付完了: the ministry approved the request with its quantity. */
export function requestAcceptedMail(
  facts: InstitutionRequestFacts & { approvedAt: Date; quantitySets: number },
  links: InstitutionMailLinks,
): { subject: string; text: string } {
  const lines = [
    ...addressee(facts),
    "",
    "医療用手袋の緊急配布要請が承認され、受付完了となりました。",
    "",
    ...requestBlock(facts),
    `  承認日時：${formatJaDateTime(facts.approvedAt)}`,
    `  承認数量：${setsText(facts.quantitySets)}`,
    "■今後の流れ",
    "  厚生労働省が対象医療機関リストを販売業者に渡したあと、販売業者から購入用URLと購入できる数量をメールでご案内します。",
    "  購入は1回限りです。サイズはセット（1,000枚）ごとに選べます。",
    "■販売業者の購入サイトへの施設登録",
    "  登録のない医療機関には購入用URLのご案内が届きません。まだの場合は、すぐに登録してください：",
    `  ${links.registration}`,
    "",
    "要請の内容・状況はこちらから確認できます：",
    links.request,
    "",
    FOOTER,
  ];
  return {
    subject: "【SOS Supply】緊急配布要請が承認されました（受付完了）",
    text: `${lines.join("\n")}\n`,
  };
}
