import { GLOVE_SIZE_LABELS, type GloveSize, prefectureName } from "@sos/domain";
import { DataTable, type DataTableColumn, formatNumber, SummaryList } from "@sos/ui";
import type { AllocationSummary } from "../api-types";
import { formatRate } from "./parameters";

type SizeRow = AllocationSummary["sizes"][number];
type TierRow = AllocationSummary["tiers"][number];
type PrefectureRow = AllocationSummary["prefectures"][number];

const sets = (n: number) => `${formatNumber(n)}セット`;

/** The columns a tier's row and a prefecture's row share. */
function fillColumns<Row extends TierRow | PrefectureRow>(): DataTableColumn<Row>[] {
  return [
    {
      key: "requests",
      header: "件数",
      align: "end",
      cell: (row) => `${formatNumber(row.requests)}件`,
    },
    { key: "demand", header: "要望", align: "end", cell: (row) => sets(row.demandSets) },
    { key: "allocated", header: "割当", align: "end", cell: (row) => sets(row.allocatedSets) },
    { key: "fill", header: "充足率", align: "end", cell: (row) => formatRate(row.fillRate) },
  ];
}

/** A preview's or a run's figures: per size, per tier, and how evenly prefectures were filled. */
export function SummaryTables({ summary }: { summary: AllocationSummary }) {
  const { spread } = summary;
  return (
    <div className="sos-stack">
      <DataTable<SizeRow>
        caption="サイズ別の供給・要望・割当"
        rows={summary.sizes}
        rowKey={(row) => row.size}
        columns={[
          { key: "size", header: "サイズ", rowHeader: true, cell: (row) => sizeLabel(row.size) },
          { key: "supply", header: "供給", align: "end", cell: (row) => sets(row.supplySets) },
          { key: "demand", header: "要望", align: "end", cell: (row) => sets(row.demandSets) },
          {
            key: "allocated",
            header: "割当",
            align: "end",
            cell: (row) => sets(row.allocatedSets),
          },
          {
            key: "rationed",
            header: "ルールの適用",
            cell: (row) => (row.rationed ? "不足のためルールで配分" : "要望どおり"),
          },
        ]}
      />
      <DataTable<TierRow>
        caption="順位（ティア）別の充足率"
        rows={summary.tiers}
        rowKey={(row) => String(row.tier)}
        emptyMessage="この週に承認済みの要請はありません。"
        columns={[
          { key: "tier", header: "順位", rowHeader: true, cell: (row) => `第${row.tier}順位` },
          { key: "label", header: "区分", cell: (row) => row.label },
          ...fillColumns<TierRow>(),
        ]}
      />
      <SummaryList
        aria-label="都道府県間の充足率の差"
        items={[
          { term: "都道府県別の充足率（最大）", detail: formatRate(spread.maxFillRate) },
          { term: "都道府県別の充足率（最小）", detail: formatRate(spread.minFillRate) },
          {
            term: "最大÷最小",
            detail:
              spread.ratio === null
                ? spread.minFillRate === 0
                  ? "—（割当が0の都道府県があります）"
                  : "—"
                : `${(Math.round(spread.ratio * 100) / 100).toLocaleString("ja-JP")}倍`,
          },
        ]}
      />
      <DataTable<PrefectureRow>
        caption="都道府県別の充足率"
        rows={summary.prefectures}
        rowKey={(row) => String(row.prefectureCode)}
        emptyMessage="この週に承認済みの要請はありません。"
        columns={[
          {
            key: "prefecture",
            header: "都道府県",
            rowHeader: true,
            cell: (row) => prefectureName(row.prefectureCode) ?? String(row.prefectureCode),
          },
          ...fillColumns<PrefectureRow>(),
        ]}
      />
    </div>
  );
}

export function sizeLabel(size: string): string {
  return GLOVE_SIZE_LABELS.ja[size as GloveSize] ?? size;
}
