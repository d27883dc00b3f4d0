import type { SurveyAnswerInput } from "@sos/domain";
import {
  Button,
  ConfirmDialog,
  FIGURE_KEYS,
  FIGURE_LABELS,
  FIGURE_MARKS,
  formatPieces,
} from "@sos/ui";
import { useState } from "react";
import { toDrafts } from "./figure-drafts";
import type { PreviousSurveyAnswer } from "./survey-form";

// 「前週と同じ」 (issue 16 #3): an institution whose figures did not change answers
// in three steps from home (週次調査に回答する → 前週と同じ → confirm), with last
// week's figures in front of it before anything is saved.

export type Feedback = { tone: "success" | "info"; text: string } | null;

function figuresLine(previous: PreviousSurveyAnswer): string {
  return FIGURE_KEYS.map((key) => `${FIGURE_LABELS[key]} ${formatPieces(previous[key])}`).join(
    "、",
  );
}

/** The button, with last week's figures as its description. Inside the survey form. */
export function SameAsLastWeekButton({
  previous,
  savesOnServer,
  copying,
  hintId,
  onOpen,
}: {
  previous: PreviousSurveyAnswer | null;
  savesOnServer: boolean;
  copying: boolean;
  hintId: string;
  onOpen: () => void;
}) {
  return (
    <div className="sos-survey-form__copy">
      <p id={hintId} className="sos-survey-form__copy-hint">
        {previous === null
          ? "前週までの回答がないため「前週と同じ」は使えません。3つの数値を入力してください。"
          : `${previous.title}の回答：${figuresLine(previous)}${
              savesOnServer ? "。確認のあと、この週の回答として保存されます。" : ""
            }`}
      </p>
      <Button
        variant="secondary"
        disabled={previous === null}
        loading={copying}
        loadingLabel="保存中"
        aria-describedby={hintId}
        onClick={onOpen}
      >
        前週と同じ
      </Button>
    </div>
  );
}

/** The confirmation, with the figures listed. Outside the survey form (a dialog holds a form). */
export function SameAsLastWeekDialog({
  open,
  previous,
  savesOnServer,
  replacesTyped,
  onConfirm,
  onCancel,
}: {
  open: boolean;
  previous: PreviousSurveyAnswer | null;
  savesOnServer: boolean;
  /** The boxes hold figures of the user's own, which the copy would replace. */
  replacesTyped: boolean;
  onConfirm: () => Promise<void>;
  onCancel: () => void;
}) {
  if (previous === null) return null;
  return (
    <ConfirmDialog
      open={open}
      title="前週と同じ数値で回答しますか"
      description={
        <p>
          {previous.title}の回答と同じ数値を、
          {savesOnServer
            ? "この週の回答として保存します。"
            : "入力欄に入れます。確認してから「保存」を押してください。"}
          {replacesTyped && "入力中の数値は置き換わります。"}
        </p>
      }
      confirmLabel={savesOnServer ? "前週と同じで回答する" : "入力欄に入れる"}
      pendingLabel="保存中"
      onConfirm={onConfirm}
      onCancel={onCancel}
    >
      <ul className="sos-survey-form__previous" aria-label="前週の回答">
        {FIGURE_KEYS.map((key) => (
          <li key={key}>
            {FIGURE_MARKS[key]} {FIGURE_LABELS[key]}
            <strong>{formatPieces(previous[key])}</strong>
          </li>
        ))}
      </ul>
    </ConfirmDialog>
  );
}

/**
 * What confirming does: fills the boxes for the user to save, or, when the page
 * copies on the server (onCopyPrevious), saves the copy at once.
 */
export function useCopyPrevious({
  previous,
  onCopyPrevious,
  fill,
  onStart,
  onSaved,
  setNotice,
  onFailed,
}: {
  previous: PreviousSurveyAnswer | null;
  onCopyPrevious: (() => Promise<void>) | undefined;
  fill: (values: PreviousSurveyAnswer) => void;
  onStart: () => void;
  onSaved: (saved: SurveyAnswerInput) => void;
  setNotice: (notice: Feedback) => void;
  onFailed: () => void;
}) {
  const [copying, setCopying] = useState(false);
  const copy = async () => {
    if (previous === null) return;
    onStart();
    if (onCopyPrevious === undefined) {
      fill(previous);
      setNotice({
        tone: "info",
        text: "前週の回答を入力しました。内容を確認して「保存」を押してください。",
      });
      return;
    }
    setCopying(true);
    try {
      await onCopyPrevious();
      onSaved(toDrafts(previous));
      setNotice({ tone: "success", text: "前週と同じ数値で回答を保存しました。" });
    } catch {
      onFailed();
    } finally {
      setCopying(false);
    }
  };
  return { copy, copying };
}
