import type { ButtonHTMLAttributes, MouseEvent, Ref } from "react";
import { type ButtonStyleOptions, buttonClassName } from "./button-class";
import "./Button.css";

export interface ButtonProps
  extends ButtonHTMLAttributes<HTMLButtonElement>,
    Omit<ButtonStyleOptions, "className"> {
  /** Shows a spinner and ignores clicks while an action is in flight. */
  loading?: boolean;
  /** What a screen reader hears while loading; the visible label stays. */
  loadingLabel?: string;
  ref?: Ref<HTMLButtonElement>;
}

export function Button({
  variant = "primary",
  size = "medium",
  fullWidth = false,
  loading = false,
  loadingLabel = "処理中",
  type = "button",
  className,
  disabled,
  onClick,
  children,
  ...rest
}: ButtonProps) {
  // While loading the button stays focusable (aria-disabled, not disabled) so focus is
  // not lost to <body> in the middle of a submit.
  const handleClick = (event: MouseEvent<HTMLButtonElement>) => {
    if (loading) {
      event.preventDefault();
      return;
    }
    onClick?.(event);
  };
  return (
    <button
      {...rest}
      type={type}
      className={buttonClassName({ variant, size, fullWidth, className })}
      disabled={disabled}
      aria-disabled={loading || undefined}
      aria-busy={loading || undefined}
      onClick={handleClick}
    >
      {loading && <span className="sos-button__spinner" aria-hidden="true" />}
      {children}
      {loading && <span className="sos-visually-hidden">（{loadingLabel}）</span>}
    </button>
  );
}
