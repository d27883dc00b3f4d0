import { zodResolver } from "@hookform/resolvers/zod";
import type { GloveSize, PaymentMethod } from "@sos/domain";
import { formatPhone, formatPostcode } from "@sos/rules";
import { type FieldErrorItem, radioId } from "@sos/ui";
import { type ReactNode, useId, useMemo } from "react";
import { type FieldErrors, useForm, useWatch } from "react-hook-form";
import type { DeliveryDetails, PaymentMethodOption, PurchaseSizeOption } from "../api-types";
import { ConfirmStepForm, PaymentMethodField } from "./confirm-step-view";
import { DeliveryFieldset } from "./delivery-fieldset";
import { ONE_TIME_NOTE, PurchaseConfirmation } from "./purchase-confirmation";
import { type PurchaseValues, purchaseFormSchema, setsOrZero } from "./purchase-schema";
import { SizesFieldset } from "./sizes-fieldset";
import { useConfirmStep } from "./use-confirm-step";
import { useServerFieldErrors } from "./use-server-field-errors";
import "./storefront.css";

export const DELIVERY_FIELDS = [
  "deliveryName",
  "deliveryPostcode",
  "deliveryAddress",
  "deliveryPhone",
] as const;

export type PurchaseFieldKey =
  | `sets.${GloveSize}`
  | "sets.total"
  | (typeof DELIVERY_FIELDS)[number]
  | "paymentMethod";

export type PurchaseFieldErrors = Partial<Record<PurchaseFieldKey, string>>;

export interface PurchaseFormProps {
  /** The institution's 購入上限数 in sets. */
  limitSets: number;
  piecesPerSet: number;
  productName: string;
  /** The sizes on sale, in the vendor's order, with the sets left of each. */
  sizes: ReadonlyArray<PurchaseSizeOption>;
  /** Prefilled from the registration (or the ministry's list); the buyer may change it. */
  delivery: DeliveryDetails;
  paymentMethods: ReadonlyArray<PaymentMethodOption>;
  defaultPaymentMethod: PaymentMethod;
  /**
   * Called from the confirmation step. Resolve once ordered. Reject when not; put the
   * server's reasons in fieldErrors (e.g. a size sold out meanwhile) or serverError,
   * otherwise a retry message is shown. The input step is shown again either way.
   */
  onSubmit: (values: PurchaseValues) => Promise<void>;
  fieldErrors?: PurchaseFieldErrors | null | undefined;
  serverError?: string | null | undefined;
  /** Above the sizes, e.g. the institution and its limit. */
  children?: ReactNode;
}

export interface PurchaseFormInput {
  // undefined for a disabled (sold-out) box, which react-hook-form may leave out.
  sets: Record<string, string | undefined>;
  deliveryName: string;
  deliveryPostcode: string;
  deliveryAddress: string;
  deliveryPhone: string;
  paymentMethod: string;
}

function initialValues(
  sizes: ReadonlyArray<PurchaseSizeOption>,
  delivery: DeliveryDetails,
  paymentMethod: PaymentMethod,
): PurchaseFormInput {
  return {
    sets: Object.fromEntries(sizes.map((size) => [size.size, "0"])),
    deliveryName: delivery.name,
    deliveryPostcode: formatPostcode(delivery.postcode),
    deliveryAddress: delivery.address,
    deliveryPhone: delivery.phone === "" ? "" : formatPhone(delivery.phone),
    paymentMethod,
  };
}

/**
 * ⑥ the one purchase an emailed link allows: whole sets per size (sizes out of stock
 * cannot be chosen; none above its stock), a running 「合計 N / 上限 M セット」, the
 * delivery address (prefilled, editable) and payment method, then 「注文内容の確認」
 * before 「注文を確定する」.
 */
