import { zodResolver } from "@hookform/resolvers/zod";
import type { GloveSize, PaymentMethod } from "@sos/domain";
import { formatPhone, formatPostcode } from "@sos/rules";
import {
  Alert,
  Button,
  ErrorSummary,
  FieldError,
  type FieldErrorItem,
  formatAddress,
  formatNumber,
  formatPieces,
  LiveAnnouncement,
  RadioGroup,
  radioId,
  SummaryList,
  TextField,
} from "@sos/ui";
import { type ReactNode, useEffect, useId, useMemo } from "react";
import { type FieldErrors, useForm, useWatch } from "react-hook-form";
import type { DeliveryDetails, PaymentMethodOption, PurchaseSizeOption } from "../api-types";
import { type PurchaseValues, purchaseFormSchema, setsOrZero } from "./purchase-schema";
import { SetsStepper } from "./sets-stepper";
import { useConfirmStep } from "./use-confirm-step";
import "./storefront.css";

const DELIVERY_FIELDS = [
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

interface FormInput {
  // undefined for a disabled (sold-out) box, which react-hook-form may leave out.
  sets: Record<string, string | undefined>;
  deliveryName: string;
  deliveryPostcode: string;
  deliveryAddress: string;
  deliveryPhone: string;
  paymentMethod: string;
}

const ONE_TIME_NOTE =
  "購入手続きは1回限りです。確定後に内容を変更したり、追加で購入したりすることはできません（上限に満たない場合も同様です）。";

function initialValues(
  sizes: ReadonlyArray<PurchaseSizeOption>,
  delivery: DeliveryDetails,
  paymentMethod: PaymentMethod,
): FormInput {
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
  } = useForm<FormInput, unknown, PurchaseValues>({
    resolver: zodResolver(schema),
    defaultValues: initialValues(sizes, delivery, defaultPaymentMethod),
    shouldFocusError: false,
  });
  const typedSets = useWatch({ control, name: "sets" });
  const total = sizes.reduce((sum, size) => sum + setsOrZero(typedSets?.[size.size]), 0);

  const { confirming, submitting, failures, failure, confirmHeading, ...steps } =
    useConfirmStep<PurchaseValues>({
      onSubmit,
      fieldErrors,
      serverError,
      focusInput: () => {
        if (firstOnSale) setFocus(`sets.${firstOnSale.size}`);
      },
    });

  const fieldErrorsKey = JSON.stringify(fieldErrors ?? {});
  useEffect(() => {
    const given = JSON.parse(fieldErrorsKey) as PurchaseFieldErrors;
    for (const [field, message] of Object.entries(given)) {
      if (message) setError(field as PurchaseFieldKey, { type: "server", message });
    }
  }, [fieldErrorsKey, setError]);

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
  const bought = confirming?.lines ?? [];

  return (
    <div className="sos-vendor-form">
      <form
        className="sos-vendor-form__fields"
        noValidate
        onSubmit={toConfirmation}
        aria-label="購入手続き"
        hidden={confirming !== null}
      >
        {children}
        {failure && <Alert tone="error">{failure}</Alert>}
        <ErrorSummary errors={summary} focusKey={`${submitCount}-${failures}`} />

        <fieldset className="sos-purchase__sizes">
          <legend className="sos-purchase__legend">
            <span className="sos-purchase__legend-title">サイズとセット数</span>
            <span className="sos-purchase__product">{productName}</span>
          </legend>
          <p className="sos-field__hint">
            1セット＝{formatPieces(piecesPerSet)}
            （10箱）です。サイズごとにセット単位で選べます（例：Sサイズ2セット＋Mサイズ1セット）。
          </p>
          {sizes.map((size) => {
            const value = setsOrZero(typedSets?.[size.size]);
            return (
              <SetsStepper
                key={size.size}
                id={setsId(size.size)}
                size={size}
                piecesPerSet={piecesPerSet}
                value={value}
                canIncrease={value < size.stockSets && total < limitSets}
                error={errors.sets?.[size.size]?.message}
                onStep={(by) => step(size, by)}
                {...register(`sets.${size.size}`)}
              />
            );
          })}
          <TotalBar
            total={total}
            limitSets={limitSets}
            piecesPerSet={piecesPerSet}
            error={errors.sets?.total?.message}
          />
        </fieldset>

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

        <RadioGroup
          id={`${formId}-payment`}
          legend="お支払い方法"
          required
          choices={paymentMethods.map((option) => ({ value: option.value, label: option.label }))}
          error={errors.paymentMethod?.message}
          {...register("paymentMethod")}
        />

        <div className="sos-vendor-form__actions">
          <p className="sos-vendor-form__note">{ONE_TIME_NOTE}</p>
          <Button type="submit" size="large" fullWidth>
            注文内容を確認する
          </Button>
        </div>
      </form>

      {confirming !== null && (
        <section className="sos-vendor-form__confirm" aria-labelledby={`${formId}-confirm`}>
          <h2 id={`${formId}-confirm`} ref={confirmHeading} tabIndex={-1}>
            注文内容の確認
          </h2>
          <p>以下の内容で注文します。よろしければ「注文を確定する」を押してください。</p>
          <table className="sos-order-lines" aria-label="ご注文のサイズとセット数">
            <thead>
              <tr>
                <th scope="col">サイズ</th>
                <th scope="col" className="sos-order-lines__figure">
                  セット数
                </th>
                <th scope="col" className="sos-order-lines__figure">
                  枚数
                </th>
              </tr>
            </thead>
            <tbody>
              {bought.map((line) => (
                <tr key={line.size}>
                  <th scope="row">{sizes.find((s) => s.size === line.size)?.label ?? line.size}</th>
                  <td className="sos-order-lines__figure">{formatNumber(line.sets)}セット</td>
                  <td className="sos-order-lines__figure">
                    {formatPieces(line.sets * piecesPerSet)}
                  </td>
                </tr>
              ))}
            </tbody>
            <tfoot>
              <tr>
                <th scope="row">合計</th>
                <td className="sos-order-lines__figure">{formatNumber(sumOf(bought))}セット</td>
                <td className="sos-order-lines__figure">
                  {formatPieces(sumOf(bought) * piecesPerSet)}
                </td>
              </tr>
            </tfoot>
          </table>
          <SummaryList
            items={[
              { term: "お届け先", detail: confirming.delivery.name },
              { term: "住所", detail: formatAddress(confirming.delivery) },
              { term: "電話番号", detail: formatPhone(confirming.delivery.phone) },
              {
                term: "お支払い方法",
                detail:
                  paymentMethods.find((m) => m.value === confirming.paymentMethod)?.label ??
                  confirming.paymentMethod,
              },
            ]}
          />
          <p className="sos-vendor-form__note">{ONE_TIME_NOTE}</p>
          <div className="sos-vendor-form__actions">
            <Button
              size="large"
              fullWidth
              loading={submitting}
              loadingLabel="注文を送信中"
              onClick={() => void steps.confirm()}
            >
              注文を確定する
            </Button>
            <Button
              variant="secondary"
              size="large"
              fullWidth
              disabled={submitting}
              onClick={steps.backToInput}
            >
              入力画面に戻る
            </Button>
          </div>
        </section>
      )}
    </div>
  );
}

