import type { RunProgress } from "../api-types";

const SKIPPED_LABELS = {
  not_registered: "購入サイトに未登録",
  mismatched: "登録内容が国のリストと一致しない（確認のうえ個別に送信してください）",
  already_sent: "送信済みで有効なリンクがある",
  ordered: "購入済み",
  error: "送信中にエラーが発生した（再度送信してください）",
} as const;

type SkipReason = keyof typeof SKIPPED_LABELS;

/** A send run's progress as vendorPortal.sendProgress reports it. */
export function runProgress(
  fields: Pick<RunProgress, "runId" | "batchId" | "total" | "done" | "sent" | "failed"> &
    Partial<Pick<RunProgress, "resend" | "allowMismatched">> & {
      skipped?: Partial<Record<SkipReason, number>>;
    },
): RunProgress {
  const skippedByReason = Object.entries(fields.skipped ?? {}).map(([reason, count]) => ({
    reason: reason as SkipReason,
    label: SKIPPED_LABELS[reason as SkipReason],
    count,
  }));
  const finished = fields.done === fields.total;
  return {
    runId: fields.runId,
    batchId: fields.batchId,
    resend: fields.resend ?? false,
    allowMismatched: fields.allowMismatched ?? false,
    total: fields.total,
    done: fields.done,
    sent: fields.sent,
    skipped: skippedByReason.reduce((sum, reason) => sum + reason.count, 0),
    failed: fields.failed,
    finished,
    startedAt: "2026-12-14T01:00:00.000Z",
    finishedAt: finished ? "2026-12-14T01:04:00.000Z" : null,
    skippedByReason,
  };
}
