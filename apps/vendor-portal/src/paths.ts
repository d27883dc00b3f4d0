/** The app's pages, as in-app paths (the router adds the /vendor basename). */
export const PATHS = {
  home: "/",
  targetLists: "/target-lists",
  registrations: "/registrations",
  orders: "/orders",
  products: "/products",
  /** Public: the facility registration (①'), linked from the reminder mail. */
  register: "/register",
} as const;

export function batchPath(batchId: string): string {
  return `/target-lists/${batchId}`;
}
