import {
  FIGURE_KEYS,
  FIGURE_LABELS,
  FIGURE_MARKS,
  formatPieces,
  Notice,
  SelfCheckResult,
} from "@sos/ui";
import type { ReactNode } from "react";
import { type FigureValues, readFigures, toDrafts } from "./figure-drafts";
import "./survey-form.css";

export interface SurveyAnswerViewProps {
  /** The saved figures; a missing one shows as 未回答. */
  values: FigureValues | null;
  /** Why the answer cannot be edited (e.g. the week is over); shown above the figures. */
  readOnlyReason?: string | null | undefined;
  children?: ReactNode;
}

/** A weekly-survey answer without inputs, with the self-check it gives. */
export function SurveyAnswerView({ values, readOnlyReason, children }: SurveyAnswerViewProps) {
  const { figures } = readFigures(toDrafts(values));
  return (
    <div className="sos-survey-form sos-survey-form--read-only">
      {children}
      {readOnlyReason && (
        <Notice title="この回答は編集できません" headingLevel={2}>
          <p>{readOnlyReason}</p>
        </Notice>
      )}
      <dl className="sos-survey-form__values">
        {FIGURE_KEYS.map((key) => {
          const value = values?.[key];
          return (
            <div key={key}>
              <dt>
                {FIGURE_MARKS[key]} {FIGURE_LABELS[key]}
              </dt>
              <dd>{typeof value === "number" ? formatPieces(value) : value || "未回答"}</dd>
            </div>
          );
        })}
      </dl>
      <SelfCheckResult
        figures={figures}
        variant="compact"
        title="この回答での自己チェック"
        headingLevel={2}
      />
    </div>
  );
}
