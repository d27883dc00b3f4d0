import { type MouseEvent, type Ref, useEffect, useId, useRef } from "react";
import { ToneIcon } from "./icons";
import "./ErrorSummary.css";

const UNHANDLED = Symbol("unhandled");

export interface FieldErrorItem {
  /** id of the control to jump to. */
  fieldId: string;
  message: string;
}

export interface ErrorSummaryProps {
  errors: ReadonlyArray<FieldErrorItem>;
  title?: string;
  /**
   * Focus moves to the summary when it appears and whenever this changes (pass the
   * form's submit count), never while the user is typing.
   */
  focusKey?: number | string;
  ref?: Ref<HTMLElement>;
}

/**
 * The list of problems shown at the top of a long form after a failed submit; each
 * entry jumps to its field. Focus is moved here so keyboard and screen-reader users
 * learn at once that saving failed and why.
 */
export function ErrorSummary({
  errors,
  title = "入力内容に誤りがあります",
  focusKey,
  ref,
}: ErrorSummaryProps) {
  const headingId = useId();
  const localRef = useRef<HTMLElement | null>(null);
  const hasErrors = errors.length > 0;

  // The key focus was last handled for. Errors that come and go while the user types
  // (react-hook-form re-validates on change after a submit) keep the key, and must not
  // pull focus away from the field mid-word; only a new key (a submit) or the first
  // appearance does.
  const handledKey = useRef<unknown>(UNHANDLED);
  useEffect(() => {
    if (handledKey.current === focusKey) return;
    if (hasErrors) localRef.current?.focus();
    handledKey.current = focusKey;
  }, [focusKey, hasErrors]);

  if (!hasErrors) return null;

  const jumpTo = (event: MouseEvent<HTMLAnchorElement>, fieldId: string) => {
    const field = document.getElementById(fieldId);
    if (field === null) return;
    event.preventDefault();
    // Bring the label into view too: it sits above the control.
    const label = document.querySelector(`label[for="${CSS.escape(fieldId)}"]`);
    (label ?? field).scrollIntoView({ block: "start" });
    field.focus({ preventScroll: true });
  };

  return (
    <section
      ref={(node) => {
        localRef.current = node;
        if (typeof ref === "function") ref(node);
        else if (ref) ref.current = node;
      }}
      className="sos-error-summary"
      tabIndex={-1}
      aria-labelledby={headingId}
    >
      <h2 className="sos-error-summary__title" id={headingId}>
        <ToneIcon tone="error" className="sos-error-summary__icon" />
        <span>
          {title}（{errors.length}件）
        </span>
      </h2>
      <ul className="sos-error-summary__list">
        {errors.map((error) => (
          <li key={`${error.fieldId}:${error.message}`}>
            <a href={`#${error.fieldId}`} onClick={(event) => jumpTo(event, error.fieldId)}>
              {error.message}
            </a>
          </li>
        ))}
      </ul>
    </section>
  );
}
