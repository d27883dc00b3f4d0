import {
  type FormEvent,
  type KeyboardEvent,
  type ReactNode,
  type RefObject,
  type SyntheticEvent,
  useEffect,
  useId,
  useRef,
  useState,
} from "react";
import { SUBMIT_FAILED_MESSAGE } from "../auth/messages";
import { Button } from "../button/Button";
import { Alert } from "./Alert";
// The modal's look is the institution side's system-check dialog; one dialog style app-wide.
import "./Dialog.css";
import "./ConfirmDialog.css";

const FOCUSABLE =
  'button:not([disabled]), [href], input:not([disabled]), select:not([disabled]), textarea:not([disabled]), [tabindex]:not([tabindex="-1"])';

export interface ConfirmDialogProps {
  open: boolean;
  title: ReactNode;
  /** What will happen; read out with the title when the dialog opens. */
  description?: ReactNode;
  /** Further content under the description, e.g. a list or a reason box. */
  children?: ReactNode;
  confirmLabel: string;
  /** "danger" for what cannot be undone by the user (対象外, 措置). */
  confirmVariant?: "primary" | "danger" | undefined;
  cancelLabel?: string | undefined;
  /** What a screen reader hears while the action runs. */
  pendingLabel?: string | undefined;
  /**
   * Runs the action. Resolve once the server has answered; the caller then closes the
   * dialog (it owns `open`). A rejection keeps the dialog open with a retry message,
   * unless `error` carries the server's own words.
   */
  onConfirm: () => Promise<void> | void;
  /** 「キャンセル」 or Esc. Not called while the action runs. */
  onCancel: () => void;
  /** A refusal from the server, shown in the dialog. */
  error?: string | null | undefined;
  /** Where focus starts; the title by default, so the explanation is read before the buttons. */
  initialFocusRef?: RefObject<HTMLElement | null> | undefined;
}

/**
 * A modal confirmation (native <dialog>): the page behind is inert, Esc cancels and
 * focus returns to the control that opened it. The body is a form, so Enter in a
 * field confirms and a reason box can sit inside.
 */
export function ConfirmDialog({
  open,
  title,
  description,
  children,
  confirmLabel,
  confirmVariant = "primary",
  cancelLabel = "キャンセル",
  pendingLabel = "処理中",
  onConfirm,
  onCancel,
  error = null,
  initialFocusRef,
}: ConfirmDialogProps) {
  const dialogRef = useRef<HTMLDialogElement>(null);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const titleId = useId();
  const descriptionId = useId();
  const [pending, setPending] = useState(false);
  const [failed, setFailed] = useState(false);

  useEffect(() => {
    const dialog = dialogRef.current;
    if (dialog === null) return;
    if (open && !dialog.open) {
      setFailed(false);
      dialog.showModal();
      (initialFocusRef?.current ?? headingRef.current)?.focus();
    } else if (!open && dialog.open) {
      dialog.close();
    }
  }, [open, initialFocusRef]);

  const cancel = () => {
    if (!pending) onCancel();
  };

  // The browser would close the dialog itself on Esc; the caller owns `open`, so ask it.
  const handleCancelEvent = (event: SyntheticEvent<HTMLDialogElement>) => {
    event.preventDefault();
    cancel();
  };

  // Esc is handled here as well as by the cancel event: a key event that is not the
  // browser's own (assistive tools, tests) does not make the browser cancel the dialog.
  const handleKeyDown = (event: KeyboardEvent<HTMLDialogElement>) => {
    if (event.key === "Escape") {
      event.preventDefault();
      cancel();
      return;
    }
    if (event.key !== "Tab") return;
    const focusable = [...(dialogRef.current?.querySelectorAll<HTMLElement>(FOCUSABLE) ?? [])];
    const first = focusable[0];
    const last = focusable[focusable.length - 1];
    if (first === undefined || last === undefined) return;
    const active = document.activeElement;
    // Keep Tab inside: past the last control back to the first, and the reverse.
    if (event.shiftKey && (active === first || active === headingRef.current)) {
      event.preventDefault();
      last.focus();
    } else if (!event.shiftKey && active === last) {
      event.preventDefault();
      first.focus();
    }
  };

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (pending) return;
    setFailed(false);
    setPending(true);
    try {
      await onConfirm();
    } catch {
      setFailed(true);
    } finally {
      setPending(false);
    }
  };

  const message = error || (failed ? SUBMIT_FAILED_MESSAGE : null);

  return (
    <dialog
      ref={dialogRef}
      className="sos-dialog sos-confirm"
      aria-labelledby={titleId}
      aria-describedby={description === undefined ? undefined : descriptionId}
      onCancel={handleCancelEvent}
      onKeyDown={handleKeyDown}
    >
      {open && (
        <form className="sos-confirm__form" noValidate onSubmit={submit}>
          <div className="sos-dialog__body">
            <h2 id={titleId} ref={headingRef} tabIndex={-1} className="sos-dialog__title">
              {title}
            </h2>
            {description !== undefined && (
              <div id={descriptionId} className="sos-confirm__description">
                {description}
              </div>
            )}
            {children}
            {message && <Alert tone="error">{message}</Alert>}
          </div>
          <div className="sos-dialog__actions">
            <Button
              type="submit"
              variant={confirmVariant}
              size="large"
              fullWidth
              loading={pending}
              loadingLabel={pendingLabel}
            >
              {confirmLabel}
            </Button>
            <Button variant="secondary" size="large" fullWidth disabled={pending} onClick={cancel}>
              {cancelLabel}
            </Button>
          </div>
        </form>
      )}
    </dialog>
  );
}
