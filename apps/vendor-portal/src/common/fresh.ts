/**
 * For the back office's queries: orders, stock and sends change through what
 * institutions do on the storefront, not only through this screen, so a page read
 * again on opening (the cached rows show meanwhile) rather than kept for the
 * app-wide 30 seconds.
 */
export const READ_ON_OPEN = { staleTime: 0 } as const;
