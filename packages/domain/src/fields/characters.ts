import { z } from "#zod";

export const UNSAFE_CHARACTER_MESSAGE =
  "使用できない文字（制御文字や壊れた文字）が含まれています。該当する文字を削除して入力し直してください";

// NUL cannot be stored in a PostgreSQL text column (the query fails), and a UTF-16
// surrogate without its pair cannot be written as UTF-8 (it would silently become
// U+FFFD). Both only arrive by accident or on purpose, never from typing.
const UNSAFE_CHARACTERS =
  /\0|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?:^|[^\uD800-\uDBFF])[\uDC00-\uDFFF]/;

export function hasUnsafeCharacters(value: string): boolean {
  return UNSAFE_CHARACTERS.test(value);
}

/**
 * The one rule every string an input schema accepts carries, as its first check:
 * it aborts, so no later check or transform sees the string.
 * packages/api's input-strings test walks every procedure's input and fails on a
 * string without it.
 */
export const safeCharacters = z.refine<string>((value) => !hasUnsafeCharacters(value), {
  error: UNSAFE_CHARACTER_MESSAGE,
  abort: true,
});

/** z.string() for input: build every string field on this, never on z.string() itself. */
export function inputString(params?: Parameters<typeof z.string>[0]) {
  return z.string(params).check(safeCharacters);
}
