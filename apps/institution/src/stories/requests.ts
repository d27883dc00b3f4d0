import { SOS_STATUS_LABELS, type SosStatus } from "@sos/domain";
import { assessEligibility, type SurveyFigures } from "@sos/rules";
import type { SosRequestDetail } from "../api-types";
import { COLLEAGUE, INSTITUTION, LATE_HANDLE_FROM, LATE_NOTE, STAFF, THIS_WEEK } from "./fixtures";
import {
  APPLIED,
  APPLIED_AT,
  CREATED,
  CREATED_AT,
  checked,
  entry,
  MINISTRY,
  PREFECTURE,
  US,
} from "./request-history";
import { ELIGIBLE_FIGURES, NOT_ELIGIBLE_FIGURES, THIS_WEEK_SURVEY_ID } from "./surveys";

export const REQUEST_ID = "9f8e7d6c-5b4a-4c3d-8e2f-1a0b9c8d7e01";

const ABILITIES: Readonly<
  Record<SosStatus, Pick<SosRequestDetail, "editable" | "canApply" | "canWithdraw" | "canDelete">>
> = {
  draft: { editable: true, canApply: true, canWithdraw: false, canDelete: true },
  error: { editable: true, canApply: true, canWithdraw: true, canDelete: true },
  reviewing: { editable: true, canApply: false, canWithdraw: true, canDelete: false },
  accepted: { editable: false, canApply: false, canWithdraw: false, canDelete: false },
  not_eligible: { editable: false, canApply: false, canWithdraw: false, canDelete: false },
  withdrawn: { editable: false, canApply: false, canWithdraw: false, canDelete: false },
};

/** A request of the story institution in a status, with what goes with that status. */
function request(
  status: SosStatus,
  fields: Partial<SosRequestDetail> & Pick<SosRequestDetail, "history">,
): SosRequestDetail {
  return {
    id: REQUEST_ID,
    status,
    statusLabel: SOS_STATUS_LABELS.ja[status],
    reviewStage: null,
    weekStart: THIS_WEEK.weekStart,
    weekTitle: THIS_WEEK.title,
    appliedAt: null,
    late: false,
    handleFrom: null,
    lateNote: null,
    contactName: "山田 花子",
    createdAt: CREATED_AT,
    updatedAt: CREATED_AT,
    version: 1,
    viewedAt: null,
    contactPhone: "0426451111",
    notes: "",
    conditionsConfirmed: true,
    surveyId: null,
    closedReason: null,
    errorReasons: [],
    deadline: THIS_WEEK.deadline,
    createdBy: STAFF,
    institution: INSTITUTION,
    check: null,
    decision: null,
    ...ABILITIES[status],
    ...fields,
  };
}

/** What the system check read, as the request page shows it. */
export function checkOf(figures: SurveyFigures, current: SurveyFigures = figures) {
  return {
    surveyId: THIS_WEEK_SURVEY_ID,
    weekStart: THIS_WEEK.weekStart,
    weekTitle: THIS_WEEK.title,
    figures,
    assessment: assessEligibility(figures),
    source: "snapshot" as const,
    currentSurveyFigures: current,
    surveyChangedSinceCheck: JSON.stringify(current) !== JSON.stringify(figures),
  };
}

/** Saved with 「保存」, not yet filed. */
export const DRAFT_REQUEST = request("draft", { history: [CREATED] });

export const NOT_ELIGIBLE_REASON_MESSAGE =
  "週次調査の回答が緊急配布の条件を満たしていません。在庫量 3,000枚 が（1週間の想定消費量 1,000枚 − 1週間の購入見込み量 400枚）× 4 ＝ 2,400枚 を下回っていません。回答内容が正しいか確認してください。";
export const UNANSWERED_REASON_MESSAGE = `今週（${THIS_WEEK.title}）の週次調査に回答していません。週次調査に回答してから、もう一度「システムチェック&申請」を行ってください。`;
export const OPEN_REQUEST_REASON_MESSAGE =
  "同じ週に申請中の要請があります。都道府県・国確認中または受付完了の要請は、1週につき1件までです。";

export const NOT_ELIGIBLE_REASON = {
  code: "survey_not_eligible" as const,
  message: NOT_ELIGIBLE_REASON_MESSAGE,
  surveyId: THIS_WEEK_SURVEY_ID,
};
export const OPEN_REQUEST_REASON = {
  code: "open_request_exists" as const,
  message: OPEN_REQUEST_REASON_MESSAGE,
  surveyId: null,
};

