import { type OrderStatus, PREFECTURES } from "@sos/domain";
import {
  Alert,
  Button,
  ConfirmDialog,
  DataTable,
  formatJaDateTime,
  formatNumber,
  formatSets,
  OrderStatusBadge,
  PageHeader,
  Select,
  TextField,
} from "@sos/ui";
import { errorMessageJa, LoadFailed, Loading, PageTitle, useTRPC } from "@sos/web";
import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { type FormEvent, useState } from "react";
import type { VendorOrder } from "../api-types";
import { READ_ON_OPEN } from "../common/fresh";
import { Pager } from "../common/pager";
import { PickingTotalsSection } from "./picking-totals";
import { ShipDialog } from "./ship-dialog";

const PAGE_SIZE = 50;

const STATUS_OPTIONS = [
  { value: "ordered", label: "注文済み（出荷待ち）" },
  { value: "shipped", label: "出荷済み" },
  { value: "delivered", label: "配達済み" },
  { value: "cancelled", label: "キャンセル" },
] as const satisfies ReadonlyArray<{ value: OrderStatus; label: string }>;

const PREFECTURE_OPTIONS = PREFECTURES.map((p) => ({ value: String(p.code), label: p.name }));

interface OrderFilter {
  status: OrderStatus | null;
  prefectureCode: number | null;
  search: string | null;
  page: number;
}

