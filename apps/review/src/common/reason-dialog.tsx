import { ConfirmDialog, Textarea } from "@sos/ui";
import { type ReactNode, useEffect, useRef, useState } from "react";

export interface ReasonDialogProps {
  open: boolean;
  title: ReactNode;
  description?: ReactNode;
  /** The box's label, e.g. 「対象外とする理由」; also names the required message. */
  reasonLabel: string;
  reasonHint?: ReactNode;
  maxLength?: number | undefined;
  confirmLabel: string;
  confirmVariant?: "primary" | "danger" | undefined;
  pendingLabel?: string | undefined;
  /** Called with the reason, trimmed. Resolve once done; the caller closes the dialog. */
  onConfirm: (reason: string) => Promise<void> | void;
  onCancel: () => void;
  error?: string | null | undefined;
}

/** Blank includes the full-width space an IME leaves behind; trim() removes U+3000 too. */
function requiredMessage(label: string): string {
  return `${label}を入力してください`;
}

/**
 * A confirmation that needs a written reason (対象外, 差戻し, 措置の解除): the action
 * is refused until the reason is filled in, and the box is where focus starts.
 */
export function ReasonDialog({
  open,
  title,
  description,
  reasonLabel,
  reasonHint,
  maxLength = 1000,
  confirmLabel,
  confirmVariant,
  pendingLabel,
  onConfirm,
  onCancel,
  error,
}: ReasonDialogProps) {
  const reasonRef = useRef<HTMLTextAreaElement>(null);
  const [reason, setReason] = useState("");
  const [fieldError, setFieldError] = useState<string | undefined>(undefined);

  // Each opening starts blank: a reason belongs to one decision.
  useEffect(() => {
    if (open) {
      setReason("");
      setFieldError(undefined);
    }
  }, [open]);

  const confirm = async () => {
    const trimmed = reason.trim();
    let problem: string | undefined;
    if (trimmed === "") problem = requiredMessage(reasonLabel);
    else if (trimmed.length > maxLength) {
      problem = `${reasonLabel}は${maxLength.toLocaleString("ja-JP")}文字以内で入力してください`;
    }
    setFieldError(problem);
    if (problem !== undefined) {
      reasonRef.current?.focus();
      return;
    }
    await onConfirm(trimmed);
  };

  return (
    <ConfirmDialog
      open={open}
      title={title}
      description={description}
      confirmLabel={confirmLabel}
      confirmVariant={confirmVariant}
      pendingLabel={pendingLabel}
      onConfirm={confirm}
      onCancel={onCancel}
      error={error}
      initialFocusRef={reasonRef}
    >
      <Textarea
        ref={reasonRef}
        label={reasonLabel}
        hint={reasonHint}
        required
        maxLength={maxLength}
        rows={4}
        value={reason}
        error={fieldError}
        onChange={(event) => {
          setReason(event.currentTarget.value);
          if (fieldError !== undefined && event.currentTarget.value.trim() !== "") {
            setFieldError(undefined);
          }
        }}
      />
    </ConfirmDialog>
  );
}
