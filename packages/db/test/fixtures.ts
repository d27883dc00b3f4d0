import type { Db } from "../src/connect";

let counter = 0;

/** Unique 10-digit institution code per call within a test file. */
export function nextCode(): string {
  counter += 1;
  return String(1_300_000_000 + counter).padStart(10, "0");
}

export async function insertPrefectures(db: Db): Promise<void> {
  await db
    .insertInto("prefectures")
    .values([
      { code: 13, name: "東京都", nameEn: "Tokyo" },
      { code: 27, name: "大阪府", nameEn: "Osaka" },
    ])
    .onConflict((oc) => oc.doNothing())
    .execute();
}

export async function insertInstitution(db: Db, prefectureCode = 13) {
  return db
    .insertInto("institutions")
    .values({
      code: nextCode(),
      name: "テスト病院",
      type: "hospital",
      prefectureCode,
      postcode: "1000001",
      address: "東京都千代田区千代田1-1",
      phone: "0312345678",
      email: "hospital@example.jp",
    })
    .returningAll()
    .executeTakeFirstOrThrow();
}

export async function insertInstitutionUser(db: Db, institutionId: string) {
  counter += 1;
  return db
    .insertInto("users")
    .values({
      username: `inst${counter}`,
      displayName: "担当者",
      email: "user@example.jp",
      role: "institution",
      institutionId,
      prefectureCode: null,
      passwordHash: "x",
    })
    .returningAll()
    .executeTakeFirstOrThrow();
}

/** A draft SOS request of the institution for the week of 2026-11-25. */
export async function insertRequest(
  db: Db,
  institutionId: string,
  userId: string,
  prefectureCode = 13,
) {
  return db
    .insertInto("sosRequests")
    .values({
      institutionId,
      prefectureCode,
      weekStart: "2026-11-25",
      conditionsConfirmed: true,
      createdBy: userId,
      errorReasons: "[]",
    })
    .returningAll()
    .executeTakeFirstOrThrow();
}
