import type { HTMLAttributes, ReactNode, Ref } from "react";
import { TONE_LABELS, type Tone, ToneIcon } from "./icons";
import "./Alert.css";

export interface AlertProps extends Omit<HTMLAttributes<HTMLDivElement>, "title" | "role"> {
  tone?: Tone;
  title?: ReactNode;
  children?: ReactNode;
  ref?: Ref<HTMLDivElement>;
}

/**
 * A message about what just happened. Errors interrupt (role="alert"); the other
 * tones are announced politely (role="status"). Render it when the event happens:
 * live regions announce what is added to them, not what was there on load.
 */
export function Alert({ tone = "info", title, children, className, ...rest }: AlertProps) {
  return (
    <div
      {...rest}
      role={tone === "error" ? "alert" : "status"}
      className={["sos-alert", `sos-alert--${tone}`, className].filter(Boolean).join(" ")}
    >
      <ToneIcon tone={tone} className="sos-alert__icon" />
      <div className="sos-alert__body">
        {title !== undefined ? (
          <p className="sos-alert__title">
            <span className="sos-visually-hidden">{TONE_LABELS[tone]}：</span>
            {title}
          </p>
        ) : (
          <span className="sos-visually-hidden">{TONE_LABELS[tone]}：</span>
        )}
        {children !== undefined && <div className="sos-alert__content">{children}</div>}
      </div>
    </div>
  );
}
