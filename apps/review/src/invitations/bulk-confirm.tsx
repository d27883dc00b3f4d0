import { ConfirmDialog, formatNumber } from "@sos/ui";
import type { InvitationProgressValue } from "../api-types";

/** 「約6時間」「約2分」「1分以内」: how long a run takes to mail everyone, at its pace. */
export function runDurationJa(toInvite: number, pace: InvitationProgressValue["pace"]): string {
  const batches = Math.ceil(toInvite / Math.max(pace.batchSize, 1));
  const minutes = Math.round((Math.max(batches - 1, 0) * pace.paceSeconds) / 60);
  if (minutes < 1) return "1分以内";
  const hours = Math.floor(minutes / 60);
  const rest = minutes % 60;
  if (hours === 0) return `約${rest}分`;
  return rest === 0 ? `約${hours}時間` : `約${hours}時間${rest}分`;
}

/**
 * The question before 「一括招待」: how many institutions get a mail and how fast,
 * so that nobody mails 180,000 institutions by a stray click.
 */
export function BulkInviteConfirm({
  open,
  scopeLabel,
  progress,
  error,
  onConfirm,
  onCancel,
}: {
  open: boolean;
  /** 「全国」 or the prefecture's name. */
  scopeLabel: string;
  progress: InvitationProgressValue;
  error: string | null;
  onConfirm: () => Promise<void>;
  onCancel: () => void;
}) {
  const { toInvite, pace } = progress;
  return (
    <ConfirmDialog
      open={open}
      title={`${formatNumber(toInvite)}機関に招待メールを送りますか`}
      description={
        <>
          <p>
            {scopeLabel}
            の医療機関のうち、利用者がおらず有効な招待もない
            <strong>{formatNumber(toInvite)}機関</strong>
            に、登録簿のメールアドレスあてに招待メールを送ります。
          </p>
          <p>
            {formatNumber(pace.batchSize)}通ずつ、{formatNumber(pace.paceSeconds)}
            秒おきに送信します（すべて送り終えるまで{runDurationJa(toInvite, pace)}）。
          </p>
        </>
      }
      confirmLabel="招待メールの送信を始める"
      pendingLabel="一括招待を開始しています"
      error={error}
      onConfirm={onConfirm}
      onCancel={onCancel}
    />
  );
}
