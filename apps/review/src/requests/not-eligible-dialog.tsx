import { formatJaDate, toInstant, tokyoClock } from "@sos/ui";
import { REASON_MAX_LENGTH } from "../common/messages";
import { ReasonDialog } from "../common/reason-dialog";

export interface NotEligibleDialogProps {
  open: boolean;
  /** Named in the title, so the officer sees whose request is being closed. */
  institutionName?: string | undefined;
  /**
   * From when the institution is emailed: 00:00 on the Friday of the request week
   * (review.get notEligibleNoticeFrom). Without it the Friday is described in words.
   */
  noticeFrom?: Date | string | null | undefined;
  /** Called with the reason; resolve once the request is closed. */
  onConfirm: (reason: string) => Promise<void> | void;
  onCancel: () => void;
  error?: string | null | undefined;
}

/**
 * 「対象外とする」: the request ends as not eligible, with a reason that is written in
 * the email to the institution, which is not sent before the Friday of the request
 * week (the manual: 要請した週の金曜以降に個別に連絡).
 */
export function NotEligibleDialog({
  open,
  institutionName,
  noticeFrom,
  onConfirm,
  onCancel,
  error,
}: NotEligibleDialogProps) {
  const friday =
    noticeFrom === null || noticeFrom === undefined
      ? "要請した週の金曜日"
      : formatJaDate(tokyoClock(toInstant(noticeFrom)).ymd);
  return (
    <ReasonDialog
      open={open}
      title={
        institutionName
          ? `「${institutionName}」の要請を対象外とします`
          : "この要請を対象外とします"
      }
      description={
        <>
          <p>
            対象外とすると、この要請は終了し（ステータス「対象外」）、変更できなくなります。販売業者からの購入用メールは届きません。
          </p>
          <p>
            <strong>医療機関には、{friday}以降に、理由を記載したメールで連絡します。</strong>
          </p>
        </>
      }
      reasonLabel="対象外とする理由"
      reasonHint="医療機関へのメールに、このとおり記載されます。"
      maxLength={REASON_MAX_LENGTH}
      confirmLabel="対象外とする"
      confirmVariant="danger"
      pendingLabel="処理中"
      onConfirm={onConfirm}
      onCancel={onCancel}
      error={error}
    />
  );
}
