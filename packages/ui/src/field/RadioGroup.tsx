import type { InputHTMLAttributes, ReactNode, Ref } from "react";
import { FieldError, FieldHint, RequiredMark } from "./FieldParts";
import { joinIds } from "./field-ids";
import "./RadioGroup.css";

export interface RadioChoice {
  value: string;
  label: ReactNode;
  hint?: ReactNode;
}

export interface RadioGroupProps
  extends Omit<InputHTMLAttributes<HTMLInputElement>, "type" | "value" | "id" | "required"> {
  /** The group's id; each choice is `${id}-${value}`, the first one being where errors lead. */
  id: string;
  legend: ReactNode;
  choices: ReadonlyArray<RadioChoice>;
  hint?: ReactNode;
  error?: string | undefined;
  required?: boolean | undefined;
  /** Controlled use; with react-hook-form's register leave it out. */
  value?: string | undefined;
  ref?: Ref<HTMLInputElement>;
}

/** The element id of one choice, for an error summary's link. */
export function radioId(groupId: string, value: string): string {
  return `${groupId}-${value}`;
}

/**
 * A set of radio buttons under a legend, each row a full-size touch target. Spread
 * react-hook-form's register() into it: name, onChange, onBlur and ref go to every choice.
 */
export function RadioGroup({
  id,
  legend,
  choices,
  hint,
  error,
  required,
  value,
  ref,
  className,
  ...inputProps
}: RadioGroupProps) {
  const hintId = `${id}-hint`;
  const errorId = `${id}-error`;
  const describedBy = joinIds([
    hint === undefined ? undefined : hintId,
    error ? errorId : undefined,
  ]);
  return (
    <fieldset
      className={["sos-radio-group", error ? "sos-radio-group--invalid" : undefined, className]
        .filter(Boolean)
        .join(" ")}
      aria-describedby={describedBy}
    >
      <legend className="sos-field__label">
        <span>{legend}</span>
        {required && <RequiredMark />}
      </legend>
      {hint !== undefined && <FieldHint id={hintId}>{hint}</FieldHint>}
      <div className="sos-radio-group__choices">
        {choices.map((choice) => {
          const choiceId = radioId(id, choice.value);
          const choiceHintId = choice.hint === undefined ? undefined : `${choiceId}-hint`;
          return (
            <div key={choice.value} className="sos-radio">
              <input
                {...inputProps}
                ref={ref}
                id={choiceId}
                type="radio"
                className="sos-radio__input"
                value={choice.value}
                {...(value === undefined ? {} : { checked: value === choice.value })}
                aria-invalid={error ? true : undefined}
                aria-describedby={joinIds([choiceHintId, error ? errorId : undefined])}
              />
              <label className="sos-radio__label" htmlFor={choiceId}>
                <span>{choice.label}</span>
                {choice.hint !== undefined && (
                  <span className="sos-radio__hint" id={choiceHintId}>
                    {choice.hint}
                  </span>
                )}
              </label>
            </div>
          );
        })}
      </div>
      {error && <FieldError id={errorId}>{error}</FieldError>}
    </fieldset>
  );
}
