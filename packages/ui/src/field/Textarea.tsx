import { type ChangeEvent, type Ref, type TextareaHTMLAttributes, useState } from "react";
import { type FieldChromeProps, FieldError, FieldHint, FieldLabel } from "./FieldParts";
import { fieldIds, useControlId } from "./field-ids";
import "./Textarea.css";

export interface TextareaProps
  extends Omit<TextareaHTMLAttributes<HTMLTextAreaElement>, "required" | "maxLength">,
    FieldChromeProps {
  /**
   * Shows a 「n / max 文字」 counter. The limit is not enforced by the browser: a
   * native maxlength silently cuts pasted text, so going over is reported instead.
   */
  maxLength?: number;
  ref?: Ref<HTMLTextAreaElement>;
}

function lengthOf(value: TextareaHTMLAttributes<HTMLTextAreaElement>["value"]): number {
  if (value === undefined || value === null) return 0;
  return Array.isArray(value) ? value.join(",").length : String(value).length;
}

export function Textarea({
  label,
  hint,
  error,
  required,
  maxLength,
  id,
  className,
  rows = 5,
  onChange,
  "aria-describedby": ariaDescribedBy,
  ...textareaProps
}: TextareaProps) {
  const textareaId = useControlId(id, "sos-textarea");
  // Uncontrolled use (react-hook-form's register) gives no value prop, so the
  // count follows the change events too.
  const [typedLength, setTypedLength] = useState(() =>
    lengthOf(textareaProps.value ?? textareaProps.defaultValue),
  );
  const length = textareaProps.value === undefined ? typedLength : lengthOf(textareaProps.value);
  const counterId = maxLength === undefined ? undefined : `${textareaId}-counter`;
  const ids = fieldIds(textareaId, {
    hasHint: hint !== undefined,
    hasError: Boolean(error),
    extra: [counterId],
    describedBy: ariaDescribedBy,
  });
  const over = maxLength !== undefined && length > maxLength;
  return (
    <div className="sos-field">
      <FieldLabel htmlFor={textareaId} required={required}>
        {label}
      </FieldLabel>
      {hint !== undefined && <FieldHint id={ids.hintId}>{hint}</FieldHint>}
      <textarea
        {...textareaProps}
        id={textareaId}
        rows={rows}
        className={["sos-input", "sos-textarea", className].filter(Boolean).join(" ")}
        aria-invalid={error || over ? true : undefined}
        aria-required={required || undefined}
        aria-describedby={ids.describedBy}
        onChange={(event: ChangeEvent<HTMLTextAreaElement>) => {
          setTypedLength(event.currentTarget.value.length);
          onChange?.(event);
        }}
      />
      {maxLength !== undefined && (
        <p
          id={counterId}
          className={["sos-textarea__counter", over ? "sos-textarea__counter--over" : undefined]
            .filter(Boolean)
            .join(" ")}
        >
          {length.toLocaleString("ja-JP")} / {maxLength.toLocaleString("ja-JP")}文字
          {over && `（${(length - maxLength).toLocaleString("ja-JP")}文字超過）`}
        </p>
      )}
      {error && <FieldError id={ids.errorId}>{error}</FieldError>}
    </div>
  );
}
