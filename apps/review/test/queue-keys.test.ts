import { describe, expect, it } from "vitest";
import { movedIndex, type QueueKeyEvent, queueKeyAction } from "../src/queue/queue-keys";
import { pageWindow } from "../src/queue/review-queue-pagination";

const key = (k: string, modifiers: Partial<QueueKeyEvent> = {}): QueueKeyEvent => ({
  key: k,
  altKey: false,
  ctrlKey: false,
  metaKey: false,
  shiftKey: false,
  ...modifiers,
});

describe("queueKeyAction", () => {
  it("maps the queue's keys", () => {
    expect(queueKeyAction(key("j"))).toBe("next");
    expect(queueKeyAction(key("ArrowDown"))).toBe("next");
    expect(queueKeyAction(key("k"))).toBe("previous");
    expect(queueKeyAction(key("ArrowUp"))).toBe("previous");
    expect(queueKeyAction(key("Home"))).toBe("first");
    expect(queueKeyAction(key("End"))).toBe("last");
    expect(queueKeyAction(key("Enter"))).toBe("open");
    expect(queueKeyAction(key("x"))).toBe("toggle");
    expect(queueKeyAction(key("n"))).toBe("nextPage");
    expect(queueKeyAction(key("p"))).toBe("previousPage");
    expect(queueKeyAction(key("a"))).toBeNull();
  });

  it("leaves modified keys and IME composition to the browser", () => {
    expect(queueKeyAction(key("j", { ctrlKey: true }))).toBeNull();
    expect(queueKeyAction(key("x", { metaKey: true }))).toBeNull();
    expect(queueKeyAction(key("n", { altKey: true }))).toBeNull();
    expect(queueKeyAction(key("J", { shiftKey: true }))).toBeNull();
    expect(queueKeyAction(key("Enter", { shiftKey: true }))).toBeNull();
    expect(queueKeyAction(key("j", { isComposing: true }))).toBeNull();
  });
});

describe("movedIndex", () => {
  it("moves within the list without wrapping", () => {
    expect(movedIndex("next", 0, 3)).toBe(1);
    expect(movedIndex("next", 2, 3)).toBe(2);
    expect(movedIndex("previous", 0, 3)).toBe(0);
    expect(movedIndex("first", 2, 3)).toBe(0);
    expect(movedIndex("last", 0, 3)).toBe(2);
    expect(movedIndex("next", 0, 0)).toBe(-1);
  });
});

describe("pageWindow", () => {
  it("offers the first, the last and two either side, with gaps", () => {
    expect(pageWindow(1, 1)).toEqual([1]);
    expect(pageWindow(1, 3)).toEqual([1, 2, 3]);
    expect(pageWindow(1, 25)).toEqual([1, 2, 3, null, 25]);
    expect(pageWindow(10, 25)).toEqual([1, null, 8, 9, 10, 11, 12, null, 25]);
    expect(pageWindow(25, 25)).toEqual([1, null, 23, 24, 25]);
    expect(pageWindow(4, 7)).toEqual([1, 2, 3, 4, 5, 6, 7]);
  });
});
