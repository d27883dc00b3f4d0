function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

/**
 * Matches a field's accessible description that shows `message` as its error, after the
 * visually hidden 「エラー：」 (hints and units may come before or after it).
 */
export function showsError(message: string): RegExp {
  return new RegExp(`エラー：\\s?${escapeRegExp(message)}`);
}

/**
 * The whole accessible description of a field showing `message`, with the hidden 「エラー：」
 * prefix. Accessible-name computation puts a space after the visually hidden prefix
 * (it is positioned absolutely, hence block-level), which screen readers treat as a pause.
 */
export function errorDescription(message: string, before = ""): RegExp {
  const lead = before === "" ? "" : `${escapeRegExp(before)} `;
  return new RegExp(`^${lead}エラー：\\s?${escapeRegExp(message)}$`);
}
