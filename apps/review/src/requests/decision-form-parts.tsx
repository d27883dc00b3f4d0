import { Alert, ErrorSummary, type FieldErrorItem } from "@sos/ui";
import type { ReactNode } from "react";
import { ConflictAlert } from "./conflict-alert";
import { NotEligibleDialog } from "./not-eligible-dialog";
import { PrefectureInputFacts, type PrefectureInputShown } from "./prefecture-input-facts";
import "../common/review-parts.css";

/** What the prefecture's and the ministry's decision forms both take. */
export interface DecisionFormProps {
  /** 購入上限数 the rules computed (sets). */
  limitSets: number;
  /** The request's version; a change (reload) resets the form to the stored values. */
  version?: number | undefined;
  institutionName?: string | undefined;
  /** 「対象外とする」 with its reason (review.markNotEligible); not offered without it. */
  onMarkNotEligible?: ((reason: string) => Promise<void>) | undefined;
  /** 00:00 on the Friday of the request week, from when the institution is emailed. */
  notEligibleNoticeFrom?: Date | string | null | undefined;
  /** Another officer saved first (version check): say so and offer a reload. */
  conflict?: boolean | undefined;
  onReload?: (() => void) | undefined;
  serverError?: string | null | undefined;
  /** A refusal of 「対象外とする」, shown in its dialog. */
  notEligibleError?: string | null | undefined;
  /** Shows the input without controls and says why (国確認中, 受付完了 …). */
  readOnlyReason?: string | null | undefined;
}

/** A decision that can no longer be taken here: why, and what the prefecture entered. */
export function DecisionReadOnly({
  label,
  reason,
  heading,
  input,
  limitSets,
}: {
  /** The section's accessible name (the form's, when it is editable). */
  label: string;
  reason: ReactNode;
  heading?: string | undefined;
  input: PrefectureInputShown | null;
  limitSets: number;
}) {
  return (
    <section className="sos-review-form" aria-label={label}>
      <Alert tone="info">{reason}</Alert>
      {heading !== undefined && <h3 className="sos-review-form__section-title">{heading}</h3>}
      <PrefectureInputFacts input={input} limitSets={limitSets} />
    </section>
  );
}

/**
 * The top of a decision form: a conflict, a refusal, what was saved (children),
 * then the summary of the fields' errors, which takes the focus on each submit.
 */
export function DecisionFormAlerts({
  conflict,
  onReload,
  error,
  summary,
  focusKey,
  children,
}: {
  conflict: boolean;
  onReload: (() => void) | undefined;
  error: string | null | undefined;
  summary: FieldErrorItem[];
  focusKey: number;
  children?: ReactNode;
}) {
  return (
    <>
      {conflict && <ConflictAlert onReload={onReload} />}
      {error && <Alert tone="error">{error}</Alert>}
      {children}
      <ErrorSummary errors={summary} focusKey={focusKey} />
    </>
  );
}

/** 「対象外とする」's dialog; it closes once the request is closed, and stays open on a refusal. */
export function NotEligibleStep({
  open,
  onClose,
  onMarkNotEligible,
  institutionName,
  noticeFrom,
  error,
}: {
  open: boolean;
  onClose: () => void;
  onMarkNotEligible: (reason: string) => Promise<void>;
  institutionName: string | undefined;
  noticeFrom: Date | string | null | undefined;
  error: string | null | undefined;
}) {
  return (
    <NotEligibleDialog
      open={open}
      institutionName={institutionName}
      noticeFrom={noticeFrom}
      error={error}
      onCancel={onClose}
      onConfirm={async (reason) => {
        await onMarkNotEligible(reason);
        onClose();
      }}
    />
  );
}
