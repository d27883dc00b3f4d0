import { FieldError, FieldHint, fieldIds, formatNumber, formatPieces } from "@sos/ui";
import type { ChangeEventHandler, FocusEventHandler, Ref } from "react";
import type { PurchaseSizeOption } from "../api-types";
import "./storefront.css";

export interface SetsStepperProps {
  id: string;
  size: PurchaseSizeOption;
  piecesPerSet: number;
  /** The sets the box holds now (0 when unreadable), for the buttons and the pieces. */
  value: number;
  /** False at the size's stock or when the total has reached the limit. */
  canIncrease: boolean;
  error?: string | undefined;
  onStep: (by: 1 | -1) => void;
  // From react-hook-form's register().
  name: string;
  onChange: ChangeEventHandler<HTMLInputElement>;
  onBlur: FocusEventHandler<HTMLInputElement>;
  ref: Ref<HTMLInputElement>;
}

/**
 * Sets of one size: 「−」, a box that takes typed digits (full-width too) and 「＋」.
 * A size out of stock is shown as 「在庫なし」 and cannot be chosen.
 */
export function SetsStepper({
  id,
  size,
  piecesPerSet,
  value,
  canIncrease,
  error,
  onStep,
  name,
  onChange,
  onBlur,
  ref,
}: SetsStepperProps) {
  const soldOut = size.stockSets === 0;
  const canDecrease = value > 0;
  // Sold out after sets were chosen (a refetch after a refusal): the box stays usable
  // until it is back at 0, or the buyer could not undo the choice.
  const locked = soldOut && value === 0;
  const unitId = `${id}-unit`;
  const ids = fieldIds(id, { hasHint: true, hasError: Boolean(error), extra: [unitId] });
  return (
    <div className={`sos-sets${soldOut ? " sos-sets--sold-out" : ""}`} data-size={size.size}>
      <label className="sos-field__label" htmlFor={id}>
        {size.label}
      </label>
      <FieldHint id={ids.hintId}>
        {soldOut ? (
          <strong className="sos-sets__sold-out">在庫なし</strong>
        ) : (
          `在庫 ${formatNumber(size.stockSets)}セット`
        )}
      </FieldHint>
      <div className="sos-sets__row">
        <button
          type="button"
          className="sos-sets__step"
          aria-label={`${size.label}を1セット減らす`}
          // aria-disabled, not disabled: focus stays on the button that just reached 0.
          aria-disabled={!canDecrease || undefined}
          onClick={() => canDecrease && onStep(-1)}
        >
          <span aria-hidden="true">−</span>
        </button>
        <input
          id={id}
          name={name}
          ref={ref}
          onChange={onChange}
          onBlur={onBlur}
          onFocus={(event) => event.currentTarget.select()}
          type="text"
          inputMode="numeric"
          autoComplete="off"
          className="sos-input sos-sets__input"
          disabled={locked}
          aria-invalid={error ? true : undefined}
          aria-describedby={ids.describedBy}
        />
        <span className="sos-input__unit" id={unitId}>
          セット
        </span>
        <button
          type="button"
          className="sos-sets__step"
          aria-label={`${size.label}を1セット増やす`}
          disabled={soldOut}
          aria-disabled={!canIncrease || undefined}
          onClick={() => canIncrease && onStep(1)}
        >
          <span aria-hidden="true">＋</span>
        </button>
        <span className="sos-sets__pieces" aria-hidden="true">
          {formatPieces(value * piecesPerSet)}
        </span>
      </div>
      {error && <FieldError id={ids.errorId}>{error}</FieldError>}
    </div>
  );
}
