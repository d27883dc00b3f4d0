import { SURVEY_STATUS_LABELS, type SurveyStatus } from "@sos/domain";

/** 未回答 / 回答済み, with a shape of its own so it never rests on colour alone. */
export function SurveyStatusBadge({ status }: { status: SurveyStatus }) {
  return (
    <span className={`inst-survey-status inst-survey-status--${status}`} data-status={status}>
      <svg
        className="inst-survey-status__icon"
        viewBox="0 0 16 16"
        aria-hidden="true"
        focusable="false"
      >
        {status === "answered" ? (
          <>
            <circle cx="8" cy="8" r="7" fill="currentColor" />
            <path d="m6.8 11.2-3-3 1.1-1.1 1.9 1.9 4.3-4.3 1.1 1.1z" fill="#fff" />
          </>
        ) : (
          <>
            <circle cx="8" cy="8" r="6" fill="none" stroke="currentColor" strokeWidth="2" />
            <path d="M7.2 4h1.6v5H7.2zM7.2 10.4h1.6V12H7.2z" fill="currentColor" />
          </>
        )}
      </svg>
      {SURVEY_STATUS_LABELS.ja[status]}
    </span>
  );
}
