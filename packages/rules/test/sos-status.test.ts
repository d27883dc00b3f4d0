import { describe, expect, it } from "vitest";
import {
  allowedActions,
  allowedReviewActions,
  INITIAL_REVIEW_STAGE,
  isEditable,
  isOpen,
  isTerminal,
  REVIEW_STAGES,
  type ReviewStage,
  reviewTransition,
  SOS_ACTION_ACTORS,
  SOS_ACTIONS,
  SOS_STATUSES,
  type SosAction,
  type SosStatus,
  transition,
} from "../src/index";

// The expected table, written out by hand from the brief and the manual
// rather than derived from the implementation. A dash means "not allowed".
// Columns: save, apply_passed, apply_failed, withdraw, approve, reject,
//          return_to_prefecture, prefecture_complete
const ACTION_COLUMNS = [
  "save",
  "apply_passed",
  "apply_failed",
  "withdraw",
  "approve",
  "reject",
  "return_to_prefecture",
  "prefecture_complete",
] as const;
const _ = "-";
const EXPECTED: Record<string, readonly string[]> = {
  draft: ["draft", "reviewing", "error", "withdrawn", _, _, _, _],
  error: ["error", "reviewing", "error", "withdrawn", _, _, _, _],
  reviewing: ["reviewing", _, _, "withdrawn", "accepted", "not_eligible", "reviewing", "reviewing"],
  accepted: [_, _, _, _, _, _, _, _],
  not_eligible: [_, _, _, _, _, _, _, _],
  withdrawn: [_, _, _, _, _, _, _, _],
};

describe("the vocabulary", () => {
  it("has exactly the six statuses of the shared enums, in order", () => {
    expect(SOS_STATUSES).toEqual([
      "draft",
      "error",
      "reviewing",
      "accepted",
      "not_eligible",
      "withdrawn",
    ]);
  });

  it("has exactly the eight actions", () => {
    expect([...SOS_ACTIONS].sort()).toEqual([...ACTION_COLUMNS].sort());
  });

  it("the expected table covers every status", () => {
    expect(Object.keys(EXPECTED).sort()).toEqual([...SOS_STATUSES].sort());
  });
});

const cases = SOS_STATUSES.flatMap((status) =>
  ACTION_COLUMNS.map((action, i) => {
    const target = EXPECTED[status]?.[i];
    if (target === undefined) throw new Error(`expected table has no cell for ${status}/${action}`);
    return { status, action, target };
  }),
);

describe("transition — every (status, action) pair", () => {
  it("enumerates all 48 pairs", () => {
    expect(cases).toHaveLength(48);
  });

  it.each(cases.filter((c) => c.target !== _))(
    "$status --$action--> $target",
    ({ status, action, target }) => {
      expect(transition(status, action)).toEqual({ ok: true, value: target });
    },
  );

  it.each(cases.filter((c) => c.target === _))(
    "$status --$action--> not_allowed",
    ({ status, action }) => {
      expect(transition(status, action)).toEqual({ ok: false, error: "not_allowed" });
    },
  );
});

describe("allowedActions / isTerminal / isEditable / isOpen", () => {
  it.each(SOS_STATUSES)("allowedActions(%s) lists exactly the allowed cells", (status) => {
    const expected = ACTION_COLUMNS.filter((_a, i) => EXPECTED[status]?.[i] !== _);
    expect([...allowedActions(status)].sort()).toEqual([...expected].sort());
  });

  it.each<[SosStatus, boolean]>([
    ["draft", false],
    ["error", false],
    ["reviewing", false],
    ["accepted", true],
    ["not_eligible", true],
    ["withdrawn", true],
  ])("isTerminal(%s) = %s", (status, terminal) => {
    expect(isTerminal(status)).toBe(terminal);
  });

  it.each<[SosStatus, boolean]>([
    ["draft", true],
    ["error", true],
    ["reviewing", true],
    ["accepted", false],
    ["not_eligible", false],
    ["withdrawn", false],
  ])("isEditable(%s) = %s (accepted is read-only)", (status, editable) => {
    expect(isEditable(status)).toBe(editable);
  });

  it.each<[SosStatus, boolean]>([
    ["draft", false],
    ["error", false],
    ["reviewing", true],
    ["accepted", true],
    ["not_eligible", false],
    ["withdrawn", false],
  ])("isOpen(%s) = %s", (status, open) => {
    expect(isOpen(status)).toBe(open);
  });
});

