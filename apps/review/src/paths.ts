/** The app's pages, as in-app paths (the router adds the /review basename). */
export const PATHS = {
  home: "/",
  requests: "/requests",
  progress: "/progress",
  targetLists: "/target-lists",
  sanctions: "/sanctions",
  publication: "/publication",
  allocation: "/allocation",
  registry: "/registry",
  invitations: "/invitations",
  undeliverableInvitations: "/invitations/undeliverable",
  accounts: "/accounts",
  permissions: "/accounts/permissions",
  /** Public (no sign-in): the allocation rule, seeds, run files and weekly figures. */
  openData: "/open-data",
} as const;

export function requestPath(id: string): string {
  return `/requests/${id}`;
}

export function targetBatchPath(id: string): string {
  return `/target-lists/${id}`;
}

/**
 * The target list file as apps/server serves it (outside the router and tRPC, so a
 * plain link downloads it with the session cookie). `replace` accepts 〓 for the
 * characters Shift_JIS cannot hold; without it such a file is refused.
 */
export function targetListCsvHref(
  batchId: string,
  encoding: "utf8" | "sjis",
  replace = false,
): string {
  const query = new URLSearchParams({ encoding });
  if (replace) query.set("replace", "1");
  return `/api/target-lists/${batchId}.csv?${query.toString()}`;
}
