import { type Db, enqueueMail } from "@sos/db";
import { prefectureOfficers } from "@sos/db/repositories/user";
import { formatJaDate, formatJaDateTime, formatPieces, surveyWeekTitle } from "@sos/domain";
import {
  type Assessment,
  formatPhone,
  PIECES_PER_SET,
  prefectureDeadline,
  type SurveyFigures,
} from "@sos/rules";
import { appBaseUrl } from "../../apps";

/**
 * Mail to the prefecture's officers about one request. Written in the same
 * transaction as the change it announces (outbox), so a rolled-back apply
 * sends nothing and a committed one is sent by the worker, with retries.
 */

export interface RequestMailFacts {
  requestId: string;
  institution: { code: string; name: string; prefectureCode: number; prefectureName: string };
  contactName: string;
  contactPhone: string | null;
  notes: string;
  weekStart: string;
}

export interface AppliedMailFacts extends RequestMailFacts {
  appliedAt: Date;
  figures: SurveyFigures;
  assessment: Assessment;
  late: boolean;
  handleFrom: string;
  deadline: Date;
}

const FOOTER = "※このメールは SOS Supply から自動送信されています。このメールには返信できません。";

/** The request's page in the review console. */
export function reviewLink(publicBaseUrl: string, requestId: string): string {
  return `${appBaseUrl(publicBaseUrl, "prefecture")}/requests/${requestId}`;
}

function institutionBlock(facts: RequestMailFacts): string[] {
  const phone = facts.contactPhone === null ? "（未入力）" : formatPhone(facts.contactPhone);
  return [
    "■医療機関",
    `  ${facts.institution.name}（医療機関コード：${facts.institution.code}）`,
    `  担当者：${facts.contactName}　電話：${phone}`,
    "■対象週",
    `  ${surveyWeekTitle(facts.weekStart)}`,
  ];
}

export function appliedMail(
  officerName: string,
  facts: AppliedMailFacts,
  link: string,
): { subject: string; text: string } {
  const { figures, assessment } = facts;
  const handling = facts.late
    ? `  ※水曜17時の締切（${formatJaDateTime(facts.deadline)}）後の申請のため、${formatJaDate(facts.handleFrom)}以降の対応となります。`
    : `  締切（${formatJaDateTime(facts.deadline)}）までの申請です。`;
  const limitSets = assessment.limitSets;
  const lines = [
    `${officerName} 様`,
    "",
    `${facts.institution.prefectureName}の医療機関から緊急配布要請が申請されました。`,
    "要請内容を確認し、必要事項を入力してください。",
    "",
    ...institutionBlock(facts),
    "■申請日時",
    `  ${formatJaDateTime(facts.appliedAt)}`,
    "■週次調査の回答（システムチェック時点）",
    `  在庫量：${formatPieces(figures.stock)}`,
    `  1週間の想定消費量：${formatPieces(figures.consumption)}`,
    `  1週間の購入見込み量：${formatPieces(figures.purchases)}`,
    `  判定：在庫量 ${formatPieces(figures.stock)} ＜（${formatPieces(figures.consumption)} − ${formatPieces(figures.purchases)}）× 4 ＝ ${formatPieces(assessment.monthlyShortfall)} → 配布対象 該当`,
    `  購入上限数（算定値）：${limitSets}セット（${formatPieces(limitSets * PIECES_PER_SET)}）`,
    "■対応",
    handling,
    `  都道府県の入力期限（原則）：${formatJaDateTime(prefectureDeadline(facts.appliedAt))}`,
    "■備考",
    `  ${facts.notes === "" ? "（なし）" : facts.notes}`,
    "",
    "要請の確認・入力はこちらから：",
    link,
    "",
    "※要請は配布決定ではありません。必要に応じて、医療機関に電話等で状況をご確認ください。",
    FOOTER,
  ];
  return {
    subject: `【SOS Supply】緊急配布要請が申請されました（${facts.institution.name}）`,
    text: `${lines.join("\n")}\n`,
  };
}

export function withdrawnMail(
  officerName: string,
  facts: RequestMailFacts & { withdrawnAt: Date },
  link: string,
): { subject: string; text: string } {
  const lines = [
    `${officerName} 様`,
    "",
    `${facts.institution.prefectureName}の医療機関が、確認中の緊急配布要請を取り下げました。`,
    "この要請についての確認・入力は不要です。",
    "",
    ...institutionBlock(facts),
    "■取下げ日時",
    `  ${formatJaDateTime(facts.withdrawnAt)}`,
    "",
    "要請の記録はこちらから確認できます：",
    link,
    "",
    FOOTER,
  ];
  return {
    subject: `【SOS Supply】緊急配布要請が取り下げられました（${facts.institution.name}）`,
    text: `${lines.join("\n")}\n`,
  };
}

/** One mail per enabled officer of the request's prefecture; returns how many were queued. */
export async function mailOfficers(
  db: Db,
  {
    prefectureCode,
    kind,
    from,
    build,
  }: {
    prefectureCode: number;
    kind: string;
    from: string;
    build: (officerName: string) => { subject: string; text: string };
  },
): Promise<number> {
  const officers = await prefectureOfficers(db, prefectureCode);
  for (const officer of officers) {
    const { subject, text } = build(officer.displayName);
    await enqueueMail(db, { kind, to: officer.email, from, subject, text });
  }
  return officers.length;
}
