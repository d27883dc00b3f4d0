import { appendAudit, type Db } from "@sos/db";
import { approvedOfWeek } from "@sos/db/repositories/review";
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
  const rows = await approvedOfWeek(db, weekStart);
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