/** Filed with figures that do not meet the rule, and another open request the same week. */
export const ERROR_REQUEST = request("error", {
  appliedAt: APPLIED_AT,
  updatedAt: APPLIED_AT,
  version: 2,
  surveyId: THIS_WEEK_SURVEY_ID,
  errorReasons: [NOT_ELIGIBLE_REASON, OPEN_REQUEST_REASON],
  check: checkOf(NOT_ELIGIBLE_FIGURES),
  history: [
    CREATED,
    entry(
      2,
      APPLIED_AT,
      "apply_failed",
      "システムチェック&申請（エラーあり）",
      US,
      "draft",
      "error",
      checked(NOT_ELIGIBLE_FIGURES, {
        errorReasons: ["survey_not_eligible", "open_request_exists"],
      }),
    ),
  ],
});

/** Filed in time and with the prefecture. */
export const REVIEWING_REQUEST = request("reviewing", {
  reviewStage: "prefecture",
  appliedAt: APPLIED_AT,
  updatedAt: APPLIED_AT,
  version: 2,
  surveyId: THIS_WEEK_SURVEY_ID,
  handleFrom: "2026-11-19",
  check: checkOf(ELIGIBLE_FIGURES),
  history: [CREATED, APPLIED],
});

/** Filed on Wednesday at 17:40, after the deadline: handled from Thursday. */
export const LATE_REVIEWING_REQUEST: SosRequestDetail = {
  ...REVIEWING_REQUEST,
  appliedAt: "2026-11-25T08:40:00.000Z",
  updatedAt: "2026-11-25T08:40:00.000Z",
  late: true,
  handleFrom: LATE_HANDLE_FROM,
  lateNote: LATE_NOTE,
  history: [
    CREATED,
    {
      ...APPLIED,
      at: "2026-11-25T08:40:00.000Z",
      changes: checked(ELIGIBLE_FIGURES, { late: true, handleFrom: LATE_HANDLE_FROM }),
    },
  ],
};

const APPROVED_AT = "2026-11-24T01:30:00.000Z";

/** Approved by the ministry for the 2 sets the self-check gave. */
export const ACCEPTED_REQUEST = request("accepted", {
  appliedAt: APPLIED_AT,
  updatedAt: APPROVED_AT,
  version: 4,
  surveyId: THIS_WEEK_SURVEY_ID,
  handleFrom: "2026-11-19",
  check: checkOf(ELIGIBLE_FIGURES),
  decision: {
    kind: "quantity",
    source: "ministry",
    final: true,
    quantitySets: 2,
    purchaseLimitPieces: 2000,
    computedLimitSets: 2,
    decidedAt: APPROVED_AT,
  },
  history: [
    CREATED,
    APPLIED,
    entry(
      3,
      "2026-11-20T06:15:00.000Z",
      "prefecture_complete",
      "都道府県確認完了",
      PREFECTURE,
      "reviewing",
      "reviewing",
      {
        quantitySets: 2,
      },
    ),
    entry(4, APPROVED_AT, "approve", "国の承認（受付完了）", MINISTRY, "reviewing", "accepted", {
      quantitySets: 2,
    }),
  ],
});

export const NOT_ELIGIBLE_DECISION_REASON =
  "11月20日に電話で確認したところ、系列の八王子みなみ病院から12月分の在庫の融通を受けられるとのことでした。今回は対象外とします。";

/** Closed by the prefecture after a phone call. */
export const NOT_ELIGIBLE_REQUEST = request("not_eligible", {
  appliedAt: APPLIED_AT,
  updatedAt: "2026-11-20T07:00:00.000Z",
  version: 3,
  surveyId: THIS_WEEK_SURVEY_ID,
  handleFrom: "2026-11-19",
  closedReason: NOT_ELIGIBLE_DECISION_REASON,
  check: checkOf(ELIGIBLE_FIGURES),
  decision: { kind: "not_eligible", reason: NOT_ELIGIBLE_DECISION_REASON },
  history: [
    CREATED,
    APPLIED,
    entry(
      3,
      "2026-11-20T07:00:00.000Z",
      "reject",
      "対象外",
      PREFECTURE,
      "reviewing",
      "not_eligible",
      {
        notEligibleReason: NOT_ELIGIBLE_DECISION_REASON,
      },
    ),
  ],
});

/** Taken back by a colleague once the hospital found stock elsewhere. */
export const WITHDRAWN_REQUEST = request("withdrawn", {
  appliedAt: APPLIED_AT,
  updatedAt: "2026-11-20T02:00:00.000Z",
  version: 3,
  surveyId: THIS_WEEK_SURVEY_ID,
  handleFrom: "2026-11-19",
  check: checkOf(ELIGIBLE_FIGURES),
  notes: "卸業者から入荷の連絡があったため取り下げます。",
  history: [
    CREATED,
    APPLIED,
    entry(
      3,
      "2026-11-20T02:00:00.000Z",
      "withdraw",
      "取下げ",
      { actor: COLLEAGUE, role: "institution" },
      "reviewing",
      "withdrawn",
    ),
  ],
});
