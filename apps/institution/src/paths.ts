/** The app's pages, as in-app paths (the router adds the /institution basename). */
export const PATHS = {
  home: "/",
  surveys: "/surveys",
  selfCheck: "/self-check",
  requests: "/requests",
  newRequest: "/requests/new",
  /** The sets allocated in a week when gloves ran short (issue 17). */
  allocation: "/allocation",
  colleagues: "/colleagues",
  /** 代理入力の許可: the institution grants and revokes delegates. */
  delegation: "/delegation",
} as const;

export function surveyPath(id: string): string {
  return `/surveys/${id}`;
}

export function requestPath(id: string): string {
  return `/requests/${id}`;
}

export function editRequestPath(id: string): string {
  return `/requests/${id}/edit`;
}

/** The vendor's storefront registration: another app on the same server, so a plain link. */
export const VENDOR_REGISTER_URL = "/vendor/register";
