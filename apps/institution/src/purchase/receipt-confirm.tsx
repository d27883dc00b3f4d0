import { Button, ConfirmDialog, formatJaDateTime } from "@sos/ui";
import { errorMessageJa, useTRPC } from "@sos/web";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import type { PurchaseStatus } from "../api-types";

type Order = NonNullable<PurchaseStatus["order"]>;

/**
 * 受領確認: once the order has shipped, the institution says the gloves arrived
 * (asked first, like every commit). Afterwards the line says when; the vendor and
 * the ministry see it too. Before shipping there is nothing to confirm.
 */
export function ReceiptConfirm({ order }: { order: Order }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const confirm = useMutation(trpc.institutionOrders.confirmReceipt.mutationOptions());
  const [asking, setAsking] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const { shipment } = order;
  if (shipment === null || order.status === "cancelled") return null;
  if (shipment.receivedAt !== null) {
    return (
      <p className="inst-receipt" role="status">
        {formatJaDateTime(new Date(shipment.receivedAt))}に受領を確認しました。
      </p>
    );
  }
  return (
    <>
      <p className="inst-receipt">
        手袋が届いたら、受領確認をしてください。販売業者と厚生労働省に届いたことが伝わります。
      </p>
      <Button
        variant="secondary"
        onClick={() => {
          setError(null);
          setAsking(true);
        }}
      >
        受領を確認する
      </Button>
      <ConfirmDialog
        open={asking}
        title={`注文 ${order.orderNumber} の受領を確認しますか？`}
        description="届いた手袋の箱数とサイズを確かめてから確認してください。確認は取り消せません。"
        confirmLabel="受領を確認する"
        pendingLabel="登録中"
        onCancel={() => setAsking(false)}
        error={error}
        onConfirm={async () => {
          try {
            await confirm.mutateAsync({ orderId: order.id });
            setAsking(false);
            await queryClient.invalidateQueries(trpc.institutionOrders.pathFilter());
          } catch (failure) {
            setError(errorMessageJa(failure));
            throw failure;
          }
        }}
      />
    </>
  );
}
