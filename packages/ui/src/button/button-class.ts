/**
 * "danger" is the solid red of the step that destroys (取り下げる in the dialog);
 * "danger-secondary" the outlined red of the button that only opens that step, so
 * a page's destructive entry never outweighs its main action.
 */
export const BUTTON_VARIANTS = [
  "primary",
  "secondary",
  "tertiary",
  "danger",
  "danger-secondary",
] as const;
export type ButtonVariant = (typeof BUTTON_VARIANTS)[number];

export type ButtonSize = "medium" | "large";

export interface ButtonStyleOptions {
  variant?: ButtonVariant;
  size?: ButtonSize;
  fullWidth?: boolean;
  className?: string | undefined;
}

/** The button look, for anything that must look like one (e.g. a router's Link). */
export function buttonClassName({
  variant = "primary",
  size = "medium",
  fullWidth = false,
  className,
}: ButtonStyleOptions = {}): string {
  return [
    "sos-button",
    `sos-button--${variant}`,
    `sos-button--${size}`,
    fullWidth ? "sos-button--full" : undefined,
    className,
  ]
    .filter(Boolean)
    .join(" ");
}
