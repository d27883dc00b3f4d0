import { type ReactNode, useEffect, useState } from "react";
import { type DateParts, datePartsOf, dateValueOf, digitsOf, weekdayJa } from "./date-parts";
import { FieldError, FieldHint, RequiredMark } from "./FieldParts";
import { fieldIds, useControlId } from "./field-ids";
import "./DateField.css";

export interface DateFieldProps {
  label: ReactNode;
  hint?: ReactNode;
  error?: string | undefined;
  required?: boolean | undefined;
  /** The 年 box's id: where an error summary's link takes the focus. */
  id?: string | undefined;
  /** "YYYY-MM-DD", "" (empty), or what was typed when it is not a date (see dateValueOf). */
  value: string;
  onChange: (value: string) => void;
  onBlur?: (() => void) | undefined;
  disabled?: boolean | undefined;
  /** Names the three boxes `${name}-year` …, for form posts and tests. */
  name?: string | undefined;
}

const BOXES = [
  { key: "year", unit: "年", maxLength: 4, size: "year" },
  { key: "month", unit: "月", maxLength: 2, size: "short" },
  { key: "day", unit: "日", maxLength: 2, size: "short" },
] as const;

/**
 * A date as three numeric boxes, 年・月・日 (the Digital Agency design system's pattern,
 * not the browser's date input, which follows the browser's locale: mm/dd/yyyy in an
 * English one). Full-width digits are read; the day of the week is shown once the boxes
 * make a real date. The value is ISO 8601, as the API and the exports take it.
 */
export function DateField({
  label,
  hint,
  error,
  required,
  id,
  value,
  onChange,
  onBlur,
  disabled,
  name,
}: DateFieldProps) {
  const yearId = useControlId(id);
  const labelId = `${yearId}-label`;
  const weekdayId = `${yearId}-weekday`;
  const ids = fieldIds(yearId, {
    hasHint: hint !== undefined,
    hasError: Boolean(error),
    extra: [weekdayId],
  });
  const [parts, setParts] = useState<DateParts>(() => datePartsOf(value));
  // A value set from outside (a reset, a link) replaces the boxes; what the boxes
  // themselves reported does not, so a half-typed 「0」 is not rewritten under the cursor.
  useEffect(() => {
    setParts((current) => (dateValueOf(current) === value ? current : datePartsOf(value)));
  }, [value]);

  const iso = dateValueOf(parts);
  const weekday = /^\d{4}-\d{2}-\d{2}$/.test(iso) ? weekdayJa(iso) : null;

  const update = (key: keyof DateParts, text: string) => {
    const next = { ...parts, [key]: text };
    setParts(next);
    onChange(dateValueOf(next));
  };

  return (
    <fieldset className="sos-field sos-date-field">
      <legend className="sos-field__label">
        {/* Each box is named by this and its unit (「適用開始日 年」), without 「必須」. */}
        <span id={labelId}>{label}</span>
        {required && <RequiredMark />}
      </legend>
      {hint !== undefined && <FieldHint id={ids.hintId}>{hint}</FieldHint>}
      <div className="sos-date-field__boxes">
        {BOXES.map((box) => {
          const boxId = box.key === "year" ? yearId : `${yearId}-${box.key}`;
          return (
            <span key={box.key} className="sos-date-field__box">
              <input
                id={boxId}
                name={name === undefined ? undefined : `${name}-${box.key}`}
                className={`sos-input sos-date-field__input sos-date-field__input--${box.size}`}
                type="text"
                inputMode="numeric"
                autoComplete="off"
                maxLength={box.maxLength}
                value={parts[box.key]}
                disabled={disabled}
                aria-invalid={error ? true : undefined}
                aria-required={required || undefined}
                aria-labelledby={`${labelId} ${boxId}-unit`}
                aria-describedby={ids.describedBy}
                onChange={(event) => update(box.key, event.currentTarget.value)}
                onBlur={(event) => {
                  // Full-width digits typed on a Japanese keyboard are shown as read.
                  const typed = event.currentTarget.value;
                  const digits = digitsOf(typed);
                  if (digits !== typed && /^\d*$/.test(digits)) update(box.key, digits);
                  onBlur?.();
                }}
              />
              <span className="sos-date-field__unit" id={`${boxId}-unit`}>
                {box.unit}
              </span>
            </span>
          );
        })}
        <span className="sos-date-field__weekday" id={weekdayId} aria-live="polite">
          {weekday === null ? "" : `（${weekday}）`}
        </span>
      </div>
      {error && <FieldError id={ids.errorId}>{error}</FieldError>}
    </fieldset>
  );
}
