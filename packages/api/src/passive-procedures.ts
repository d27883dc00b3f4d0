/**
 * Procedures an open page calls on its own, without the user doing anything (the
 * read-only banner's poll every minute, the idle warning's check). A request made
 * only of these is answered without sliding the session (validateSessionToken's
 * `touch: false`): otherwise a page left open would never reach its idle timeout.
 */
export const PASSIVE_PROCEDURES: ReadonlySet<string> = new Set([
  "auth.session",
  "operations.readOnlyStatus",
]);

/**
 * Whether a tRPC request (its URL path after the prefix, e.g.
 * "auth.session,operations.readOnlyStatus" for a batch) calls passive procedures only.
 */
export function isPassiveRequest(procedurePath: string): boolean {
  let decoded: string;
  try {
    decoded = decodeURIComponent(procedurePath);
  } catch {
    return false;
  }
  const paths = decoded.split(",");
  return paths.length > 0 && paths.every((path) => PASSIVE_PROCEDURES.has(path));
}
