import { hashPassword } from "@sos/auth";
import type { Db } from "@sos/db";
import type { Role } from "@sos/domain";

export const PASSWORD = "Tebukuro2026";

export interface Account {
  username: string;
  displayName: string;
  role: Role;
}

export const ACCOUNTS = {
  institution: { username: "e2e-hospital", displayName: "山田 花子", role: "institution" },
  prefecture: { username: "e2e-tokyo", displayName: "佐藤 健一", role: "prefecture" },
  ministry: { username: "e2e-mhlw", displayName: "鈴木 一郎", role: "ministry" },
  vendor: { username: "e2e-vendor", displayName: "高橋 美咲", role: "vendor" },
  // A delegate (代理入力) acts in the institution app; the delegation journey makes its own.
} as const satisfies Record<Exclude<Role, "delegate">, Account>;

/** Kept apart from ACCOUNTS: the password-reset scenario changes this one's password. */
export const RESET_ACCOUNT = {
  username: "e2e-osaka-reset",
  displayName: "中村 陽子",
  role: "ministry",
} as const satisfies Account;

/** One user per role (Tokyo for the prefecture and the hospital) and RESET_ACCOUNT, all with PASSWORD. */
export async function insertAccounts(db: Db): Promise<void> {
  await db
    .insertInto("prefectures")
    .values({ code: 13, name: "東京都", nameEn: "Tokyo" })
    .onConflict((oc) => oc.doNothing())
    .execute();
  const hospital = await db
    .insertInto("institutions")
    .values({
      code: "1300000001",
      name: "千代田中央病院",
      type: "hospital",
      prefectureCode: 13,
      postcode: "1000001",
      address: "東京都千代田区千代田1-1",
      phone: "0312345678",
      email: "hospital@example.jp",
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  const passwordHash = await hashPassword(PASSWORD);
  await db
    .insertInto("users")
    .values(
      [...Object.values(ACCOUNTS), RESET_ACCOUNT].map((account: Account) => ({
        username: account.username,
        displayName: account.displayName,
        email: `${account.username}@example.jp`,
        role: account.role,
        institutionId: account.role === "institution" ? hospital.id : null,
        prefectureCode: account.role === "prefecture" ? 13 : null,
        passwordHash,
      })),
    )
    .execute();
}
