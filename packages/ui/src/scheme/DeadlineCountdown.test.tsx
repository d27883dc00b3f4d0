import { act } from "react";
import { createRoot, type Root } from "react-dom/client";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { DeadlineCountdown, msUntilNextChange } from "./DeadlineCountdown";

// React's act() warns unless the environment says it is a test.
(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

const DEADLINE = "2026-12-02T08:00:00.000Z";

describe("msUntilNextChange", () => {
  const deadline = Date.UTC(2026, 11, 2, 8);
  it("wakes when the rounded-up minutes left drop", () => {
    expect(msUntilNextChange(deadline, deadline - 90_000)).toBe(30_000);
    expect(msUntilNextChange(deadline, deadline - 60_000)).toBe(60_000);
    expect(msUntilNextChange(deadline, deadline - 1)).toBe(1);
  });

  it("tips over just after the deadline, then ticks by the minute", () => {
    expect(msUntilNextChange(deadline, deadline)).toBe(1);
    expect(msUntilNextChange(deadline, deadline + 1)).toBe(59_999);
  });
});

describe("DeadlineCountdown's own clock", () => {
  let container: HTMLDivElement;
  let root: Root;

  beforeEach(() => {
    vi.useFakeTimers({ toFake: ["Date", "setTimeout", "clearTimeout"] });
    container = document.createElement("div");
    document.body.append(container);
    root = createRoot(container);
  });

  afterEach(() => {
    act(() => root.unmount());
    container.remove();
    vi.useRealTimers();
  });

  it("moves on at each minute and turns overdue at the deadline", () => {
    // 16:58:30 Tokyo: 1 minute 30 seconds left, shown as 2 minutes.
    vi.setSystemTime(new Date("2026-12-02T07:58:30.000Z"));
    act(() => root.render(<DeadlineCountdown deadline={DEADLINE} handleFrom="2026-12-03" />));
    expect(container.textContent).toContain("あと 2分");

    act(() => vi.advanceTimersByTime(30_000));
    expect(container.textContent).toContain("あと 1分");

    act(() => vi.advanceTimersByTime(59_999));
    expect(container.textContent).toContain("あと 1分");
    // The moment 17:00 has passed, the countdown gives way: no minute of 「あと 0分」.
    act(() => vi.advanceTimersByTime(2));
    expect(container.textContent).toContain(
      "締切を過ぎています（翌営業日 12月3日（木）以降の対応）",
    );
  });

  it("stays still when live is off", () => {
    vi.setSystemTime(new Date("2026-12-02T07:58:30.000Z"));
    act(() => root.render(<DeadlineCountdown deadline={DEADLINE} live={false} />));
    act(() => vi.advanceTimersByTime(5 * 60_000));
    expect(container.textContent).toContain("あと 2分");
  });

  it("shows the given time and runs no timer", () => {
    act(() =>
      root.render(<DeadlineCountdown deadline={DEADLINE} now="2026-11-25T09:35:00.000Z" />),
    );
    expect(container.textContent).toContain("締切（水曜17:00）まで あと 6日 22時間 25分");
    expect(vi.getTimerCount()).toBe(0);
  });
});
