import { LinkButton, type LinkButtonProps } from "@sos/ui";
import { type To, useHref, useLinkClickHandler } from "react-router";

export interface RouterLinkButtonProps extends Omit<LinkButtonProps, "href"> {
  to: To;
  replace?: boolean;
}

/** @sos/ui's LinkButton navigating inside the app (client-side, basename applied). */
export function RouterLinkButton({ to, replace = false, onClick, ...rest }: RouterLinkButtonProps) {
  const href = useHref(to);
  const navigate = useLinkClickHandler<HTMLAnchorElement>(to, { replace });
  return (
    <LinkButton
      {...rest}
      href={href}
      onClick={(event) => {
        onClick?.(event);
        if (!event.defaultPrevented) navigate(event);
      }}
    />
  );
}
