import { sha256 } from "@oslojs/crypto/sha2";
import { encodeBase32LowerCaseNoPadding, encodeHexLowerCase } from "@oslojs/encoding";

/** 20 random bytes = 160 bits, the size Lucia's guide uses for session tokens. */
const TOKEN_BYTES = 20;

/**
 * A random secret for a cookie or an emailed link: base32 lower-case without
 * padding, so it survives URLs, mail clients and case-folding proxies.
 */
export function generateSecureToken(): string {
  const bytes = new Uint8Array(TOKEN_BYTES);
  crypto.getRandomValues(bytes);
  return encodeBase32LowerCaseNoPadding(bytes);
}

export const generateSessionToken = generateSecureToken;

/**
 * The only form in which a token reaches the database: whoever reads the tables
 * (a backup, a leaked dump) still cannot sign in or reset a password.
 */
export function hashToken(token: string): string {
  return encodeHexLowerCase(sha256(new TextEncoder().encode(token)));
}
