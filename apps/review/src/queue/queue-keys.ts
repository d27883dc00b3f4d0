/**
 * The review queue's keyboard: vi-style letters as mail and issue trackers use
 * them (j/k), with the arrow keys for everyone else. Letters are single keys with
 * no modifier, so browser and screen-reader shortcuts (Ctrl, Alt, ⌘) pass through.
 */
export type QueueKeyAction =
  | "next"
  | "previous"
  | "first"
  | "last"
  | "open"
  | "toggle"
  | "nextPage"
  | "previousPage";

export interface QueueKeyEvent {
  key: string;
  altKey: boolean;
  ctrlKey: boolean;
  metaKey: boolean;
  shiftKey: boolean;
  /** An IME is composing: the key belongs to the composition. */
  isComposing?: boolean;
}

const LETTERS: Readonly<Record<string, QueueKeyAction>> = {
  j: "next",
  k: "previous",
  x: "toggle",
  n: "nextPage",
  p: "previousPage",
};

const KEYS: Readonly<Record<string, QueueKeyAction>> = {
  ArrowDown: "next",
  ArrowUp: "previous",
  Home: "first",
  End: "last",
  Enter: "open",
};

export function queueKeyAction(event: QueueKeyEvent): QueueKeyAction | null {
  if (event.isComposing === true || event.altKey || event.ctrlKey || event.metaKey) return null;
  const named = KEYS[event.key];
  if (named !== undefined) return event.shiftKey ? null : named;
  // Shift+J is not j: with Caps Lock or Shift the user meant something else.
  if (event.shiftKey) return null;
  return LETTERS[event.key] ?? null;
}

/** The index after moving, clamped to the list (no wrapping: the ends are where paging starts). */
export function movedIndex(
  action: "next" | "previous" | "first" | "last",
  current: number,
  count: number,
): number {
  if (count === 0) return -1;
  switch (action) {
    case "next":
      return Math.min(current + 1, count - 1);
    case "previous":
      return Math.max(current - 1, 0);
    case "first":
      return 0;
    case "last":
      return count - 1;
  }
}
