import { Alert, Button, type ButtonVariant } from "@sos/ui";
import {
  type KeyboardEvent,
  type ReactNode,
  type SyntheticEvent,
  useEffect,
  useId,
  useRef,
  useState,
} from "react";

export interface ConfirmDialogProps {
  open: boolean;
  title: string;
  children: ReactNode;
  confirmLabel: string;
  confirmVariant?: ButtonVariant;
  /** What a screen reader hears while the action runs. */
  pendingLabel: string;
  /** Resolve once done (the caller then closes the dialog); reject to stay open. */
  onConfirm: () => Promise<void>;
  onCancel: () => void;
  /** Why the action failed, shown in the dialog. */
  error?: string | null;
}

const FOCUSABLE =
  'button:not([disabled]), [href], input:not([disabled]), [tabindex]:not([tabindex="-1"])';

/**
 * A yes/no question before an action that cannot be undone (取下げ). A native modal
 * <dialog>: the page behind is inert, Esc cancels, focus returns to the opener.
 */
export function ConfirmDialog({
  open,
  title,
  children,
  confirmLabel,
  confirmVariant = "primary",
  pendingLabel,
  onConfirm,
  onCancel,
  error = null,
}: ConfirmDialogProps) {
  const dialogRef = useRef<HTMLDialogElement>(null);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const titleId = useId();
  const bodyId = useId();
  const [pending, setPending] = useState(false);

  useEffect(() => {
    const dialog = dialogRef.current;
    if (dialog === null) return;
    if (open && !dialog.open) {
      dialog.showModal();
      // Start at the question, so it is read before the buttons.
      headingRef.current?.focus();
    } else if (!open && dialog.open) {
      dialog.close();
    }
  }, [open]);

  const cancel = () => {
    if (!pending) onCancel();
  };

  // The browser would close the dialog itself; the caller owns `open`.
  const handleCancelEvent = (event: SyntheticEvent<HTMLDialogElement>) => {
    event.preventDefault();
    cancel();
  };

  const keepTabInside = (event: KeyboardEvent<HTMLDialogElement>) => {
    if (event.key !== "Tab") return;
    const focusable = [...(dialogRef.current?.querySelectorAll<HTMLElement>(FOCUSABLE) ?? [])];
    const first = focusable[0];
    const last = focusable[focusable.length - 1];
    if (first === undefined || last === undefined) return;
    const active = document.activeElement;
    if (event.shiftKey && (active === first || active === headingRef.current)) {
      event.preventDefault();
      last.focus();
    } else if (!event.shiftKey && active === last) {
      event.preventDefault();
      first.focus();
    }
  };

  const confirm = async () => {
    setPending(true);
    try {
      await onConfirm();
    } catch {
      // The caller shows why through `error`; the dialog stays open for a retry.
    } finally {
      setPending(false);
    }
  };

  return (
    <dialog
      ref={dialogRef}
      className="inst-dialog"
      aria-labelledby={titleId}
      aria-describedby={bodyId}
      onCancel={handleCancelEvent}
      onKeyDown={keepTabInside}
    >
      <div className="inst-dialog__body">
        <h2 id={titleId} ref={headingRef} tabIndex={-1} className="inst-dialog__title">
          {title}
        </h2>
        <div id={bodyId} className="inst-dialog__text">
          {children}
        </div>
        {error && <Alert tone="error">{error}</Alert>}
      </div>
      <div className="inst-dialog__actions">
        <Button
          variant={confirmVariant}
          size="large"
          fullWidth
          loading={pending}
          loadingLabel={pendingLabel}
          onClick={confirm}
        >
          {confirmLabel}
        </Button>
        <Button variant="secondary" size="large" fullWidth disabled={pending} onClick={cancel}>
          キャンセル
        </Button>
      </div>
    </dialog>
  );
}
