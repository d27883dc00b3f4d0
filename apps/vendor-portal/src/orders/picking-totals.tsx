import { DataTable, formatNumber, formatSets } from "@sos/ui";
import { LoadFailed, Loading, useTRPC } from "@sos/web";
import { useQuery } from "@tanstack/react-query";
import type { PickingTotals } from "../api-types";
import { READ_ON_OPEN } from "../common/fresh";

type PrefectureRow = PickingTotals["byPrefecture"][number];

/**
 * What to pick for the orders not shipped yet: sets per size overall, and per
 * prefecture (one delivery round per area).
 */
export function PickingTotalsSection({ totals }: { totals: PickingTotals }) {
  const sizes = totals.bySize;
  return (
    <section className="sos-stack" aria-labelledby="vendor-picking-title">
      <div className="vendor-heading-group">
        <h2 id="vendor-picking-title" className="vendor-section-title">
          出荷待ちの集計（ピッキング用）
        </h2>
        <p className="vendor-muted">
          注文済みで未出荷の注文 {formatNumber(totals.orders)}件・合計 {formatSets(totals.sets)}
        </p>
      </div>
      <DataTable
        caption="サイズ別の合計"
        rows={sizes}
        rowKey={(row) => row.size}
        emptyMessage="出荷待ちの注文はありません。"
        columns={[
          { key: "size", header: "サイズ", rowHeader: true, cell: (row) => row.label },
          {
            key: "sets",
            header: "セット数",
            align: "end",
            cell: (row) => `${formatNumber(row.sets)}セット`,
          },
          {
            key: "pieces",
            header: "枚数",
            align: "end",
            cell: (row) => `${formatNumber(row.pieces)}枚`,
          },
        ]}
      />
      <DataTable<PrefectureRow>
        caption="都道府県別の合計"
        rows={totals.byPrefecture}
        rowKey={(row) => String(row.prefectureCode)}
        emptyMessage="出荷待ちの注文はありません。"
        columns={[
          {
            key: "prefecture",
            header: "都道府県",
            rowHeader: true,
            cell: (row) => row.prefectureName,
          },
          {
            key: "orders",
            header: "注文",
            align: "end",
            cell: (row) => `${formatNumber(row.orders)}件`,
          },
          ...sizes.map((size) => ({
            key: size.size,
            header: size.label,
            align: "end" as const,
            cell: (row: PrefectureRow) => {
              const sets = row.bySize.find((entry) => entry.size === size.size)?.sets ?? 0;
              return sets === 0 ? "—" : `${formatNumber(sets)}セット`;
            },
          })),
          { key: "sets", header: "合計", align: "end", cell: (row) => formatSets(row.sets) },
        ]}
      />
    </section>
  );
}

/** The totals still to pick, read when the page opens. */
export function PickingTotalsPanel() {
  const trpc = useTRPC();
  const totals = useQuery({ ...trpc.vendorPortal.pickingTotals.queryOptions(), ...READ_ON_OPEN });
  return totals.isPending ? (
    <Loading>集計しています…</Loading>
  ) : totals.isError ? (
    <LoadFailed
      title="出荷待ちの集計を表示できませんでした"
      error={totals.error}
      onRetry={() => void totals.refetch()}
    />
  ) : (
    <PickingTotalsSection totals={totals.data} />
  );
}
