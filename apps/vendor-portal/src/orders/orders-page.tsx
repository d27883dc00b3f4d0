import { Alert, ConfirmDialog, PageHeader } from "@sos/ui";
import { errorMessageJa, LoadFailed, Loading, PageTitle, useTRPC } from "@sos/web";
import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { type FormEvent, useState } from "react";
import type { VendorOrder } from "../api-types";
import { READ_ON_OPEN } from "../common/fresh";
import { Pager } from "../common/pager";
import { useBulkShipping } from "./bulk-shipping";
import { type OrderFilter, OrderFilters } from "./order-filters";
import { OrdersTable } from "./orders-table";
import { PickingTotalsPanel } from "./picking-totals";
import { ShipDialog } from "./ship-dialog";

const PAGE_SIZE = 50;

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

  const bulk = useBulkShipping(refresh);

  const submitSearch = (event: FormEvent) => {
    event.preventDefault();
    setFilter({ ...filter, search: search.trim() === "" ? null : search.trim(), page: 1 });
  };

  return (
    <div className="sos-stack">
      <PageTitle>注文・出荷</PageTitle>
      <PageHeader
        title="注文・出荷"
        description="医療機関からの注文を確認し、出荷と配達を記録します。出荷を記録すると、医療機関に配送業者とお問い合わせ伝票番号をメールでお知らせします。注文を選ぶと、まとめて出荷済みにしたり、ピッキングリストを印刷したりできます。"
      />
      {flash && <Alert tone="success">{flash}</Alert>}
      {bulk.result}
      {bulk.pickingList}

      <PickingTotalsPanel />

      <section className="sos-stack" aria-labelledby="vendor-orders-title">
        <h2 id="vendor-orders-title" className="vendor-section-title">
          注文の一覧
        </h2>
        <OrderFilters
          filter={filter}
          onFilter={setFilter}
          search={search}
          onSearch={setSearch}
          onSubmit={submitSearch}
        />

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
            <OrdersTable
              orders={orders.data}
              onShip={setShipping}
              onDeliver={(order) => {
                setDeliverError(null);
                setDelivering(order);
              }}
              selected={bulk.selected}
              onToggle={bulk.toggle}
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
        {bulk.bar}
      </section>

      {bulk.dialog}
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
