import { TextField } from "@sos/ui";
import type { FieldErrors, UseFormRegister } from "react-hook-form";
import type { DELIVERY_FIELDS, PurchaseFormInput } from "./purchase-form";

export interface DeliveryFieldsetProps {
  ids: Record<(typeof DELIVERY_FIELDS)[number], string>;
  errors: FieldErrors<PurchaseFormInput>;
  register: UseFormRegister<PurchaseFormInput>;
}

/** お届け先: prefilled from the registration (or the ministry's list); the buyer may change it. */
export function DeliveryFieldset({ ids, errors, register }: DeliveryFieldsetProps) {
  return (
    <fieldset className="sos-purchase__delivery">
      <legend className="sos-purchase__legend">
        <span className="sos-purchase__legend-title">お届け先</span>
      </legend>
      <p className="sos-field__hint">
        登録されている内容を表示しています。必要に応じて変更してください。
      </p>
      <TextField
        id={ids.deliveryName}
        label="お届け先名"
        required
        autoComplete="organization"
        hint="施設名のほか、部署名や担当者名を添えることもできます。"
        error={errors.deliveryName?.message}
        {...register("deliveryName")}
      />
      <TextField
        id={ids.deliveryPostcode}
        label="郵便番号"
        required
        inputMode="numeric"
        autoComplete="postal-code"
        width="short"
        error={errors.deliveryPostcode?.message}
        {...register("deliveryPostcode")}
      />
      <TextField
        id={ids.deliveryAddress}
        label="住所"
        required
        autoComplete="street-address"
        error={errors.deliveryAddress?.message}
        {...register("deliveryAddress")}
      />
      <TextField
        id={ids.deliveryPhone}
        label="電話番号"
        required
        type="tel"
        inputMode="tel"
        autoComplete="tel"
        width="medium"
        error={errors.deliveryPhone?.message}
        {...register("deliveryPhone")}
      />
    </fieldset>
  );
}
