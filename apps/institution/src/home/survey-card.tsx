import { Card, formatJaDateTime, formatPieces, formatSets } from "@sos/ui";
import { RouterLinkButton } from "@sos/web";
import type { HomeSummary } from "../api-types";
import { SurveyStatusBadge } from "../common/survey-status-badge";
import { surveyPath } from "../paths";

/** This week's survey: answered or not, and the way to it. */
export function SurveyCard({ summary }: { summary: HomeSummary }) {
  const { survey } = summary;
  const answered = survey.status === "answered";
  return (
    <Card
      title="今週の週次調査"
      actions={
        <RouterLinkButton
          to={surveyPath(survey.id)}
          variant={answered ? "secondary" : "primary"}
          fullWidth
        >
          {answered ? "回答を確認・編集する" : "週次調査に回答する"}
        </RouterLinkButton>
      }
    >
      <div className="inst-status-line">
        <SurveyStatusBadge status={survey.status} />
        <span>{survey.title}</span>
      </div>
      {answered &&
      survey.stock !== null &&
      survey.consumption !== null &&
      survey.purchases !== null ? (
        <>
          <ul className="inst-figures">
            <li>① 在庫量 {formatPieces(survey.stock)}</li>
            <li>② 1週間の想定消費量 {formatPieces(survey.consumption)}</li>
            <li>③ 1週間の購入見込み量 {formatPieces(survey.purchases)}</li>
          </ul>
          {survey.assessment && (
            <p>
              自己チェック：配布対象{" "}
              <strong>{survey.assessment.eligible ? "該当" : "非該当"}</strong>
              {survey.assessment.eligible &&
                `（購入上限数 ${formatSets(survey.assessment.limitSets)}）`}
            </p>
          )}
          {survey.answeredAt && (
            <p className="inst-muted">
              {formatJaDateTime(new Date(survey.answeredAt))}に回答
              {survey.answeredBy && `（${survey.answeredBy.displayName}）`}
            </p>
          )}
        </>
      ) : (
        <p>
          まだ回答していません。在庫量・1週間の想定消費量・1週間の購入見込み量（枚）を回答してください。緊急配布要請には、今週の週次調査への回答が必要です。
        </p>
      )}
    </Card>
  );
}
