import { type Algorithm, hash, type Options, parseOptions, verify } from "@node-rs/argon2";

// @node-rs/argon2 declares Algorithm as an ambient const enum, which isolatedModules
// cannot read: 2 is its Argon2id member.
const ARGON2ID = 2 as Algorithm;

/** OWASP's minimum for argon2id: 19 MiB, 2 passes, 1 lane. */
export const PASSWORD_HASH_OPTIONS = Object.freeze({
  algorithm: ARGON2ID,
  memoryCost: 19_456,
  timeCost: 2,
  parallelism: 1,
}) satisfies Options;

/**
 * Verified when the username does not exist, so an unknown name costs the same
 * argon2 work as a wrong password and response times do not reveal which
 * usernames exist. Its parameters must stay equal to PASSWORD_HASH_OPTIONS (tested).
 */
export const DUMMY_PASSWORD_HASH =
  "$argon2id$v=19$m=19456,t=2,p=1$Nm8+NqLPM2R9m69edDRQsg$ToQjvIYVS/8EW9iSjfrT7jfY8NVJTPD0PKWX4CjloqM";

/** The password is hashed exactly as typed: no trimming, no Unicode normalisation. */
export function hashPassword(plain: string): Promise<string> {
  return hash(plain, PASSWORD_HASH_OPTIONS);
}

/** False (never an exception) for a malformed stored hash: such an account simply cannot sign in. */
export async function verifyPassword(passwordHash: string, plain: string): Promise<boolean> {
  try {
    return await verify(passwordHash, plain);
  } catch {
    return false;
  }
}

/** True when a stored hash was made with other parameters than today's, so it is upgraded at the next sign-in. */
export function needsRehash(passwordHash: string): boolean {
  try {
    const current = parseOptions(passwordHash);
    return (
      current.algorithm !== PASSWORD_HASH_OPTIONS.algorithm ||
      current.memoryCost !== PASSWORD_HASH_OPTIONS.memoryCost ||
      current.timeCost !== PASSWORD_HASH_OPTIONS.timeCost ||
      current.parallelism !== PASSWORD_HASH_OPTIONS.parallelism
    );
  } catch {
    return true;
  }
}
