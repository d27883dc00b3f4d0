import { CARRIER_NAMES } from "@sos/domain";
import { ConfirmDialog, Select, TextField } from "@sos/ui";
import { errorMessageJa, formFieldErrors, useTRPC } from "@sos/web";
import { useMutation } from "@tanstack/react-query";
import { useRef, useState } from "react";
import type { VendorOrder } from "../api-types";

const FIELDS = ["carrier", "trackingNumber"] as const;
type Field = (typeof FIELDS)[number];

const REQUIRED: Record<Field, string> = {
  carrier: "配送業者を選択してください",
  trackingNumber: "お問い合わせ伝票番号を入力してください",
};

/** 出荷: the carrier and tracking number, which the institution is mailed. */
export function ShipDialog({
  order,
  onCancel,
  onShipped,
}: {
  order: VendorOrder | null;
  onCancel: () => void;
  onShipped: (order: VendorOrder) => void;
}) {
  const trpc = useTRPC();
  const ship = useMutation(trpc.vendorPortal.markShipped.mutationOptions());
  const [values, setValues] = useState<Record<Field, string>>({ carrier: "", trackingNumber: "" });
  const [errors, setErrors] = useState<Partial<Record<Field, string>>>({});
  const [serverError, setServerError] = useState<string | null>(null);
  const carrierRef = useRef<HTMLSelectElement>(null);

  const reset = () => {
    setValues({ carrier: "", trackingNumber: "" });
    setErrors({});
    setServerError(null);
  };

  const confirm = async () => {
    if (order === null) return;
    const missing = Object.fromEntries(
      FIELDS.filter((field) => values[field].trim() === "").map((field) => [
        field,
        REQUIRED[field],
      ]),
    );
    setErrors(missing);
    setServerError(null);
    if (Object.keys(missing).length > 0) return;
    try {
      await ship.mutateAsync({ orderId: order.id, ...values });
      reset();
      onShipped(order);
    } catch (error) {
      const fieldErrors = formFieldErrors(error, FIELDS);
      setErrors(fieldErrors);
      setServerError(Object.keys(fieldErrors).length > 0 ? null : errorMessageJa(error));
    }
  };

  return (
    <ConfirmDialog
      open={order !== null}
      title={`注文 ${order?.orderNumber ?? ""} を出荷済みにする`}
      description={
        order === null
          ? undefined
          : `${order.institution.name}に、配送業者とお問い合わせ伝票番号をメールでお知らせします。`
      }
      confirmLabel="出荷済みにする"
      pendingLabel="登録中"
      initialFocusRef={carrierRef}
      onConfirm={confirm}
      onCancel={() => {
        reset();
        onCancel();
      }}
      error={serverError}
    >
      <div className="sos-stack vendor-dialog-options">
        <Select
          ref={carrierRef}
          label="配送業者"
          required
          hint="医療機関へのメールと注文画面で、伝票番号が配送業者の追跡ページへのリンクになります。"
          placeholder="選択してください"
          options={CARRIER_NAMES.map((name) => ({ value: name, label: name }))}
          value={values.carrier}
          error={errors.carrier}
          onChange={(event) => setValues({ ...values, carrier: event.currentTarget.value })}
        />
        <TextField
          label="お問い合わせ伝票番号"
          required
          inputMode="numeric"
          autoComplete="off"
          width="medium"
          value={values.trackingNumber}
          error={errors.trackingNumber}
          onChange={(event) => setValues({ ...values, trackingNumber: event.currentTarget.value })}
        />
      </div>
    </ConfirmDialog>
  );
}
