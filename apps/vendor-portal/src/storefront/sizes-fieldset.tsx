import type { GloveSize } from "@sos/domain";
import { FieldError, formatNumber, formatPieces, LiveAnnouncement } from "@sos/ui";
import { useId } from "react";
import type { FieldErrors, UseFormRegister } from "react-hook-form";
import type { PurchaseSizeOption } from "../api-types";
import type { PurchaseFormInput } from "./purchase-form";
import { setsOrZero } from "./purchase-schema";
import { SetsStepper } from "./sets-stepper";

export interface SizesFieldsetProps {
  productName: string;
  piecesPerSet: number;
  sizes: ReadonlyArray<PurchaseSizeOption>;
  /** What the boxes hold now, as typed. */
  typedSets: PurchaseFormInput["sets"] | undefined;
  total: number;
  limitSets: number;
  setsId: (size: GloveSize) => string;
  errors: FieldErrors<PurchaseFormInput>;
  register: UseFormRegister<PurchaseFormInput>;
  onStep: (size: PurchaseSizeOption, by: 1 | -1) => void;
}

/** サイズとセット数: a stepper per size and the running total against the limit. */
export function SizesFieldset({
  productName,
  piecesPerSet,
  sizes,
  typedSets,
  total,
  limitSets,
  setsId,
  errors,
  register,
  onStep,
}: SizesFieldsetProps) {
  return (
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
            onStep={(by) => onStep(size, by)}
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
  );
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
