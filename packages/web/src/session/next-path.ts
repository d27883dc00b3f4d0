/** Query parameter carrying where to return after signing in. */
export const NEXT_PARAM = "next";

/**
 * The in-app path to return to, or "/" when absent or unsafe: only a path inside this
 * app is accepted, so a crafted link cannot send a user elsewhere after sign-in.
 */
export function safeNextPath(value: string | null): string {
  if (value === null || !value.startsWith("/") || value.startsWith("//")) return "/";
  if (value.includes("\\") || [...value].some((char) => char.charCodeAt(0) < 0x20)) return "/";
  return value;
}

export function signInPathFor(location: { pathname: string; search: string; hash: string }) {
  const here = `${location.pathname}${location.search}${location.hash}`;
  return here === "/" ? "/sign-in" : `/sign-in?${NEXT_PARAM}=${encodeURIComponent(here)}`;
}
