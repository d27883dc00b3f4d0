import { DISTRIBUTION_CONDITION } from "@sos/domain";
import { assessEligibility, type SurveyFigures } from "@sos/rules";
import {
  announcementText,
  FIGURE_KEYS,
  FIGURE_LABELS,
  FIGURE_MARKS,
  type FigureKey,
  LiveAnnouncement,
  NumberField,
  SelfCheckResult,
} from "@sos/ui";
import { type ReactNode, useEffect, useId, useMemo, useRef, useState } from "react";
import {
  type FigureDrafts,
  type FigureValues,
  readFigures,
  toDrafts,
} from "../surveys/figure-drafts";
import "./self-check-panel.css";

export interface SelfCheckPanelProps {
  /**
   * Figures to start from, e.g. this week's survey answers when signed in. Taken
   * until the user types: figures that arrive later (a query resolving) still fill
   * the boxes, but never overwrite what the user has typed.
   */
  initialValues?: FigureValues | null | undefined;
  /** Says where prefilled figures come from, e.g. 「今週の週次調査の回答を表示しています。」 */
  prefillNote?: ReactNode;
  /** Called with the figures whenever the assessment input changes (null while incomplete). */
  onFiguresChange?: ((figures: SurveyFigures | null) => void) | undefined;
  title?: ReactNode;
  headingLevel?: 2 | 3 | undefined;
}

/** What each figure means, in the words of the manual's rule. */
export const FIGURE_HINTS: Readonly<Record<FigureKey, string>> = {
  stock: "いま手元にある医療用手袋の枚数",
  consumption: "今後1週間あたりに使う見込みの枚数",
  purchases: "今後1週間に購入できる見込みの枚数",
};

/**
 * The self-check sheet (緊急配布の要否の判断に関する自己チェックシート): three
 * boxes judged live as they are typed, with no button to press. Full-width digits
 * and commas are read as the survey reads them.
 */
export function SelfCheckPanel({
  initialValues,
  prefillNote,
  onFiguresChange,
  title = "自己チェックシート",
  headingLevel = 2,
}: SelfCheckPanelProps) {
  const headingId = useId();
  const Heading = `h${headingLevel}` as const;
  const [drafts, setDrafts] = useState<FigureDrafts>(() => toDrafts(initialValues));
  const typed = useRef(false);

  const initialKey = JSON.stringify(toDrafts(initialValues));
  useEffect(() => {
    if (!typed.current) setDrafts(JSON.parse(initialKey) as FigureDrafts);
  }, [initialKey]);

  const { figures, errors } = useMemo(() => readFigures(drafts), [drafts]);
  const assessment = figures === null ? null : assessEligibility(figures);

  const figuresKey = JSON.stringify(figures);
  const onChangeRef = useRef(onFiguresChange);
  onChangeRef.current = onFiguresChange;
  useEffect(() => {
    onChangeRef.current?.(JSON.parse(figuresKey) as SurveyFigures | null);
  }, [figuresKey]);

  return (
    <section className="sos-self-check" aria-labelledby={headingId}>
      <Heading id={headingId} className="sos-self-check__title">
        {title}
      </Heading>
      <p>
        本シートでは、貴医療機関が緊急配布要請の対象施設に該当するか、該当する場合は購入上限数を事前に確認できます。
      </p>
      <div className="sos-self-check__condition">
        <p className="sos-self-check__condition-label">配布「要」となる条件</p>
        <p className="sos-self-check__condition-rule">{DISTRIBUTION_CONDITION}</p>
      </div>
      {prefillNote !== undefined && <div className="sos-self-check__prefill">{prefillNote}</div>}
      <fieldset className="sos-self-check__fields">
        <legend className="sos-self-check__legend">
          ①在庫量、②1週間の想定消費量、③1週間の購入見込み量をそれぞれ入力してください
        </legend>
        <p className="sos-self-check__input-hint">
          枚数で入力します。全角の数字やカンマ（例：２，０００）でも入力できます。
        </p>
        {FIGURE_KEYS.map((key) => (
          <NumberField
            key={key}
            label={`${FIGURE_MARKS[key]} ${FIGURE_LABELS[key]}`}
            hint={FIGURE_HINTS[key]}
            name={key}
            value={drafts[key]}
            error={errors[key]}
            enterKeyHint={key === "purchases" ? "done" : "next"}
            onChange={(event) => {
              typed.current = true;
              const value = event.currentTarget.value;
              setDrafts((current) => ({ ...current, [key]: value }));
            }}
          />
        ))}
      </fieldset>
      <p className="sos-self-check__auto" aria-hidden="true">
        ↓ ①〜③を入力すると自動判定されます
      </p>
      <SelfCheckResult
        figures={figures}
        assessment={assessment}
        headingLevel={(headingLevel + 1) as 3 | 4}
      />
      <LiveAnnouncement message={announcementText(assessment)} />
    </section>
  );
}
