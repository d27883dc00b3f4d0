// Plain JavaScript: it runs in Node test processes, in the test browsers and in Storybook.

/**
 * The engine's own Date, kept on the global object: a setup file is evaluated again
 * for every test file in a worker, and must never wrap an already shifted Date.
 */
const REAL_DATE = Symbol.for("sos.test-clock.real-date");

function realDate() {
  globalThis[REAL_DATE] ??= globalThis.Date;
  return globalThis[REAL_DATE];
}

/** The real time, whatever the clock has been shifted to. */
export function realNow() {
  return realDate().now();
}

/**
 * Moves `Date` by a fixed offset, still ticking at real speed: `Date.now()` and
 * `new Date()` answer the shifted instant, every other use of Date is untouched, and
 * dates made before or after are the same kind of object (instanceof, equality, pg),
 * and classes that extend Date keep working.
 */
export function shiftClockBy(offsetMs) {
  const Real = realDate();
  if (!offsetMs) {
    globalThis.Date = Real;
    return;
  }
  const now = () => Real.now() + offsetMs;
  function ShiftedDate(...args) {
    if (!new.target) return new Real(now()).toString();
    // new.target keeps subclasses working (date-fns/tz's TZDate extends Date).
    return Reflect.construct(Real, args.length === 0 ? [now()] : args, new.target);
  }
  ShiftedDate.prototype = Real.prototype;
  ShiftedDate.now = now;
  ShiftedDate.parse = Real.parse;
  ShiftedDate.UTC = Real.UTC;
  globalThis.Date = ShiftedDate;
}

/** Sets the clock to an instant (a Date, an ISO string or epoch ms); it ticks on from there. */
export function shiftClockTo(instant) {
  const Real = realDate();
  shiftClockBy(new Real(instant).getTime() - Real.now());
}

/** Back to the real clock. */
export function restoreClock() {
  shiftClockBy(0);
}
