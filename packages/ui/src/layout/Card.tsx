import { type HTMLAttributes, type ReactNode, type Ref, useId } from "react";
import "./Card.css";

export interface CardProps extends Omit<HTMLAttributes<HTMLElement>, "title"> {
  title?: ReactNode;
  headingLevel?: 2 | 3 | 4;
  /** Buttons or links at the bottom of the card. */
  actions?: ReactNode;
  children?: ReactNode;
  ref?: Ref<HTMLElement>;
}

/** A titled section on a surface; with a title it is a named region for screen-reader users. */
export function Card({
  title,
  headingLevel = 2,
  actions,
  children,
  className,
  ...rest
}: CardProps) {
  const headingId = useId();
  const Heading = `h${headingLevel}` as const;
  const hasTitle = title !== undefined;
  return (
    <section
      {...rest}
      aria-labelledby={hasTitle ? headingId : undefined}
      className={["sos-card", className].filter(Boolean).join(" ")}
    >
      {hasTitle && (
        <Heading className="sos-card__title" id={headingId}>
          {title}
        </Heading>
      )}
      {children !== undefined && <div className="sos-card__body">{children}</div>}
      {actions !== undefined && <div className="sos-card__actions">{actions}</div>}
    </section>
  );
}
