/**
 * Most procedure calls one HTTP request may carry. The server refuses a larger
 * batch before it reads the body or looks at the session; the apps' batch link
 * splits at the same number, so a screen never meets the refusal.
 */
export const MAX_CALLS_PER_REQUEST = 10;

/** A facility's name and address as registered with the vendor (storefront, CSV import). */
export const FACILITY_NAME_MAX_LENGTH = 200;
export const ADDRESS_MAX_LENGTH = 300;
