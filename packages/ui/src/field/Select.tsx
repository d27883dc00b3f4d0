import type { Ref, SelectHTMLAttributes } from "react";
import { type FieldChromeProps, FieldError, FieldHint, FieldLabel } from "./FieldParts";
import { fieldIds, useControlId } from "./field-ids";
import "./Select.css";

export interface SelectOption {
  value: string;
  label: string;
  disabled?: boolean;
}

export interface SelectProps
  extends Omit<SelectHTMLAttributes<HTMLSelectElement>, "required" | "multiple">,
    FieldChromeProps {
  options: ReadonlyArray<SelectOption>;
  /** An empty first choice ("" value); null for none. */
  placeholder?: string | null;
  ref?: Ref<HTMLSelectElement>;
}

export function Select({
  label,
  hint,
  error,
  required,
  options,
  placeholder = "選択してください",
  id,
  className,
  "aria-describedby": ariaDescribedBy,
  ...selectProps
}: SelectProps) {
  const selectId = useControlId(id, "sos-select");
  const ids = fieldIds(selectId, {
    hasHint: hint !== undefined,
    hasError: Boolean(error),
    describedBy: ariaDescribedBy,
  });
  return (
    <div className="sos-field">
      <FieldLabel htmlFor={selectId} required={required}>
        {label}
      </FieldLabel>
      {hint !== undefined && <FieldHint id={ids.hintId}>{hint}</FieldHint>}
      <div className="sos-select">
        <select
          {...selectProps}
          id={selectId}
          className={["sos-input", "sos-select__control", className].filter(Boolean).join(" ")}
          aria-invalid={error ? true : undefined}
          aria-required={required || undefined}
          aria-describedby={ids.describedBy}
        >
          {placeholder !== null && <option value="">{placeholder}</option>}
          {options.map((option) => (
            <option key={option.value} value={option.value} disabled={option.disabled}>
              {option.label}
            </option>
          ))}
        </select>
      </div>
      {error && <FieldError id={ids.errorId}>{error}</FieldError>}
    </div>
  );
}
