import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  INITIAL_REVIEW_STAGE,
  type ReviewStage,
  reviewTransition,
  SOS_ACTION_ACTORS,
  SOS_ACTIONS,
  type SosAction,
  type SosActor,
  type SosStatus,
  transition,
} from "../src/index";

/** A request as the two tables describe it: the status, and who holds it while reviewing. */
interface State {
  status: SosStatus;
  stage: ReviewStage | null;
}

interface Event {
  action: SosAction;
  actor: SosActor;
}

/**
 * One event applied the way the API applies it: the actor must be one allowed to
 * take the action, the status table must allow it, and while reviewing the stage
 * table too. Refused events leave the state as it was.
 */
function step(state: State, { action, actor }: Event): State {
  if (!SOS_ACTION_ACTORS[action].includes(actor)) return state;
  const next = transition(state.status, action);
  if (!next.ok) return state;
  if (state.status !== "reviewing") {
    return { status: next.value, stage: next.value === "reviewing" ? INITIAL_REVIEW_STAGE : null };
  }
  const stage = reviewTransition(state.stage ?? INITIAL_REVIEW_STAGE, action);
  if (!stage.ok) return state;
  return { status: next.value, stage: next.value === "reviewing" ? stage.value : null };
}

const ACTORS: readonly SosActor[] = ["institution", "prefecture", "ministry", "system"];
const event = fc.record({
  action: fc.constantFrom(...SOS_ACTIONS),
  actor: fc.constantFrom(...ACTORS),
});

/** Runs of events biased toward the path to acceptance, so deep states are reached often. */
const HAPPY: readonly Event[] = [
  { action: "apply_passed", actor: "system" },
  { action: "prefecture_complete", actor: "prefecture" },
  { action: "approve", actor: "ministry" },
];
const events = fc.array(fc.oneof(event, fc.constantFrom(...HAPPY)), {
  maxLength: 30,
});

function run(sequence: readonly Event[]) {
  const trail: Array<{ from: State; event: Event; to: State }> = [];
  let state: State = { status: "draft", stage: null };
  for (const e of sequence) {
    const to = step(state, e);
    trail.push({ from: state, event: e, to });
    state = to;
  }
  return trail;
}

const key = ({ status, stage }: State) => (stage === null ? status : `${status}/${stage}`);

// Every change of state the scheme allows, written out from the manual rather
// than derived from the tables: [from, action, to].
const ALLOWED_EDGES = new Set(
  [
    ["draft", "apply_passed", "reviewing/prefecture"],
    ["draft", "apply_failed", "error"],
    ["draft", "withdraw", "withdrawn"],
    ["error", "apply_passed", "reviewing/prefecture"],
    ["error", "withdraw", "withdrawn"],
    ["reviewing/prefecture", "prefecture_complete", "reviewing/ministry"],
    ["reviewing/prefecture", "reject", "not_eligible"],
    ["reviewing/prefecture", "withdraw", "withdrawn"],
    ["reviewing/ministry", "return_to_prefecture", "reviewing/prefecture"],
    ["reviewing/ministry", "approve", "accepted"],
    ["reviewing/ministry", "reject", "not_eligible"],
    ["reviewing/ministry", "withdraw", "withdrawn"],
  ].map((edge) => edge.join(" ")),
);

describe("random event sequences over the status and stage tables", () => {
  it("change state only along the scheme's edges, each taken by an actor allowed to", () => {
    fc.assert(
      fc.property(events, (sequence) => {
        for (const { from, event: e, to } of run(sequence)) {
          if (key(from) === key(to)) continue;
          expect(ALLOWED_EDGES).toContain(`${key(from)} ${e.action} ${key(to)}`);
          expect(SOS_ACTION_ACTORS[e.action]).toContain(e.actor);
        }
      }),
      { numRuns: 2000 },
    );
  });

  it("reach accepted only through a passed check, the prefecture's completion and the ministry's approval, in that order", () => {
    let accepted = 0;
    fc.assert(
      fc.property(events, (sequence) => {
        const trail = run(sequence);
        const entered = trail.findIndex((t) => t.to.status === "accepted");
        if (entered === -1) return;
        accepted += 1;
        const taken = trail.slice(0, entered + 1).filter((t) => key(t.from) !== key(t.to));
        const last = taken.at(-1);
        expect(last?.event).toEqual({ action: "approve", actor: "ministry" });
        expect(last?.from).toEqual({ status: "reviewing", stage: "ministry" });
        // The request entered review through a passed check, and the prefecture's last
        // completion came after the ministry's last return.
        const actions = taken.map((t) => t.event.action);
        const intoReview = taken.filter(
          (t) => t.from.status !== "reviewing" && t.to.status === "reviewing",
        );
        expect(intoReview.map((t) => t.event.action)).toEqual(["apply_passed"]);
        expect(actions.lastIndexOf("prefecture_complete")).toBeGreaterThan(
          actions.lastIndexOf("return_to_prefecture"),
        );
      }),
      { numRuns: 2000 },
    );
    // The property says something only if sequences do reach acceptance.
    expect(accepted).toBeGreaterThan(50);
  });

  it("never leave accepted, not_eligible or withdrawn", () => {
    fc.assert(
      fc.property(events, (sequence) => {
        const trail = run(sequence);
        const closed = trail.findIndex((t) =>
          ["accepted", "not_eligible", "withdrawn"].includes(t.to.status),
        );
        if (closed === -1) return;
        const final = trail[closed]?.to;
        for (const t of trail.slice(closed)) expect(t.to).toEqual(final);
      }),
      { numRuns: 2000 },
    );
  });
});
