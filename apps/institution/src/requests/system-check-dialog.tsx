import { ConfirmDialog, formatJaDate } from "@sos/ui";

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
  /** The survey week the check reads, e.g. 「2026年12月2日（水）17:00締切の週」. */
  weekTitle?: string | undefined;
  /** The Wednesday 17:00 deadline has passed: the request is handled from handleFrom. */
  late?: boolean | undefined;
  /** The business day (YYYY-MM-DD, Tokyo) from which a late request is handled. */
  handleFrom?: string | null | undefined;
  /** A refusal from the server to show in the dialog. */
  error?: string | null | undefined;
}

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
  return (
    <ConfirmDialog
      open={open}
      title="システムチェック&申請"
      description={
        <p>申請の前に、システムが次の内容を確認します。よろしければ「完了」を押してください。</p>
      }
      confirmLabel="完了"
      pendingLabel="確認中"
      onConfirm={onConfirm}
      onCancel={onCancel}
      error={error}
    >
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
    </ConfirmDialog>
  );
}
