import type { AnchorHTMLAttributes, Ref } from "react";
import { type ButtonStyleOptions, buttonClassName } from "./button-class";
import "./Button.css";

export interface LinkButtonProps
  extends AnchorHTMLAttributes<HTMLAnchorElement>,
    Omit<ButtonStyleOptions, "className"> {
  href: string;
  ref?: Ref<HTMLAnchorElement>;
}

/** A link that navigates but looks like a button (e.g. 「新規」 on the request list). */
export function LinkButton({
  variant = "primary",
  size = "medium",
  fullWidth = false,
  className,
  children,
  ...rest
}: LinkButtonProps) {
  return (
    <a {...rest} className={buttonClassName({ variant, size, fullWidth, className })}>
      {children}
    </a>
  );
}
