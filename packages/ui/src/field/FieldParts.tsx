import type { ReactNode } from "react";
import "./Field.css";

/** The props every form control shares. */
export interface FieldChromeProps {
  label: ReactNode;
  /** Help shown under the label: format, example, why it is asked. */
  hint?: ReactNode;
  /** The validation message; the control is marked invalid while it is set. */
  error?: string | undefined;
  /** Marks the field 必須 (and aria-required); validation itself is the caller's. */
  required?: boolean | undefined;
}

export function RequiredMark() {
  return <span className="sos-field__required">必須</span>;
}

export function FieldLabel({
  htmlFor,
  required,
  children,
}: {
  htmlFor: string;
  required?: boolean | undefined;
  children: ReactNode;
}) {
  return (
    <label className="sos-field__label" htmlFor={htmlFor}>
      <span>{children}</span>
      {required && <RequiredMark />}
    </label>
  );
}

export function FieldHint({ id, children }: { id: string; children: ReactNode }) {
  return (
    <p className="sos-field__hint" id={id}>
      {children}
    </p>
  );
}

export function FieldError({ id, children }: { id: string; children: ReactNode }) {
  return (
    <p className="sos-field__error" id={id}>
      <svg
        className="sos-field__error-icon"
        viewBox="0 0 24 24"
        aria-hidden="true"
        focusable="false"
      >
        <circle cx="12" cy="12" r="10" fill="currentColor" />
        <path d="M11 6h2v8h-2zM11 16h2v2h-2z" fill="#fff" />
      </svg>
      <span>
        <span className="sos-visually-hidden">エラー：</span>
        {children}
      </span>
    </p>
  );
}
