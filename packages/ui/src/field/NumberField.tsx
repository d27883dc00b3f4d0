import type { ReactNode } from "react";
import { TextField, type TextFieldProps } from "./TextField";

export interface NumberFieldProps extends Omit<TextFieldProps, "type" | "suffix" | "inputMode"> {
  /** The unit shown after the box; pieces (枚) unless told otherwise. */
  unit?: ReactNode;
}

/**
 * A quantity box. It is a text input on purpose: type="number" refuses "1,000" and
 * full-width "２０００" (which Japanese IMEs produce), and changes on scroll. The
 * numeric keypad still opens on phones; parsing is the caller's (@sos/domain quantityField).
 */
export function NumberField({ unit = "枚", width = "short", ...props }: NumberFieldProps) {
  return (
    <TextField
      autoComplete="off"
      {...props}
      type="text"
      inputMode="numeric"
      width={width}
      suffix={unit}
    />
  );
}
