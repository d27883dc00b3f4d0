import { toHalfWidth } from "@sos/rules";
import type { FocusEvent, ReactNode } from "react";
import { TextField, type TextFieldProps } from "./TextField";

export interface NumberFieldProps extends Omit<TextFieldProps, "type" | "suffix" | "inputMode"> {
  /** The unit shown after the box; pieces (枚) unless told otherwise. */
  unit?: ReactNode;
}

/**
 * Shows what was typed in full width (「２，０００」, as Japanese IMEs give it) in
 * half width once the box is left, so the figure reads as the one that will be
 * saved. The value goes through the input's own setter and an input event, so a
 * controlled field and react-hook-form's register() both see the new value.
 */
function showHalfWidth(input: HTMLInputElement): void {
  const halfWidth = toHalfWidth(input.value);
  if (halfWidth === input.value) return;
  Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, "value")?.set?.call(input, halfWidth);
  input.dispatchEvent(new Event("input", { bubbles: true }));
}

/**
 * A quantity box. It is a text input on purpose: type="number" refuses "1,000" and
 * full-width "２０００" (which Japanese IMEs produce), and changes on scroll. The
 * numeric keypad still opens on phones; parsing is the caller's (@sos/domain quantityField).
 */
export function NumberField({ unit = "枚", width = "short", onBlur, ...props }: NumberFieldProps) {
  return (
    <TextField
      autoComplete="off"
      {...props}
      onBlur={(event: FocusEvent<HTMLInputElement>) => {
        showHalfWidth(event.currentTarget);
        onBlur?.(event);
      }}
      type="text"
      inputMode="numeric"
      width={width}
      suffix={unit}
    />
  );
}