/** ⑦ the orders: what to pick, and each order marked shipped (with tracking) and delivered. */
export function OrdersPage() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [filter, setFilter] = useState<OrderFilter>({
    status: "ordered",
    prefectureCode: null,
    search: null,
    page: 1,
  });
  const [search, setSearch] = useState("");
  const orders = useQuery({
    ...trpc.vendorPortal.orders.queryOptions({ ...filter, pageSize: PAGE_SIZE }),
    ...READ_ON_OPEN,
    placeholderData: keepPreviousData,
  });
  const totals = useQuery({ ...trpc.vendorPortal.pickingTotals.queryOptions(), ...READ_ON_OPEN });
  const [shipping, setShipping] = useState<VendorOrder | null>(null);
  const [delivering, setDelivering] = useState<VendorOrder | null>(null);
  const [deliverError, setDeliverError] = useState<string | null>(null);
  const [flash, setFlash] = useState<string | null>(null);
  const deliver = useMutation(trpc.vendorPortal.markDelivered.mutationOptions());

  const refresh = () => {
    void queryClient.invalidateQueries({ queryKey: trpc.vendorPortal.orders.pathKey() });
    void queryClient.invalidateQueries({ queryKey: trpc.vendorPortal.pickingTotals.queryKey() });
    void queryClient.invalidateQueries({ queryKey: trpc.vendorPortal.batch.pathKey() });
  };

  const submitSearch = (event: FormEvent) => {
    event.preventDefault();
    setFilter({ ...filter, search: search.trim() === "" ? null : search.trim(), page: 1 });
  };

  return (
    <div className="sos-stack">
      <PageTitle>注文・出荷</PageTitle>
      <PageHeader
        title="注文・出荷"
        description="医療機関からの注文を確認し、出荷と配達を記録します。出荷を記録すると、医療機関に配送業者とお問い合わせ伝票番号をメールでお知らせします。"
      />
      {flash && <Alert tone="success">{flash}</Alert>}

      {totals.isPending ? (
        <Loading>集計しています…</Loading>
      ) : totals.isError ? (
        <LoadFailed
          title="出荷待ちの集計を表示できませんでした"
          error={totals.error}
          onRetry={() => void totals.refetch()}
        />
      ) : (
        <PickingTotalsSection totals={totals.data} />
      )}

      <section className="sos-stack" aria-labelledby="vendor-orders-title">
        <h2 id="vendor-orders-title" className="vendor-section-title">
          注文の一覧
        </h2>
        <search aria-label="注文の絞り込み">
          <form className="vendor-filters" onSubmit={submitSearch}>
            <Select
              label="状態"
              placeholder="すべて"
              options={STATUS_OPTIONS}
              value={filter.status ?? ""}
              onChange={(event) =>
                setFilter({
                  ...filter,
                  status:
                    STATUS_OPTIONS.find((option) => option.value === event.currentTarget.value)
                      ?.value ?? null,
                  page: 1,
                })
              }
            />
            <Select
              label="都道府県"
              placeholder="すべて"
              options={PREFECTURE_OPTIONS}
              value={filter.prefectureCode === null ? "" : String(filter.prefectureCode)}
              onChange={(event) => {
                const value = event.currentTarget.value;
                setFilter({
                  ...filter,
                  prefectureCode: value === "" ? null : Number(value),
                  page: 1,
                });
              }}
            />
            <div className="vendor-filters__search">
              <TextField
                label="注文番号・医療機関名・コード"
                type="search"
                value={search}
                onChange={(event) => setSearch(event.currentTarget.value)}
              />
              <Button type="submit" variant="secondary">
                検索
              </Button>
            </div>
          </form>
        </search>

        {orders.isPending ? (
          <Loading>注文を読み込んでいます…</Loading>
        ) : orders.isError && orders.data === undefined ? (
          <LoadFailed
            title="注文を表示できませんでした"
            error={orders.error}
            onRetry={() => void orders.refetch()}
          />
        ) : (
          <>
            <DataTable<VendorOrder>
              caption={`注文（${formatNumber(orders.data.total)}件）`}
              rows={orders.data.items}
              rowKey={(order) => order.id}
              emptyMessage="条件に当てはまる注文はありません。"
              columns={[
                {
                  key: "number",
                  header: "注文番号",
                  rowHeader: true,
                  cell: (order) => (
                    <span className="vendor-cell-stack">
                      <span>{order.orderNumber}</span>
                      <span className="vendor-muted">
                        {formatJaDateTime(new Date(order.orderedAt))}
                      </span>
                    </span>
                  ),
                },
                {
                  key: "institution",
                  header: "医療機関",
                  cell: (order) => (
                    <span className="vendor-cell-stack">
                      <span>{order.institution.name}</span>
                      <span className="vendor-muted">
                        {order.institution.institutionCode}・{order.institution.prefectureName}
                      </span>
                    </span>
                  ),
                },
                {
                  key: "lines",
                  header: "内容",
                  cell: (order) => (
                    <span className="vendor-cell-stack">
                      {order.lines.map((line) => (
                        <span key={line.size}>
                          {line.sizeLabel} {formatNumber(line.sets)}セット
                        </span>
                      ))}
                      <strong>計 {formatSets(order.totalSets)}</strong>
                    </span>
                  ),
                },
                {
                  key: "delivery",
                  header: "お届け先・お支払い",
                  cell: (order) => (
                    <span className="vendor-cell-stack">
                      <span>{order.delivery.name}</span>
                      <span className="vendor-muted">{order.delivery.address}</span>
                      <span className="vendor-muted">{order.paymentMethodLabel}</span>
                    </span>
                  ),
                },
                {
                  key: "status",
                  header: "状態",
                  cell: (order) => (
                    <span className="vendor-cell-stack">
                      <OrderStatusBadge status={order.status} />
                      {order.shipment && (
                        <span className="vendor-muted">
                          {order.shipment.carrier} {order.shipment.trackingNumber}
                        </span>
                      )}
                    </span>
                  ),
                },
                {
                  key: "actions",
                  header: "操作",
                  cell: (order) =>
                    order.status === "ordered" ? (
                      <Button
                        variant="secondary"
                        aria-label={`${order.orderNumber}を出荷済みにする`}
                        onClick={() => setShipping(order)}
                      >
                        出荷済みにする
                      </Button>
                    ) : order.status === "shipped" ? (
                      <Button
                        variant="secondary"
                        aria-label={`${order.orderNumber}を配達済みにする`}
                        onClick={() => {
                          setDeliverError(null);
                          setDelivering(order);
                        }}
                      >
                        配達済みにする
                      </Button>
                    ) : (
                      "—"
                    ),
                },
              ]}
            />
            <Pager
              label="注文のページ"
              page={orders.data.page}
              pageSize={orders.data.pageSize}
              total={orders.data.total}
              onPage={(page) => setFilter({ ...filter, page })}
            />
          </>
        )}
      </section>

      <ShipDialog
        order={shipping}
        onCancel={() => setShipping(null)}
        onShipped={(order) => {
          setShipping(null);
          setFlash(
            `注文 ${order.orderNumber} を出荷済みにしました。医療機関に出荷のお知らせを送信します。`,
          );
          refresh();
        }}
      />
      <ConfirmDialog
        open={delivering !== null}
        title={`注文 ${delivering?.orderNumber ?? ""} を配達済みにしますか？`}
        description="配達が完了したことを記録します。医療機関の画面にも配達済みと表示されます。"
        confirmLabel="配達済みにする"
        onCancel={() => setDelivering(null)}
        error={deliverError}
        onConfirm={async () => {
          if (delivering === null) return;
          setDeliverError(null);
          try {
            await deliver.mutateAsync({ orderId: delivering.id });
            setFlash(`注文 ${delivering.orderNumber} を配達済みにしました。`);
            setDelivering(null);
            refresh();
          } catch (error) {
            setDeliverError(errorMessageJa(error));
            throw error;
          }
        }}
      />
    </div>
  );
}
