import { describe, expect, it } from "vitest";
import {
  isActionableFor,
  neighbours,
  pickNext,
  type QueueCandidate,
  type QueueContext,
  queueContextOf,
} from "../src/queue/queue-context";

function row(id: string, reviewStage: "prefecture" | "ministry" | null = "prefecture") {
  return {
    id,
    status: reviewStage === null ? "accepted" : "reviewing",
    reviewStage,
  } satisfies QueueCandidate;
}

const context: QueueContext = { search: "?page=2", page: 2, ids: ["a", "b", "c", "d"], done: [] };

describe("the next request after a decision", () => {
  it("is the next one below that still waits for the officer's role", () => {
    // b was just completed and has left the page; c went to the ministry meanwhile.
    const fresh = [row("a"), row("c", "ministry"), row("d"), row("e")];
    expect(pickNext(fresh, context, "b", "prefecture")).toBe("d");
  });

  it("does not go back to requests passed over above, nor to those already decided", () => {
    const fresh = [row("a"), row("b"), row("c"), row("d")];
    expect(pickNext(fresh, { ...context, done: ["d"] }, "c", "prefecture")).toBeNull();
  });

  it("takes a row that moved up from the next page", () => {
    const fresh = [row("a"), row("b"), row("c"), row("e")];
    expect(pickNext(fresh, context, "d", "prefecture")).toBe("e");
  });

  it("for the ministry, is the next one with the ministry", () => {
    const fresh = [row("b", "ministry"), row("c"), row("d", "ministry")];
    expect(pickNext(fresh, context, "b", "ministry")).toBe("d");
  });

  it("starts at the top when the request was not on the page (opened by its address)", () => {
    const fresh = [row("a"), row("b")];
    expect(pickNext(fresh, context, "z", "prefecture")).toBe("a");
  });
});

describe("isActionableFor", () => {
  it("is the prefecture's stage for an officer and the ministry's for the ministry", () => {
    expect(isActionableFor("prefecture", row("a"))).toBe(true);
    expect(isActionableFor("prefecture", row("a", "ministry"))).toBe(false);
    expect(isActionableFor("ministry", row("a", "ministry"))).toBe(true);
    expect(isActionableFor("ministry", row("a", null))).toBe(false);
  });
});

describe("the context kept in the history entry", () => {
  it("is read back as written", () => {
    expect(queueContextOf({ reviewQueue: context })).toEqual(context);
  });

  it("is ignored when it is not the app's own", () => {
    for (const state of [
      null,
      "x",
      { reviewQueue: null },
      { reviewQueue: { ...context, search: "page=2" } },
      { reviewQueue: { ...context, page: 0 } },
      { reviewQueue: { ...context, ids: [1, 2] } },
      { reviewQueue: { search: "", page: 1, ids: [] } },
    ]) {
      expect(queueContextOf(state)).toBeNull();
    }
  });

  it("names the requests before and after on the page", () => {
    expect(neighbours(context, "a")).toEqual({ previous: null, next: "b" });
    expect(neighbours(context, "c")).toEqual({ previous: "b", next: "d" });
    expect(neighbours(context, "z")).toEqual({ previous: null, next: null });
  });
});
