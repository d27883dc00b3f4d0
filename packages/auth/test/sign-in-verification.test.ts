import type { Db } from "@sos/db";
import { createTestDatabase, type TestDatabase } from "@sos/db/testing";
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { DUMMY_PASSWORD_HASH, verifyPassword } from "../src/password-hash";
import { signIn } from "../src/sign-in";
import { at, GOOD_PASSWORD, insertUser, MAIL_FROM, SECOND, uniqueUsername } from "./fixtures";

// Wraps the real verifier so the tests can see which hash each attempt paid for.
vi.mock("../src/password-hash", async (importOriginal) => {
  const original = await importOriginal<typeof import("../src/password-hash")>();
  return { ...original, verifyPassword: vi.fn(original.verifyPassword) };
});

const verify = vi.mocked(verifyPassword);
let testDb: TestDatabase;
let db: Db;
const T0 = new Date("2026-06-03T01:00:00.000Z");

beforeAll(async () => {
  testDb = await createTestDatabase();
  db = testDb.db;
});
afterAll(async () => {
  await testDb?.destroy();
});
beforeEach(() => {
  verify.mockClear();
});

const base = { userAgent: "vitest", mailFrom: MAIL_FROM, now: T0 };

describe("signIn password verification", () => {
  it("runs one argon2 verification against the user's hash for a wrong password", async () => {
    const user = await insertUser(db);
    await signIn(db, { ...base, username: user.username, password: "Wrong-1x", ip: "192.0.2.1" });
    expect(verify).toHaveBeenCalledTimes(1);
    expect(verify).toHaveBeenCalledWith(user.passwordHash, "Wrong-1x");
  });

  it("runs the same verification against a fixed dummy hash for an unknown username", async () => {
    await signIn(db, {
      ...base,
      username: uniqueUsername("ghost"),
      password: "Wrong-1x",
      ip: "192.0.2.2",
    });
    expect(verify).toHaveBeenCalledTimes(1);
    expect(verify).toHaveBeenCalledWith(DUMMY_PASSWORD_HASH, "Wrong-1x");
  });

  it("refuses a throttled attempt before looking at the password", async () => {
    const user = await insertUser(db);
    for (let i = 0; i < 5; i += 1) {
      await signIn(db, {
        ...base,
        username: user.username,
        password: "Wrong-1x",
        ip: "192.0.2.3",
        now: at(T0, i * SECOND),
      });
    }
    verify.mockClear();
    const result = await signIn(db, {
      ...base,
      username: user.username,
      password: GOOD_PASSWORD,
      ip: "192.0.2.3",
      now: at(T0, 10 * SECOND),
    });
    expect(result).toMatchObject({ ok: false, error: { code: "throttled" } });
    expect(verify).not.toHaveBeenCalled();
  });
});
