import { err, ok, type Result } from "./result";

/**
 * The life of an SOS request (緊急配布要請) as an explicit transition table.
 *
 * - draft (申請前): saved, not applied. Saving alone is not a request.
 * - error (エラーあり): applied, the system check failed (no answered weekly
 *   survey, or answers that do not meet the rule).
 * - reviewing (都道府県・国確認中): applied and passed; with the prefecture or
 *   the ministry (see ReviewStage for which).
 * - accepted (受付完了): the ministry approved it. Read-only.
 * - not_eligible (対象外): closed by the prefecture or ministry with a reason.
 * - withdrawn (取下げ): closed by the institution.
 */
export const SOS_STATUSES = [
  "draft",
  "error",
  "reviewing",
  "accepted",
  "not_eligible",
  "withdrawn",
] as const;
export type SosStatus = (typeof SOS_STATUSES)[number];

export const SOS_ACTIONS = [
  "save",
  "apply_passed",
  "apply_failed",
  "withdraw",
  "approve",
  "reject",
  "return_to_prefecture",
  "prefecture_complete",
] as const;
export type SosAction = (typeof SOS_ACTIONS)[number];

/** Who may take each action: the API layer checks the caller's role against this. */
export type SosActor = "institution" | "prefecture" | "ministry" | "system";

export const SOS_ACTION_ACTORS: Readonly<Record<SosAction, readonly SosActor[]>> = {
  save: ["institution"],
  // The result of "システムチェック&申請" is decided by the system check, not chosen by a person.
  apply_passed: ["system"],
  apply_failed: ["system"],
  withdraw: ["institution"],
  approve: ["ministry"],
  reject: ["prefecture", "ministry"],
  return_to_prefecture: ["ministry"],
  prefecture_complete: ["prefecture"],
};

type Table = Readonly<Record<SosStatus, Readonly<Partial<Record<SosAction, SosStatus>>>>>;

const TABLE: Table = {
  draft: {
    save: "draft",
    apply_passed: "reviewing",
    apply_failed: "error",
    withdraw: "withdrawn",
  },
  // An error request stays "error" when edited: the status reports the last
  // system check, and only a new check (apply) can clear it. The institution
  // fixes its survey answers and applies again, so both apply outcomes stay open.
  error: {
    save: "error",
    apply_passed: "reviewing",
    apply_failed: "error",
    withdraw: "withdrawn",
  },
  // The manual lets an institution edit a request until it is accepted, so
  // "save" stays open while reviewing; the review goes on with the edited
  // figures (officers see the change). Re-applying is not offered: the
  // request is already filed. prefecture_complete and return_to_prefecture
  // move the request between the prefecture and ministry stages (ReviewStage)
  // without leaving "reviewing". Only the ministry's approval accepts it;
  // either reviewer can close it as not eligible.
  reviewing: {
    save: "reviewing",
    prefecture_complete: "reviewing",
    return_to_prefecture: "reviewing",
    approve: "accepted",
    reject: "not_eligible",
    withdraw: "withdrawn",
  },
  // Terminal states. Accepted is read-only by the manual (the target list goes
  // to the vendor from it); not_eligible and withdrawn are closed decisions;
  // an institution that still needs gloves files a new request.
  accepted: {},
  not_eligible: {},
  withdrawn: {},
};

export function transition(status: SosStatus, action: SosAction): Result<SosStatus, "not_allowed"> {
  const target = TABLE[status][action];
  return target === undefined ? err("not_allowed") : ok(target);
}

export function allowedActions(status: SosStatus): SosAction[] {
  return SOS_ACTIONS.filter((action) => TABLE[status][action] !== undefined);
}

export function isTerminal(status: SosStatus): boolean {
  return allowedActions(status).length === 0;
}

/** Whether the institution may still edit and save the request. */
export function isEditable(status: SosStatus): boolean {
  return TABLE[status].save !== undefined;
}

/**
 * Whether the request counts as the institution's open request for the week:
 * it has passed the check and has not been closed. Drafts and error requests
 * are not requests yet; not_eligible and withdrawn are closed.
 */
export function isOpen(status: SosStatus): boolean {
  return status === "reviewing" || status === "accepted";
}

/**
 * Which reviewer holds a request while it is "reviewing". It starts with the
 * prefecture; prefecture_complete hands it to the ministry, and the ministry's
 * return_to_prefecture hands it back.
 */
export const REVIEW_STAGES = ["prefecture", "ministry"] as const;
export type ReviewStage = (typeof REVIEW_STAGES)[number];

/** The stage a request enters when it becomes "reviewing". */
export const INITIAL_REVIEW_STAGE: ReviewStage = "prefecture";

const STAGE_TABLE: Readonly<
  Record<ReviewStage, Readonly<Partial<Record<SosAction, ReviewStage | null>>>>
> = {
  // The ministry approves what the prefecture has completed, so approval and
  // return_to_prefecture are not offered while the prefecture still holds it.
  prefecture: {
    save: "prefecture",
    prefecture_complete: "ministry",
    reject: null,
    withdraw: null,
  },
  // A completed prefecture step is not completed again; the ministry returns
  // the request when the prefecture must change something.
  ministry: {
    save: "ministry",
    return_to_prefecture: "prefecture",
    approve: null,
    reject: null,
    withdraw: null,
  },
};

/**
 * The review stage after an action taken on a "reviewing" request: the next
 * stage, `null` when the action ends the review (approve, reject, withdraw),
 * or not_allowed when the action does not fit the stage.
 */
export function reviewTransition(
  stage: ReviewStage,
  action: SosAction,
): Result<ReviewStage | null, "not_allowed"> {
  const target = STAGE_TABLE[stage][action];
  return target === undefined ? err("not_allowed") : ok(target);
}

export function allowedReviewActions(stage: ReviewStage): SosAction[] {
  return SOS_ACTIONS.filter((action) => STAGE_TABLE[stage][action] !== undefined);
}
