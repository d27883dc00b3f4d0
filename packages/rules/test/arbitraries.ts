import fc from "fast-check";

/** Widens half-width ASCII (! to ~) and spaces to the full-width forms a Japanese IME produces. */
export const widen = (s: string) =>
  s.replace(/[!-~]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0)).replace(/ /g, "\u3000");

/** Strings mixing ASCII, full-width forms, kana, kanji, dashes and spaces. */
export const messyText = fc.string({
  unit: fc.oneof(
    fc.constantFrom(..."0123456789-,.+() abcXYZ@枚〒ーｰ－―–—‐−﹣　\t"),
    fc.integer({ min: 0xff01, max: 0xff5e }).map((c) => String.fromCharCode(c)),
    fc.constantFrom(..."あアｱ漢字"),
    fc.string({ maxLength: 1 }),
  ),
  maxLength: 30,
});

/** Mostly digit-like strings, so that normalizers often succeed and their output gets re-checked. */
export const digitishText = fc.string({
  unit: fc.oneof(
    { weight: 6, arbitrary: fc.constantFrom(..."0123456789０１２３４５６７８９") },
    { weight: 2, arbitrary: fc.constantFrom(..."-－ー‐ （）()+〒") },
    { weight: 1, arbitrary: fc.constantFrom(..."8１+,.a枚") },
  ),
  maxLength: 16,
});
