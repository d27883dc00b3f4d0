import type { Db } from "@sos/db";
import { hashPassword } from "../src/password-hash";

let counter = 0;

/** A username unique within the test file, so tests never share throttle rows. */
export function uniqueUsername(prefix = "user"): string {
  counter += 1;
  return `${prefix}${counter}`;
}

export const GOOD_PASSWORD = "Glove-Supply2026";

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
