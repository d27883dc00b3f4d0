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
