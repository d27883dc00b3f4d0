/**
 * Where the public files are served (apps/server's open-data routes), so the
 * public page, the API's answers and the server agree on one spelling.
 */
export const OPEN_DATA_PREFIX = "/open-data";

export type RunFileKind = "input" | "result";
export type FiguresFormat = "csv" | "json";

export function runFilePath(weekStart: string, kind: RunFileKind): string {
  return `${OPEN_DATA_PREFIX}/allocation/${weekStart}/${kind}.json`;
}

export function figuresPath(weekStart: string, format: FiguresFormat): string {
  return `${OPEN_DATA_PREFIX}/figures/${weekStart}.${format}`;
}

/** An instant as ISO 8601 with the Tokyo offset: 2026-12-09T17:00:00+09:00. */
export function isoTokyo(instant: Date): string {
  return `${new Date(instant.getTime() + 9 * 3_600_000).toISOString().slice(0, 19)}+09:00`;
}
