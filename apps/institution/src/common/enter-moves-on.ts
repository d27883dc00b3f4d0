import type { KeyboardEvent } from "react";

// Enter never submits a form by accident (issue 16): in a box it moves on to the
// next box, as the phones' 「次へ」 key does, and from the last to the form's
// 「保存」 button, where Enter then means it. The browser's implicit submission
// would otherwise save half-typed figures on a stray Enter.

const STOPS =
  'input:not([type="hidden"]):not([disabled]), select:not([disabled]), textarea:not([disabled]), button[type="submit"]:not([disabled])';
const NOT_A_BOX = new Set(["submit", "button", "reset", "image"]);

/** A form's onKeyDown: Enter in an input moves focus on instead of submitting. */
export function enterMovesOn(event: KeyboardEvent<HTMLFormElement>): void {
  if (event.key !== "Enter" || event.altKey || event.ctrlKey || event.metaKey) return;
  // Enter that confirms a Japanese IME's conversion belongs to the IME.
  if (event.nativeEvent.isComposing || event.keyCode === 229) return;
  const target = event.target;
  if (!(target instanceof HTMLInputElement) || NOT_A_BOX.has(target.type)) return;
  event.preventDefault();
  const stops = [...event.currentTarget.querySelectorAll<HTMLElement>(STOPS)];
  const next = stops[stops.indexOf(target) + 1];
  next?.focus();
}
