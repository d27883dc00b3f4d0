import { CARRIER_NAMES } from "@sos/domain";
import { ConfirmDialog, formatNumber, formatSets, Select, TextField } from "@sos/ui";
import { errorMessageJa, useTRPC } from "@sos/web";
import { useMutation } from "@tanstack/react-query";
import { useRef, useState } from "react";
import type { VendorOrder } from "../api-types";

interface Parcel {
  carrier: string;
  trackingNumber: string;
}

type ParcelErrors = Partial<Record<keyof Parcel, string>>;

export interface BulkShipOutcome {
  shipped: VendorOrder[];
  refused: Array<{ order: VendorOrder; message: string }>;
}

const CARRIER_OPTIONS = CARRIER_NAMES.map((name) => ({ value: name, label: name }));

function missingOf(parcel: Parcel): ParcelErrors {
  return {
    ...(parcel.carrier === "" ? { carrier: "配送業者を選択してください" } : {}),
    ...(parcel.trackingNumber.trim() === ""
      ? { trackingNumber: "お問い合わせ伝票番号を入力してください" }
      : {}),
  };
}

/**
 * 一括出荷: the selected orders, each with its carrier (from the list; one choice can
 * be applied to all) and its own tracking number. Each order ships on its own, so
 * the outcome says which shipped and why any did not.
 */
export function BulkShipDialog({
  orders,
  open,
  onCancel,
  onDone,
}: {
  orders: readonly VendorOrder[];
  open: boolean;
  onCancel: () => void;
  onDone: (outcome: BulkShipOutcome) => void;
}) {
  const trpc = useTRPC();
  const ship = useMutation(trpc.vendorPortal.shipOrders.mutationOptions());
  const [parcels, setParcels] = useState<Record<string, Parcel>>({});
  const [errors, setErrors] = useState<Record<string, ParcelErrors>>({});
  const [serverError, setServerError] = useState<string | null>(null);
  const allCarrierRef = useRef<HTMLSelectElement>(null);

  const parcelOf = (id: string): Parcel => parcels[id] ?? { carrier: "", trackingNumber: "" };
  const setParcel = (id: string, change: Partial<Parcel>) =>
    setParcels((current) => ({ ...current, [id]: { ...parcelOf(id), ...change } }));
  const applyCarrier = (carrier: string) =>
    setParcels((current) =>
      Object.fromEntries(
        orders.map((order) => [order.id, { ...parcelOf(order.id), ...current[order.id], carrier }]),
      ),
    );

  const confirm = async () => {
    const found = Object.fromEntries(
      orders
        .map((order) => [order.id, missingOf(parcelOf(order.id))] as const)
        .filter(([, missing]) => Object.keys(missing).length > 0),
    );
    setErrors(found);
    setServerError(null);
    // The dialog stays open with each missing field said at the field.
    if (Object.keys(found).length > 0) return;
    try {
      const result = await ship.mutateAsync({
        items: orders.map((order) => ({ orderId: order.id, ...parcelOf(order.id) })),
      });
      const byId = new Map(orders.map((order) => [order.id, order]));
      const outcome: BulkShipOutcome = { shipped: [], refused: [] };
      for (const item of result.results) {
        const order = byId.get(item.orderId);
        if (order === undefined) continue;
        if (item.outcome === "shipped") outcome.shipped.push(order);
        else outcome.refused.push({ order, message: item.message ?? "" });
      }
      setParcels({});
      setErrors({});
      onDone(outcome);
    } catch (error) {
      setServerError(errorMessageJa(error));
      throw error;
    }
  };

  const count = `${formatNumber(orders.length)}件`;
  return (
    <ConfirmDialog
      open={open}
      title={`${count}の注文を出荷済みにする`}
      description="各医療機関に、配送業者とお問い合わせ伝票番号をメールでお知らせします。注文ごとに登録するため、出荷できない注文があっても他の注文は出荷済みになります。"
      confirmLabel={`${count}を出荷済みにする`}
      pendingLabel="登録中"
      initialFocusRef={allCarrierRef}
      onConfirm={confirm}
      onCancel={() => {
        setErrors({});
        setServerError(null);
        onCancel();
      }}
      error={serverError}
    >
      <div className="sos-stack vendor-dialog-options">
        <Select
          ref={allCarrierRef}
          label="配送業者（全件に適用）"
          hint="選ぶと、下のすべての注文の配送業者がこの業者になります。注文ごとに変えることもできます。"
          placeholder="選択してください"
          options={CARRIER_OPTIONS}
          value=""
          onChange={(event) => applyCarrier(event.currentTarget.value)}
        />
        <ol className="vendor-bulk-ship" aria-label="出荷する注文">
          {orders.map((order) => {
            const parcel = parcelOf(order.id);
            const error = errors[order.id] ?? {};
            return (
              <li key={order.id} className="vendor-bulk-ship__item">
                <p className="vendor-bulk-ship__order">
                  <strong>{order.orderNumber}</strong> {order.institution.name}（
                  {formatSets(order.totalSets)}）
                </p>
                <Select
                  label={`${order.orderNumber}の配送業者`}
                  required
                  placeholder="選択してください"
                  options={CARRIER_OPTIONS}
                  value={parcel.carrier}
                  error={error.carrier}
                  onChange={(event) => setParcel(order.id, { carrier: event.currentTarget.value })}
                />
                <TextField
                  label={`${order.orderNumber}のお問い合わせ伝票番号`}
                  required
                  inputMode="numeric"
                  autoComplete="off"
                  width="medium"
                  value={parcel.trackingNumber}
                  error={error.trackingNumber}
                  onChange={(event) =>
                    setParcel(order.id, { trackingNumber: event.currentTarget.value })
                  }
                />
              </li>
            );
          })}
        </ol>
      </div>
    </ConfirmDialog>
  );
}