describe("laws of the table", () => {
  it("only a passed system check enters reviewing from outside it", () => {
    for (const { status, action, target } of cases) {
      if (target === "reviewing" && status !== "reviewing") expect(action).toBe("apply_passed");
    }
  });

  it("only the ministry's approval reaches accepted", () => {
    const into = cases.filter((c) => c.target === "accepted");
    expect(into.map((c) => [c.status, c.action])).toEqual([["reviewing", "approve"]]);
  });

  it("every non-terminal status can be withdrawn by the institution", () => {
    for (const status of SOS_STATUSES.filter((s) => !isTerminal(s))) {
      expect(transition(status, "withdraw")).toEqual({ ok: true, value: "withdrawn" });
    }
  });

  it("saving never changes the status", () => {
    for (const status of SOS_STATUSES) {
      const result = transition(status, "save");
      if (result.ok) expect(result.value).toBe(status);
    }
  });

  it("every status is reachable from draft", () => {
    const reached = new Set<SosStatus>(["draft"]);
    let frontier: SosStatus[] = ["draft"];
    while (frontier.length > 0) {
      const next: SosStatus[] = [];
      for (const status of frontier) {
        for (const action of allowedActions(status)) {
          const result = transition(status, action);
          if (result.ok && !reached.has(result.value)) {
            reached.add(result.value);
            next.push(result.value);
          }
        }
      }
      frontier = next;
    }
    expect([...reached].sort()).toEqual([...SOS_STATUSES].sort());
  });
});

describe("actors", () => {
  it.each<[SosAction, string[]]>([
    ["save", ["institution"]],
    ["apply_passed", ["system"]],
    ["apply_failed", ["system"]],
    ["withdraw", ["institution"]],
    ["approve", ["ministry"]],
    ["reject", ["prefecture", "ministry"]],
    ["return_to_prefecture", ["ministry"]],
    ["prefecture_complete", ["prefecture"]],
  ])("%s is taken by %j", (action, actors) => {
    expect([...SOS_ACTION_ACTORS[action]].sort()).toEqual([...actors].sort());
  });
});

describe("review stage within reviewing", () => {
  // Columns as above; "end" means the review is over (the status leaves reviewing).
  const STAGE_EXPECTED: Record<ReviewStage, readonly string[]> = {
    prefecture: ["prefecture", _, _, "end", _, "end", _, "ministry"],
    ministry: ["ministry", _, _, "end", "end", "end", "prefecture", _],
  };

  it("starts with the prefecture", () => {
    expect(INITIAL_REVIEW_STAGE).toBe("prefecture");
    expect(REVIEW_STAGES).toEqual(["prefecture", "ministry"]);
  });

  const stageCases = REVIEW_STAGES.flatMap((stage) =>
    ACTION_COLUMNS.map((action, i) => ({ stage, action, target: STAGE_EXPECTED[stage][i] })),
  );

  it.each(stageCases)("stage $stage --$action--> $target", ({ stage, action, target }) => {
    const result = reviewTransition(stage, action);
    if (target === _) expect(result).toEqual({ ok: false, error: "not_allowed" });
    else expect(result).toEqual({ ok: true, value: target === "end" ? null : target });
  });

  it("a stage action is also allowed on the status, and ends the review exactly when the status leaves reviewing", () => {
    for (const stage of REVIEW_STAGES) {
      for (const action of allowedReviewActions(stage)) {
        const status = transition("reviewing", action);
        const next = reviewTransition(stage, action);
        expect(status.ok && next.ok).toBe(true);
        if (status.ok && next.ok) expect(next.value === null).toBe(status.value !== "reviewing");
      }
    }
  });

  it("together the stages offer every action the reviewing status allows", () => {
    const union = new Set(REVIEW_STAGES.flatMap((stage) => allowedReviewActions(stage)));
    expect([...union].sort()).toEqual([...allowedActions("reviewing")].sort());
  });

  it("approval needs the prefecture to have completed first", () => {
    let stage: ReviewStage = INITIAL_REVIEW_STAGE;
    expect(reviewTransition(stage, "approve").ok).toBe(false);
    const completed = reviewTransition(stage, "prefecture_complete");
    expect(completed).toEqual({ ok: true, value: "ministry" });
    if (completed.ok && completed.value !== null) stage = completed.value;
    expect(reviewTransition(stage, "approve")).toEqual({ ok: true, value: null });
  });
});
