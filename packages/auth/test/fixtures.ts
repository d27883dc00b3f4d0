import type { Db } from "@sos/db";
import { createTestDatabase, type TestDatabase } from "@sos/db/testing";
import { afterAll, beforeAll } from "vitest";
import { hashPassword } from "../src/password-hash";

let counter = 0;

/** A fresh migrated database for the test file; read `.db` inside tests and hooks. */
export function useTestDatabase(): { readonly db: Db } {
  let testDb: TestDatabase | undefined;
  beforeAll(async () => {
    testDb = await createTestDatabase();
  });
  afterAll(async () => {
    await testDb?.destroy();
  });
  return {
    get db(): Db {
      if (!testDb) throw new Error("the test database is not ready (use .db inside a test)");
      return testDb.db;
    },
  };
}

/** Distinct client addresses under a prefix such as "198.18.0", so tests never share address counts. */
export function addressSequence(prefix: string): () => string {
  let last = 0;
  return () => {
    last += 1;
    return `${prefix}.${last}`;
  };
}

/** A username unique within the test file, so tests never share throttle rows. */
export function uniqueUsername(prefix = "user"): string {
  counter += 1;
  return `${prefix}${counter}`;
}

export const GOOD_PASSWORD = "Glove-Supply2026";

/** Sender of the system's mail (the ministry's alert on sustained guessing). */
export const MAIL_FROM = "noreply@sos-supply.example";

export interface TestUserOptions {
  username?: string;
  password?: string;
  role?: "ministry" | "vendor";
  disabledAt?: Date | null;
  passwordHash?: string;
}

/** A ministry user (no institution or prefecture needed) with a real argon2 hash. */
export async function insertUser(db: Db, options: TestUserOptions = {}) {
  const username = options.username ?? uniqueUsername();
  const password = options.password ?? GOOD_PASSWORD;
  const row = await db
    .insertInto("users")
    .values({
      username,
      displayName: `厚労 太郎(${username})`,
      email: `${username}@example.jp`,
      role: options.role ?? "ministry",
      institutionId: null,
      prefectureCode: null,
      passwordHash: options.passwordHash ?? (await hashPassword(password)),
      disabledAt: options.disabledAt ?? null,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  return { ...row, password };
}

export function at(base: Date, offsetMs: number): Date {
  return new Date(base.getTime() + offsetMs);
}

export const SECOND = 1000;
export const MINUTE = 60 * SECOND;
export const HOUR = 60 * MINUTE;

export async function auditRows(db: Db, action: string) {
  return db.selectFrom("auditLog").selectAll().where("action", "=", action).orderBy("id").execute();
}
