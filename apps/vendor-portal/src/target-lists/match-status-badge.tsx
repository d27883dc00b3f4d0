import { MATCH_STATUS_LABELS, type MatchStatus } from "@sos/domain";
import { type StatusShape, StatusShapeBadge } from "@sos/ui";
import "./match.css";

export interface MatchStatusBadgeProps {
  status: MatchStatus;
  /** The number of differing details, said after 登録内容不一致 (e.g. 「2項目」). */
  differenceCount?: number | undefined;
}

const SHAPE_OF: Record<MatchStatus, StatusShape> = {
  matched: "done",
  not_registered: "dashed",
  mismatched: "warning",
  needs_check: "diamond",
};

/** 照合済み / 未登録 / 登録内容不一致 / 要確認, each with its own shape as well as colour. */
export function MatchStatusBadge({ status, differenceCount }: MatchStatusBadgeProps) {
  const count =
    status === "mismatched" && differenceCount !== undefined && differenceCount > 0
      ? `（${differenceCount}項目）`
      : "";
  return (
    <StatusShapeBadge
      status={status}
      shape={SHAPE_OF[status]}
      toneClass={`sos-match-status--${status}`}
    >
      {MATCH_STATUS_LABELS[status]}
      {count}
    </StatusShapeBadge>
  );
}
