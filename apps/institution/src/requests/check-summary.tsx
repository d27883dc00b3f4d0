import {
  Card,
  FIGURE_KEYS,
  FIGURE_LABELS,
  FIGURE_MARKS,
  formatPieces,
  SelfCheckResult,
} from "@sos/ui";
import { Link } from "react-router";
import type { SosRequestDetail } from "../api-types";
import { surveyPath } from "../paths";

type Check = NonNullable<SosRequestDetail["check"]>;

/** The survey figures the system check judged, as they were when the request was filed. */
export function CheckSummary({ check }: { check: Check }) {
  return (
    <Card title="システムチェックで確認した週次調査">
      <p>
        {check.weekTitle}の回答
        {check.surveyId && (
          <>
            {" "}
            <Link to={surveyPath(check.surveyId)}>週次調査を見る</Link>
          </>
        )}
      </p>
      <dl className="inst-facts">
        {FIGURE_KEYS.map((key) => (
          <div key={key}>
            <dt>
              {FIGURE_MARKS[key]} {FIGURE_LABELS[key]}
            </dt>
            <dd>{formatPieces(check.figures[key])}</dd>
          </div>
        ))}
      </dl>
      <SelfCheckResult
        figures={check.figures}
        assessment={check.assessment}
        variant="compact"
        title="申請時の自己チェック"
        headingLevel={3}
      />
      {check.surveyChangedSinceCheck && check.currentSurveyFigures && (
        <p className="inst-late">
          申請後に週次調査の回答が変更されています（現在の回答：
          {FIGURE_KEYS.map(
            (key) =>
              `${FIGURE_LABELS[key]} ${formatPieces(check.currentSurveyFigures?.[key] ?? 0)}`,
          ).join("、")}
          ）。都道府県・国は申請時の数値で確認します。
        </p>
      )}
    </Card>
  );
}
