import { surveyWeekTitle } from "@sos/domain";
import { DataTable, formatJaDateTime, formatNumber } from "@sos/ui";
import type { PublicFigures, PublicFiguresWeek } from "../api-types";

const COLUMNS: readonly [string, string][] = [
  ["week_start", "対象週（週次調査の週の開始日、水曜日）"],
  ["cutoff_at / as_of", "対象週の要請の締切 / 集計時点（次の週の締切）。ISO 8601、日本時間"],
  ["prefecture_code, prefecture", "都道府県（JIS X 0401）"],
  ["institution_type", "施設種別（hospital, clinic, home_nursing, pharmacy, midwifery）"],
  ["size", "サイズ（SS, S, M, L, LL）"],
  ["requests", "要請件数（システムチェックを通過した要請。サイズの指定がない要請は M）"],
  ["approvals", "承認件数（集計時点までに国が承認した要請）"],
  ["allocated_sets", "割当セット数（供給不足時の割当を確定した週のみ。ない週は空欄）"],
  ["bought_sets", "購入セット数（集計時点までの注文。取消を除く）"],
];

export function FiguresList({ figures }: { figures: PublicFigures }) {
  return (
    <div className="sos-stack">
      <p>
        各週の締切後、1時間以内に自動で公開します。対象週の要請について、次の週の締切時点（承認・割当・購入がひととおり済んだ時点）の件数とセット数を、都道府県×施設種別×サイズごとに集計します。次回は
        {surveyWeekTitle(figures.next.weekStart)}の分を
        {formatJaDateTime(new Date(figures.next.asOf))}の締切後に公開します。
      </p>
      <h3>秘匿の方法</h3>
      <p>{figures.suppressionNoteJa}</p>
      <DataTable<PublicFiguresWeek>
        caption="公開した週次集計"
        rows={figures.weeks}
        rowKey={(week) => week.weekStart}
        emptyMessage="まだ公開した週次集計はありません。"
        columns={[
          {
            key: "week",
            header: "対象週",
            rowHeader: true,
            cell: (week) => surveyWeekTitle(week.weekStart),
          },
          { key: "asOf", header: "集計時点", cell: (w) => formatJaDateTime(new Date(w.asOf)) },
          {
            key: "published",
            header: "公開日時",
            cell: (w) => formatJaDateTime(new Date(w.publishedAt)),
          },
          {
            key: "files",
            header: "ファイル",
            cell: (w) => (
              <>
                <a href={w.csvUrl} download aria-label={`CSV（${surveyWeekTitle(w.weekStart)}）`}>
                  CSV
                </a>
                {" ・ "}
                <a href={w.jsonUrl} download aria-label={`JSON（${surveyWeekTitle(w.weekStart)}）`}>
                  JSON
                </a>
              </>
            ),
          },
          {
            key: "suppressed",
            header: "秘匿したセル",
            cell: (w) => `${formatNumber(w.suppressedCells)}（全${formatNumber(w.rowCount)}行）`,
          },
        ]}
      />
      <h3>列の説明</h3>
      <dl className="open-facts">
        {COLUMNS.map(([name, text]) => (
          <div key={name}>
            <dt>
              <code>{name}</code>
            </dt>
            <dd>{text}</dd>
          </div>
        ))}
      </dl>
    </div>
  );
}
