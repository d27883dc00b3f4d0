import { type ReviewStage, type SosStatus, sosStatusDetailLabel } from "@sos/domain";
import { type StatusShape, StatusShapeBadge } from "./StatusShapeBadge";

export interface StatusBadgeProps {
  status: SosStatus;
  /**
   * Officers see who holds a reviewing request (都道府県確認中 / 国確認中); institutions
   * see the manual's 都道府県・国確認中, so leave it out for them.
   */
  reviewStage?: ReviewStage | null;
}

const SHAPE_OF: Record<SosStatus, StatusShape> = {
  draft: "dashed",
  error: "warning",
  reviewing: "clock",
  accepted: "done",
  not_eligible: "struck",
  withdrawn: "undo",
};

/** Each status also has its own shape, so it never rests on colour alone. */
export function StatusBadge({ status, reviewStage = null }: StatusBadgeProps) {
  return (
    <StatusShapeBadge status={status} shape={SHAPE_OF[status]} toneClass={`sos-status--${status}`}>
      {sosStatusDetailLabel(status, reviewStage)}
    </StatusShapeBadge>
  );
}
