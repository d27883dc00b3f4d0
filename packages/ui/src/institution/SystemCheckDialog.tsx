import { type KeyboardEvent, type SyntheticEvent, useEffect, useId, useRef, useState } from "react";
import { SUBMIT_FAILED_MESSAGE } from "../auth/messages";
import { Button } from "../button/Button";
import { Alert } from "../feedback/Alert";
import { formatJaDate } from "./format";
import "./SystemCheckDialog.css";

export interface SystemCheckDialogProps {
  open: boolean;
  /**
   * 「完了」: runs the system check (the API's sos.apply). Resolve once the server has
   * answered, whatever the outcome; the caller then closes the dialog and shows
   * SystemCheckResult. A rejection keeps the dialog open with a retry message.
   */
  onConfirm: () => Promise<void>;
  /** 「キャンセル」, Esc, or the phone's back gesture. Not called while the check runs. */
  onCancel: () => void;
  /** The survey week the check reads, e.g. 「2026年11月25日（水）〜12月2日（水）週」. */
  weekTitle?: string | undefined;
  /** The Wednesday 17:00 deadline has passed: the request is handled from handleFrom. */
  late?: boolean | undefined;
  /** The business day (YYYY-MM-DD, Tokyo) from which a late request is handled. */
  handleFrom?: string | null | undefined;
  /** A refusal from the server to show in the dialog. */
  error?: string | null | undefined;
}

const FOCUSABLE =
  'button:not([disabled]), [href], input:not([disabled]), select:not([disabled]), textarea:not([disabled]), [tabindex]:not([tabindex="-1"])';

/**
 * The confirmation step of 「システムチェック&申請」 (manual 3-1 ⑥): what the system
 * will check, and when a late request will be handled. A native modal <dialog>: the
 * page behind is inert, Tab cycles inside, Esc cancels, and focus returns to the
 * button that opened it.
 */
export function SystemCheckDialog({
  open,
  onConfirm,
  onCancel,
  weekTitle,
  late = false,
  handleFrom = null,
  error = null,
}: SystemCheckDialogProps) {
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
      // Start at the top so the whole confirmation is read before the buttons.
      headingRef.current?.focus();
    } else if (!open && dialog.open) {
      dialog.close();
    }
  }, [open]);

  const cancel = () => {
    if (!pending) onCancel();
  };

  // The browser would close the dialog itself; the caller owns `open`, so ask it instead.
  const handleCancelEvent = (event: SyntheticEvent<HTMLDialogElement>) => {
    event.preventDefault();
    cancel();
  };

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

  const confirm = async () => {
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
      className="sos-dialog"
      aria-labelledby={titleId}
      aria-describedby={descriptionId}
      onCancel={handleCancelEvent}
      onKeyDown={handleKeyDown}
    >
      <div className="sos-dialog__body">
        <h2 id={titleId} ref={headingRef} tabIndex={-1} className="sos-dialog__title">
          システムチェック&申請
        </h2>
        <p id={descriptionId}>
          申請の前に、システムが次の内容を確認します。よろしければ「完了」を押してください。
        </p>
        <ol className="sos-dialog__checks">
          <li>
            {weekTitle ? `今週（${weekTitle}）` : "今週"}
            の週次調査に回答していること
          </li>
          <li>
            週次調査の回答が、配布「要」となる条件（①在庫量＜（②想定消費量−③購入見込み量）×４）を満たしていること
          </li>
          <li>同意事項④による措置（以降の要請への不対応）を受けていないこと</li>
          <li>同じ週に、都道府県・国確認中または受付完了の要請がほかにないこと</li>
        </ol>
        {late && handleFrom && (
          <p className="sos-dialog__late">
            水曜17時の締切を過ぎているため、翌営業日 {formatJaDate(handleFrom)}
            以降の対応となります。
          </p>
        )}
        <p className="sos-dialog__note">
          要請は配布の決定ではありません。都道府県・国が内容を確認し、数量を調整したり、電話で状況を確認したりすることがあります。
        </p>
        {message && <Alert tone="error">{message}</Alert>}
      </div>
      <div className="sos-dialog__actions">
        <Button size="large" fullWidth loading={pending} loadingLabel="確認中" onClick={confirm}>
          完了
        </Button>
        <Button variant="secondary" size="large" fullWidth disabled={pending} onClick={cancel}>
          キャンセル
        </Button>
      </div>
    </dialog>
  );
}
