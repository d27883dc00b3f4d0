import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import { generateSecureToken, generateSessionToken, hashToken } from "../src/tokens";

describe("tokens", () => {
  it("are 160 random bits as 32 lower-case base32 characters without padding", () => {
    const tokens = new Set(Array.from({ length: 1000 }, () => generateSessionToken()));
    expect(tokens.size).toBe(1000);
    for (const token of tokens) expect(token).toMatch(/^[a-z2-7]{32}$/);
    expect(generateSecureToken()).toMatch(/^[a-z2-7]{32}$/);
  });

  it("are stored as the hex SHA-256 of the token text", () => {
    const token = generateSessionToken();
    expect(hashToken(token)).toBe(createHash("sha256").update(token).digest("hex"));
    expect(hashToken(token)).toMatch(/^[0-9a-f]{64}$/);
  });
});
