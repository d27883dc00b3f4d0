/**
 * The shape of a token the vendor mails (purchase links, registration
 * confirmations): generateSecureToken's base32 (a-z, 2-7) of 20 random bytes.
 * Anything else is answered like an unknown token without a database lookup.
 */
export const EMAILED_TOKEN_FORMAT = /^[a-z2-7]{32}$/;
