import {
  formatJaDateTime,
  formatNumber,
  formatSets,
  surveyWeekTitle,
  targetListNumberJa,
} from "@sos/domain";
import { appBaseUrl } from "../../apps";

/** Mail written by review actions; queued through the outbox in the action's transaction. */

const FOOTER = "※このメールは SOS Supply から自動送信されています。このメールには返信できません。";

export interface MailText {
  subject: string;
  text: string;
}

export interface RequestFacts {
  requestId: string;
  weekStart: string;
  appliedAt: Date;
  institution: { code: string; name: string; prefectureName: string };
  contactName: string;
}

/** The request's page in the institution's app. */
export function institutionRequestLink(publicBaseUrl: string, requestId: string): string {
  return `${appBaseUrl(publicBaseUrl, "institution")}/requests/${requestId}`;
}

/** The request's page in the review console. */
export function reviewRequestLink(publicBaseUrl: string, requestId: string): string {
  return `${appBaseUrl(publicBaseUrl, "prefecture")}/requests/${requestId}`;
}

function requestBlock(facts: RequestFacts): string[] {
  return [
    "■要請",
    `  ${facts.institution.name}（医療機関コード：${facts.institution.code}）`,
    `  対象週：${surveyWeekTitle(facts.weekStart)}`,
    `  申請日時：${formatJaDateTime(facts.appliedAt)}`,
  ];
}

/**
 * 対象外のお知らせ to the institution. The manual: an institution found not
 * eligible is contacted individually from the Friday of the request week on,
 * and gets no purchase email from the vendor.
 */
export function notEligibleInstitutionMail(
  facts: RequestFacts & { reason: string; decidedBy: "prefecture" | "ministry" },
  link: string,
): MailText {
  const who =
    facts.decidedBy === "prefecture"
      ? facts.institution.prefectureName
      : "都道府県・国（厚生労働省）";
  const addressee = facts.contactName === "" ? [] : [`${facts.contactName} 様`];
  const lines = [
    `${facts.institution.name} 御中`,
    ...addressee,
    "",
    "医療用手袋の緊急配布要請について、確認の結果をお知らせします。",
    "",
    `${who}で要請内容を確認した結果、今回の要請は配布条件に適さないと判断しました（対象外）。`,
    "このため、販売業者から購入用URLのご案内メールは届きません。",
    "",
    ...requestBlock(facts),
    "■理由",
    `  ${facts.reason}`,
    "",
    "状況が変わり、改めて緊急配布が必要になった場合は、週次調査に回答のうえ、新しい要請を作成してください。",
    `ご不明な点は、${facts.institution.prefectureName}の担当窓口にお問い合わせください。`,
    "",
    "要請の内容はこちらから確認できます：",
    link,
    "",
    FOOTER,
  ];
  return {
    subject: "【SOS Supply】緊急配布要請の確認結果のお知らせ（対象外）",
    text: `${lines.join("\n")}\n`,
  };
}

/** To the prefecture's officers when the ministry closed one of their requests as not eligible. */
export function notEligibleOfficerMail(
  officerName: string,
  facts: RequestFacts & { reason: string; noticeFrom: Date },
  link: string,
): MailText {
  const lines = [
    `${officerName} 様`,
    "",
    `国（厚生労働省）が、${facts.institution.prefectureName}の医療機関の緊急配布要請を対象外としました。`,
    `医療機関には、${formatJaDateTime(facts.noticeFrom)}以降にメールでお知らせします。`,
    "",
    ...requestBlock(facts),
    "■理由",
    `  ${facts.reason}`,
    "",
    "要請の記録はこちらから確認できます：",
    link,
    "",
    FOOTER,
  ];
  return {
    subject: `【SOS Supply】緊急配布要請が国により対象外となりました（${facts.institution.name}）`,
    text: `${lines.join("\n")}\n`,
  };
}

/** To the prefecture's officers: the ministry returned a completed request. */
export function returnedMail(
  officerName: string,
  facts: RequestFacts & { reason: string; prefectureSets: number | null },
  link: string,
): MailText {
  const quantity = facts.prefectureSets === null ? "（未入力）" : `${facts.prefectureSets}セット`;
  const lines = [
    `${officerName} 様`,
    "",
    "国（厚生労働省）から、確認完了済みの緊急配布要請が差し戻されました。",
    "理由を確認し、入力内容を見直したうえで、改めて確認完了としてください。",
    "",
    ...requestBlock(facts),
    `  都道府県の入力数量：${quantity}`,
    "■差戻しの理由",
    `  ${facts.reason}`,
    "",
    "差し戻された要請は、できるだけ早く確認・入力をお願いします。",
    "",
    "要請の確認・入力はこちらから：",
    link,
    "",
    FOOTER,
  ];
  return {
    subject: `【SOS Supply】緊急配布要請が国から差し戻されました（${facts.institution.name}）`,
    text: `${lines.join("\n")}\n`,
  };
}

/** To the vendor's users: a new numbered target list (④) is ready. */
export function targetListIssuedMail(
  userName: string,
  batch: { number: number; issuedAt: Date; itemCount: number; totalSets: number },
  link: string,
): MailText {
  const lines = [
    `${userName} 様`,
    "",
    `厚生労働省から対象医療機関リスト（${targetListNumberJa(batch.number)}）が発行されました。`,
    "リストの医療機関と購入サイトの登録情報を医療機関コードで照合し、購入用URLのご案内をお願いします。",
    "",
    "■リスト",
    `  ${targetListNumberJa(batch.number)}　発行日時：${formatJaDateTime(batch.issuedAt)}`,
    `  医療機関数：${formatNumber(batch.itemCount)}件`,
    `  購入上限数の合計：${formatSets(batch.totalSets)}`,
    "",
    "リストの確認・ダウンロードはこちらから：",
    link,
    "",
    FOOTER,
  ];
  return {
    subject: `【SOS Supply】対象医療機関リスト（${targetListNumberJa(batch.number)}）が発行されました`,
    text: `${lines.join("\n")}\n`,
  };
}
