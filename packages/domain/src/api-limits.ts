/**
 * Most procedure calls one HTTP request may carry. The server refuses a larger
 * batch before it reads the body or looks at the session; the apps' batch link
 * splits at the same number, so a screen never meets the refusal.
 */
export const MAX_CALLS_PER_REQUEST = 10;