export function PurchaseForm({
  limitSets,
  piecesPerSet,
  productName,
  sizes,
  delivery,
  paymentMethods,
  defaultPaymentMethod,
  onSubmit,
  fieldErrors,
  serverError,
  children,
}: PurchaseFormProps) {
  const formId = useId();
  const setsId = (size: GloveSize) => `${formId}-sets-${size}`;
  const ids: Record<(typeof DELIVERY_FIELDS)[number] | "paymentMethod", string> = {
    deliveryName: `${formId}-delivery-name`,
    deliveryPostcode: `${formId}-delivery-postcode`,
    deliveryAddress: `${formId}-delivery-address`,
    deliveryPhone: `${formId}-delivery-phone`,
    paymentMethod: radioId(`${formId}-payment`, paymentMethods[0]?.value ?? defaultPaymentMethod),
  };
  const firstOnSale = sizes.find((size) => size.stockSets > 0);

  // The check follows the stock: a refetch after a sell-out tightens it at once.
  const stockKey = JSON.stringify(sizes);
  // biome-ignore lint/correctness/useExhaustiveDependencies: stockKey stands for sizes' content
  const schema = useMemo(() => purchaseFormSchema(sizes, limitSets), [stockKey, limitSets]);
  const {
    register,
    control,
    handleSubmit,
    setValue,
    setError,
    setFocus,
    formState: { errors, submitCount },
  } = useForm<PurchaseFormInput, unknown, PurchaseValues>({
    resolver: zodResolver(schema),
    defaultValues: initialValues(sizes, delivery, defaultPaymentMethod),
    shouldFocusError: false,
  });
  const typedSets = useWatch({ control, name: "sets" });
  const total = sizes.reduce((sum, size) => sum + setsOrZero(typedSets?.[size.size]), 0);

  const { confirming, failures, input, section, ...steps } = useConfirmStep<PurchaseValues>({
    onSubmit,
    fieldErrors,
    serverError,
    focusInput: () => {
      if (firstOnSale) setFocus(`sets.${firstOnSale.size}`);
    },
  });

  useServerFieldErrors<PurchaseFieldKey>(fieldErrors, setError);

  const toConfirmation = handleSubmit(steps.toConfirmation);

  const step = (size: PurchaseSizeOption, by: 1 | -1) => {
    const next = Math.max(0, setsOrZero(typedSets?.[size.size]) + by);
    setValue(`sets.${size.size}`, String(next), {
      shouldDirty: true,
      shouldValidate: submitCount > 0,
    });
  };

  const totalFieldId = firstOnSale ? setsId(firstOnSale.size) : ids.deliveryName;
  const summary =
    submitCount > 0 || failures > 0 ? summaryOf(errors, sizes, setsId, totalFieldId, ids) : [];

  return (
    <div className="sos-vendor-form">
      <ConfirmStepForm
        label="購入手続き"
        onSubmit={toConfirmation}
        lead={children}
        summary={summary}
        submitCount={submitCount}
        {...input}
        submitLabel="注文内容を確認する"
        note={ONE_TIME_NOTE}
      >
        <SizesFieldset
          productName={productName}
          piecesPerSet={piecesPerSet}
          sizes={sizes}
          typedSets={typedSets}
          total={total}
          limitSets={limitSets}
          setsId={setsId}
          errors={errors}
          register={register}
          onStep={step}
        />

        <DeliveryFieldset ids={ids} errors={errors} register={register} />

        <PaymentMethodField
          id={`${formId}-payment`}
          paymentMethods={paymentMethods}
          error={errors.paymentMethod?.message}
          registration={register("paymentMethod")}
        />
      </ConfirmStepForm>

      {confirming !== null && (
        <PurchaseConfirmation
          formId={formId}
          {...section}
          values={confirming}
          sizes={sizes}
          piecesPerSet={piecesPerSet}
          paymentMethods={paymentMethods}
        />
      )}
    </div>
  );
}

function summaryOf(
  errors: FieldErrors<PurchaseFormInput>,
  sizes: ReadonlyArray<PurchaseSizeOption>,
  setsId: (size: GloveSize) => string,
  totalFieldId: string,
  ids: Record<(typeof DELIVERY_FIELDS)[number] | "paymentMethod", string>,
) {
  const items: FieldErrorItem[] = [];
  for (const size of sizes) {
    const message = errors.sets?.[size.size]?.message;
    if (message) items.push({ fieldId: setsId(size.size), message });
  }
  const total = errors.sets?.total?.message;
  if (total) items.push({ fieldId: totalFieldId, message: total });
  for (const field of [...DELIVERY_FIELDS, "paymentMethod"] as const) {
    const message = errors[field]?.message;
    if (message) items.push({ fieldId: ids[field], message });
  }
  return items;
}