function sumOf(lines: ReadonlyArray<{ sets: number }>): number {
  return lines.reduce((sum, line) => sum + line.sets, 0);
}

/** 「合計 N / 上限 M セット」, with what is left or how far above the limit it is. */
function TotalBar({
  total,
  limitSets,
  piecesPerSet,
  error,
}: {
  total: number;
  limitSets: number;
  piecesPerSet: number;
  error: string | undefined;
}) {
  const errorId = useId();
  const state = total > limitSets ? "over" : total === 0 ? "empty" : "ok";
  const remark =
    state === "over"
      ? `上限を${formatNumber(total - limitSets)}セット超えています`
      : total === limitSets
        ? "上限まで選んでいます"
        : `あと${formatNumber(limitSets - total)}セット選べます`;
  return (
    <div className={`sos-purchase-total sos-purchase-total--${state}`} data-state={state}>
      <p className="sos-purchase-total__figures">
        合計 {formatNumber(total)} / 上限 {formatNumber(limitSets)} セット
      </p>
      <p className="sos-purchase-total__pieces">
        （{formatPieces(total * piecesPerSet)} / {formatPieces(limitSets * piecesPerSet)}）
        <span className="sos-purchase-total__remark">
          {state === "over" && <span aria-hidden="true">▲ </span>}
          {remark}
        </span>
      </p>
      {error && <FieldError id={errorId}>{error}</FieldError>}
      <LiveAnnouncement message={`合計${total}セット、上限${limitSets}セット。${remark}`} />
    </div>
  );
}

function summaryOf(
  errors: FieldErrors<FormInput>,
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
