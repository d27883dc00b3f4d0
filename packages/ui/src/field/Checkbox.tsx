import type { InputHTMLAttributes, ReactNode, Ref } from "react";
import { FieldError, FieldHint, RequiredMark } from "./FieldParts";
import { fieldIds, useControlId } from "./field-ids";
import "./Checkbox.css";

export interface CheckboxProps
  extends Omit<InputHTMLAttributes<HTMLInputElement>, "type" | "required"> {
  label: ReactNode;
  hint?: ReactNode;
  error?: string | undefined;
  required?: boolean | undefined;
  ref?: Ref<HTMLInputElement>;
}

/** A single checkbox with its label beside it, the whole row being the touch target. */
export function Checkbox({
  label,
  hint,
  error,
  required,
  id,
  className,
  "aria-describedby": ariaDescribedBy,
  ...inputProps
}: CheckboxProps) {
  const inputId = useControlId(id, "sos-checkbox");
  const ids = fieldIds(inputId, {
    hasHint: hint !== undefined,
    hasError: Boolean(error),
    describedBy: ariaDescribedBy,
  });
  return (
    <div
      className={["sos-checkbox", error ? "sos-checkbox--invalid" : undefined, className]
        .filter(Boolean)
        .join(" ")}
    >
      <div className="sos-checkbox__row">
        <input
          {...inputProps}
          id={inputId}
          type="checkbox"
          className="sos-checkbox__input"
          aria-invalid={error ? true : undefined}
          aria-required={required || undefined}
          aria-describedby={ids.describedBy}
        />
        <label className="sos-checkbox__label" htmlFor={inputId}>
          <span>{label}</span>
          {required && <RequiredMark />}
        </label>
      </div>
      {hint !== undefined && <FieldHint id={ids.hintId}>{hint}</FieldHint>}
      {error && <FieldError id={ids.errorId}>{error}</FieldError>}
    </div>
  );
}
