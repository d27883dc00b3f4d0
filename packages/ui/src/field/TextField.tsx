import type { InputHTMLAttributes, ReactNode, Ref } from "react";
import { type FieldChromeProps, FieldError, FieldHint, FieldLabel } from "./FieldParts";
import { fieldIds, useControlId } from "./field-ids";

export type FieldWidth = "full" | "medium" | "short";

export interface TextFieldProps
  extends Omit<InputHTMLAttributes<HTMLInputElement>, "size" | "required">,
    FieldChromeProps {
  /** How wide the box is, so its size hints at the expected length. */
  width?: FieldWidth;
  /** Text after the box, e.g. a unit (枚); read out with the field. */
  suffix?: ReactNode;
  /** A control after the box (e.g. a show-password button); not part of the description. */
  trailing?: ReactNode;
  ref?: Ref<HTMLInputElement>;
}

export function TextField({
  label,
  hint,
  error,
  required,
  width = "full",
  suffix,
  trailing,
  id,
  className,
  type = "text",
  "aria-describedby": ariaDescribedBy,
  ...inputProps
}: TextFieldProps) {
  const inputId = useControlId(id);
  const suffixId = suffix === undefined ? undefined : `${inputId}-suffix`;
  const ids = fieldIds(inputId, {
    hasHint: hint !== undefined,
    hasError: Boolean(error),
    extra: [suffixId],
    describedBy: ariaDescribedBy,
  });
  const input = (
    <input
      {...inputProps}
      id={inputId}
      type={type}
      className={["sos-input", width === "full" ? undefined : `sos-input--${width}`, className]
        .filter(Boolean)
        .join(" ")}
      aria-invalid={error ? true : undefined}
      aria-required={required || undefined}
      aria-describedby={ids.describedBy}
    />
  );
  const grouped = suffix !== undefined || trailing !== undefined;
  return (
    <div className="sos-field">
      <FieldLabel htmlFor={inputId} required={required}>
        {label}
      </FieldLabel>
      {hint !== undefined && <FieldHint id={ids.hintId}>{hint}</FieldHint>}
      {grouped ? (
        <div className="sos-input__group">
          {input}
          {suffix !== undefined && (
            <span className="sos-input__unit" id={suffixId}>
              {suffix}
            </span>
          )}
          {trailing}
        </div>
      ) : (
        input
      )}
      {error && <FieldError id={ids.errorId}>{error}</FieldError>}
    </div>
  );
}
