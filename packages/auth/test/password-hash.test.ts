import { hash, parseOptions } from "@node-rs/argon2";
import { describe, expect, it } from "vitest";
import {
  DUMMY_PASSWORD_HASH,
  hashPassword,
  needsRehash,
  PASSWORD_HASH_OPTIONS,
  verifyPassword,
} from "../src/password-hash";

describe("hashPassword / verifyPassword", () => {
  it("hashes with argon2id at the OWASP parameters and a fresh salt each time", async () => {
    const first = await hashPassword("Tq7mZp2x");
    const second = await hashPassword("Tq7mZp2x");
    expect(first.startsWith("$argon2id$v=19$m=19456,t=2,p=1$")).toBe(true);
    expect(first).not.toBe(second);
    expect(parseOptions(first)).toMatchObject({ memoryCost: 19456, timeCost: 2, parallelism: 1 });
  });

  it("verifies the right password and refuses a wrong one", async () => {
    const stored = await hashPassword("Tq7mZp2x");
    expect(await verifyPassword(stored, "Tq7mZp2x")).toBe(true);
    expect(await verifyPassword(stored, "tq7mZp2x")).toBe(false);
  });

  it("keeps a full-width digit exactly as typed (no NFKC, no half-width conversion)", async () => {
    const stored = await hashPassword("Passw0rd１");
    expect(await verifyPassword(stored, "Passw0rd１")).toBe(true);
    expect(await verifyPassword(stored, "Passw0rd1")).toBe(false);
    expect(await verifyPassword(stored, "Passw0rd１".normalize("NFKC"))).toBe(false);
  });

  it("never trims: leading and trailing spaces are part of the password", async () => {
    const stored = await hashPassword("Tq7mZp2x ");
    expect(await verifyPassword(stored, "Tq7mZp2x ")).toBe(true);
    expect(await verifyPassword(stored, "Tq7mZp2x")).toBe(false);
    const leading = await hashPassword(" Tq7mZp2x");
    expect(await verifyPassword(leading, "Tq7mZp2x")).toBe(false);
  });

  it("treats a malformed stored hash as a mismatch instead of throwing", async () => {
    expect(await verifyPassword("not-a-hash", "Tq7mZp2x")).toBe(false);
  });
});

describe("DUMMY_PASSWORD_HASH", () => {
  it("costs what a real hash costs: argon2id with today's parameters", () => {
    const options = parseOptions(DUMMY_PASSWORD_HASH);
    expect(options).toMatchObject({
      algorithm: PASSWORD_HASH_OPTIONS.algorithm,
      memoryCost: PASSWORD_HASH_OPTIONS.memoryCost,
      timeCost: PASSWORD_HASH_OPTIONS.timeCost,
      parallelism: PASSWORD_HASH_OPTIONS.parallelism,
      outputLen: 32,
      saltLen: 16,
    });
    expect(needsRehash(DUMMY_PASSWORD_HASH)).toBe(false);
  });

  it("matches no ordinary password", async () => {
    expect(await verifyPassword(DUMMY_PASSWORD_HASH, "")).toBe(false);
    expect(await verifyPassword(DUMMY_PASSWORD_HASH, "Tq7mZp2x")).toBe(false);
  });
});

describe("needsRehash", () => {
  it("is false for a hash made today and true for weaker or other parameters", async () => {
    expect(needsRehash(await hashPassword("Tq7mZp2x"))).toBe(false);
    expect(needsRehash(await hash("Tq7mZp2x", { ...PASSWORD_HASH_OPTIONS, timeCost: 1 }))).toBe(
      true,
    );
    expect(
      needsRehash(await hash("Tq7mZp2x", { ...PASSWORD_HASH_OPTIONS, memoryCost: 8192 })),
    ).toBe(true);
    expect(needsRehash("garbage")).toBe(true);
  });
});
