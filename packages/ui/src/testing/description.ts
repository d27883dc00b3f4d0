function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

/**
 * The accessible description of a field showing `message`, with the hidden 「エラー：」
 * prefix. Accessible-name computation puts a space after the visually hidden prefix
 * (it is positioned absolutely, hence block-level), which screen readers treat as a pause.
 */
export function errorDescription(message: string, before = ""): RegExp {
  const lead = before === "" ? "" : `${escapeRegExp(before)} `;
  return new RegExp(`^${lead}エラー：\\s?${escapeRegExp(message)}$`);
}
