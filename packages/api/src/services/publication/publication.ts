import { appendAudit, type Db } from "@sos/db";
import { PIECES_PER_SET } from "@sos/rules";
import type { ReviewActor } from "../review/actor";
import { csvText, neutraliseCell, utf8WithBom } from "../review/csv";

export const PUBLICATION_CSV_HEADER = [
  "医療機関名",
  "都道府県",
  "承認数量（セット）",
  "承認数量（枚）",
] as const;

export interface PublicationCsv {
  filename: string;
  asciiFilename: string;
  contentType: string;
  /** UTF-8 with a BOM, CRLF line ends. */
  body: Buffer;
  rowCount: number;
  totalSets: number;
}

/**
 * The publishable list of a week (consent term ②: names and quantities may
 * be published): every request of that survey week the ministry approved,
 * with its approved quantity, in prefecture order. Exporting is audited.
 */
export async function publicationCsv(
  db: Db,
  { actor, weekStart }: { actor: ReviewActor; weekStart: string },
): Promise<PublicationCsv> {
  const rows = await db
    .selectFrom("sosRequests as r")
    .innerJoin("ministryApprovals as ma", "ma.requestId", "r.id")
    .innerJoin("institutions as i", "i.id", "r.institutionId")
    .innerJoin("prefectures as p", "p.code", "r.prefectureCode")
    .select(["i.name", "p.name as prefectureName", "ma.quantitySets"])
    .where("r.weekStart", "=", weekStart)
    .where("r.status", "=", "accepted")
    .orderBy("r.prefectureCode")
    .orderBy("i.code")
    .execute();
  const cells = rows.map((row) =>
    [
      row.name,
      row.prefectureName,
      String(row.quantitySets),
      String(row.quantitySets * PIECES_PER_SET),
    ].map(neutraliseCell),
  );
  const totalSets = rows.reduce((sum, row) => sum + row.quantitySets, 0);
  await appendAudit(db, {
    action: "publication.export",
    actorUserId: actor.userId,
    actorRole: actor.role,
    targetType: "week",
    targetId: weekStart,
    ip: actor.ip,
    details: { rowCount: rows.length, totalSets },
  });
  const compact = weekStart.replaceAll("-", "");
  return {
    filename: `緊急配布_公表用一覧_${compact}週.csv`,
    asciiFilename: `publication-${compact}.csv`,
    contentType: "text/csv; charset=utf-8",
    body: utf8WithBom(csvText(PUBLICATION_CSV_HEADER, cells)),
    rowCount: rows.length,
    totalSets,
  };
}
