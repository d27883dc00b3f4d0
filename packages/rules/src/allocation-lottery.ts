import { sha256 } from "@oslojs/crypto/sha2";
import { ALLOCATION_RULE_VERSION } from "./allocation-types";

const encoder = new TextEncoder();

/**
 * A request's lottery number for one size: the SHA-256 (FIPS 180-4) of the
 * UTF-8 text
 *
 *     sos-allocation/1 LF <seed> LF <size> LF <code>
 *
 * as 64 lower-case hex digits. The smaller number wins. Anyone can recompute
 * it, e.g. `printf 'sos-allocation/1\n%s\n%s\n%s' SEED M CODE | sha256sum`.
 * One number per request and size (rather than one random stream) means a
 * request's chance does not depend on the order the others are listed in.
 */
export function lotteryKey(seed: string, size: string, code: string): string {
  const digest = sha256(encoder.encode(`${ALLOCATION_RULE_VERSION}\n${seed}\n${size}\n${code}`));
  let hex = "";
  for (const byte of digest) hex += byte.toString(16).padStart(2, "0");
  return hex;
}

/** The hex of SHA-256(UTF-8 seed): what is published before the cutoff. */
export function seedCommitment(seed: string): string {
  let hex = "";
  for (const byte of sha256(encoder.encode(seed))) hex += byte.toString(16).padStart(2, "0");
  return hex;
}

/** Orders by lottery number, then (never in practice: a SHA-256 collision) by code. */
export function byLottery<T extends { code: string }>(
  items: readonly T[],
  seed: string,
  size: string,
): T[] {
  const keyed = items.map((item) => ({ item, key: lotteryKey(seed, size, item.code) }));
  keyed.sort((a, b) =>
    a.key < b.key
      ? -1
      : a.key > b.key
        ? 1
        : a.item.code < b.item.code
          ? -1
          : a.item.code > b.item.code
            ? 1
            : 0,
  );
  return keyed.map(({ item }) => item);
}
