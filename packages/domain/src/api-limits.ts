/**
 * Most procedure calls one HTTP request may carry. The server refuses a larger
 * batch before it reads the body or looks at the session; the apps' batch link
 * splits at the same number, so a screen never meets the refusal.
 */
export const MAX_CALLS_PER_REQUEST = 10;

/** A facility's name and address as registered with the vendor (storefront, CSV import). */
export const FACILITY_NAME_MAX_LENGTH = 200;
export const ADDRESS_MAX_LENGTH = 300;

/** A reviewer's written reason (対象外, 差戻し, 上限超過, 調整, 措置) and notes. */
export const REVIEW_REASON_MAX_LENGTH = 1000;
export const REVIEW_NOTES_MAX_LENGTH = 2000;
/** Sets of 1,000 pieces a reviewer may enter; 100,000 sets is far above any single request. */
export const REVIEW_MAX_SETS = 100_000;
