import type { Db } from "@sos/db";
import type { AuthConfig } from "./config";
import { hostCookieName } from "./cookie-names";
import { type SessionCookieOptions, sessionCookieOptions } from "./session";
import { generateSecureToken, hashToken } from "./tokens";

// OWASP's device cookies: a browser that has signed in to an account carries a
// token for that account, and is then told apart from every other client, so
// guessing from elsewhere cannot lock the owner out. Where OWASP signs
// LOGIN|NONCE with a server key, the token here is random and the database keeps
// its SHA-256 bound to the user: no key to share between servers or rotate, a
// leaked dump trusts no browser, and a password reset can revoke them all.

export const DEVICE_COOKIE_NAME = "sos_device";

/** A browser shared by colleagues keeps one token per account, newest first, up to this many. */
export const MAX_DEVICE_TOKENS = 5;

/** generateSecureToken's shape: 32 base32 characters. Anything else is ignored unread. */
const TOKEN = /^[a-z2-7]{32}$/;
const SEPARATOR = ".";

/** `__Host-sos_device` over https, `sos_device` over plain http. */
export function deviceCookieName(secure: boolean): string {
  return hostCookieName(DEVICE_COOKIE_NAME, secure);
}

export function parseDeviceCookie(value: string | undefined): string[] {
  if (!value) return [];
  const tokens = value.split(SEPARATOR).filter((token) => TOKEN.test(token));
  return [...new Set(tokens)].slice(0, MAX_DEVICE_TOKENS);
}

export function serializeDeviceCookie(tokens: readonly string[]): string {
  return tokens.join(SEPARATOR);
}

export type DeviceCookieOptions = Omit<SessionCookieOptions, "sameSite"> & { sameSite: "strict" };

/**
 * As the session cookie, but SameSite=Strict: it is only needed by the sign-in
 * and reset requests the apps send themselves, never on a cross-site navigation.
 */
export function deviceCookieOptions(options: {
  secure: boolean;
  expiresAt: Date;
  now: Date;
}): DeviceCookieOptions {
  return { ...sessionCookieOptions(options), sameSite: "strict" };
}

/**
 * The trusted device (its id, the token's hash) that one of the browser's tokens
 * names for this username, or null. Looked up by name, so it costs the same
 * whether or not the account exists.
 */
export async function findTrustedDevice(
  db: Db,
  username: string,
  tokens: readonly string[],
  now: Date,
): Promise<string | null> {
  if (tokens.length === 0) return null;
  const row = await db
    .selectFrom("trustedDevices")
    .innerJoin("users", "users.id", "trustedDevices.userId")
    .select("trustedDevices.id")
    .where("users.username", "=", username)
    .where("trustedDevices.id", "in", tokens.map(hashToken))
    .where("trustedDevices.expiresAt", ">", now)
    .executeTakeFirst();
  return row?.id ?? null;
}

/** What the browser's device cookie is to hold next. */
export interface DeviceCookie {
  tokens: string[];
  expiresAt: Date;
}

export interface TrustDeviceInput {
  userId: string;
  now: Date;
  config: AuthConfig;
  /** The tokens the browser presented; those for other accounts are kept. */
  presented: readonly string[];
  /** Ids of devices just retired: their tokens leave the cookie. */
  retired: ReadonlySet<string>;
}

/** Trusts this browser for the user with a fresh token (call inside the sign-in's transaction). */
export async function trustDevice(db: Db, input: TrustDeviceInput): Promise<DeviceCookie> {
  const token = generateSecureToken();
  const expiresAt = new Date(input.now.getTime() + input.config.deviceTrustLifetimeMs);
  await db
    .insertInto("trustedDevices")
    .values({ id: hashToken(token), userId: input.userId, createdAt: input.now, expiresAt })
    .execute();
  const kept = input.presented.filter((t) => !input.retired.has(hashToken(t)));
  return { tokens: [token, ...kept].slice(0, MAX_DEVICE_TOKENS), expiresAt };
}

/**
 * Retires the device a sign-in came from: it gets a fresh token instead, so a
 * copied cookie stops working once the owner signs in again.
 */
export async function retireTrustedDevice(db: Db, deviceId: string): Promise<void> {
  await db.deleteFrom("trustedDevices").where("id", "=", deviceId).execute();
}

/** Every browser of the user stops being trusted (password reset). Returns their ids. */
export async function revokeTrustedDevices(db: Db, userId: string): Promise<Set<string>> {
  const rows = await db
    .deleteFrom("trustedDevices")
    .where("userId", "=", userId)
    .returning("id")
    .execute();
  return new Set(rows.map((row) => row.id));
}
