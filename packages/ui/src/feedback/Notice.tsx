import { type HTMLAttributes, type ReactNode, type Ref, useId } from "react";
import "./Notice.css";

export interface NoticeProps extends Omit<HTMLAttributes<HTMLElement>, "title"> {
  title: ReactNode;
  /** "important" for rules the user must not miss (deadlines, 要請＝配布決定ではない). */
  emphasis?: "normal" | "important";
  headingLevel?: 2 | 3 | 4;
  children: ReactNode;
  ref?: Ref<HTMLElement>;
}

/** Standing guidance that is part of the page, not a reaction to an action (no live region). */
export function Notice({
  title,
  emphasis = "normal",
  headingLevel = 2,
  children,
  className,
  ...rest
}: NoticeProps) {
  const headingId = useId();
  const Heading = `h${headingLevel}` as const;
  return (
    <section
      {...rest}
      aria-labelledby={headingId}
      className={["sos-notice", `sos-notice--${emphasis}`, className].filter(Boolean).join(" ")}
    >
      <Heading className="sos-notice__title" id={headingId}>
        {title}
      </Heading>
      <div className="sos-notice__content">{children}</div>
    </section>
  );
}
