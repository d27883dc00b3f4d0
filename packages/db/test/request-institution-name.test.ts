import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDb, type Db } from "../src/connect";
import { createTestDatabase, type TestDatabase } from "../src/testing/test-database";
import {
  insertInstitution,
  insertInstitutionUser,
  insertPrefectures,
  insertRequest,
} from "./fixtures";

// sos_requests.institution_name (0011) is a copy of institutions.name for the
// review queue's name sort; the database keeps it equal to the original.

let t: TestDatabase;

beforeAll(async () => {
  t = await createTestDatabase();
  await insertPrefectures(t.db);
});
afterAll(async () => {
  await t?.destroy();
});

async function rename(db: Db, institutionId: string, name: string) {
  await db.updateTable("institutions").set({ name }).where("id", "=", institutionId).execute();
}

async function copyOf(requestId: string) {
  return t.db
    .selectFrom("sosRequests")
    .select(["institutionName", "version", "updatedAt"])
    .where("id", "=", requestId)
    .executeTakeFirstOrThrow();
}

describe("the institution's name on its requests", () => {
  it("is copied when a request is filed, and a value written by anyone else is replaced", async () => {
    const inst = await insertInstitution(t.db);
    await rename(t.db, inst.id, "あおば病院");
    const user = await insertInstitutionUser(t.db, inst.id);
    const request = await insertRequest(t.db, inst.id, user.id);
    expect(request.institutionName).toBe("あおば病院");

    await sql`update sos_requests set institution_name = 'ちがう名前' where id = ${request.id}`.execute(
      t.db,
    );
    expect((await copyOf(request.id)).institutionName).toBe("あおば病院");
    const inserted = await sql<{ institutionName: string }>`
      insert into sos_requests (institution_id, prefecture_code, week_start, conditions_confirmed,
        created_by, institution_name)
      values (${inst.id}, 13, '2026-12-02', true, ${user.id}, 'ちがう名前')
      returning institution_name`.execute(t.db);
    expect(inserted.rows[0]?.institutionName).toBe("あおば病院");
  });

  it("follows a rename of the institution, without touching the requests' version", async () => {
    const inst = await insertInstitution(t.db);
    const other = await insertInstitution(t.db);
    const user = await insertInstitutionUser(t.db, inst.id);
    const first = await insertRequest(t.db, inst.id, user.id);
    const second = await insertRequest(t.db, inst.id, user.id);
    const unrelated = await insertRequest(t.db, other.id, user.id);
    const before = await copyOf(first.id);

    await rename(t.db, inst.id, "さくら総合病院");
    for (const id of [first.id, second.id]) {
      expect((await copyOf(id)).institutionName).toBe("さくら総合病院");
    }
    const after = await copyOf(first.id);
    expect([after.version, after.updatedAt]).toEqual([before.version, before.updatedAt]);
    expect((await copyOf(unrelated.id)).institutionName).toBe("テスト病院");
  });

  it("follows the request to another institution", async () => {
    const from = await insertInstitution(t.db);
    const to = await insertInstitution(t.db);
    await rename(t.db, to.id, "みどり薬局");
    const user = await insertInstitutionUser(t.db, from.id);
    const request = await insertRequest(t.db, from.id, user.id);
    await t.db
      .updateTable("sosRequests")
      .set({ institutionId: to.id })
      .where("id", "=", request.id)
      .execute();
    expect((await copyOf(request.id)).institutionName).toBe("みどり薬局");
  });

  it("an unknown institution is still refused by the foreign key", async () => {
    const inst = await insertInstitution(t.db);
    const user = await insertInstitutionUser(t.db, inst.id);
    await expect(
      insertRequest(t.db, "00000000-0000-4000-8000-000000000000", user.id),
    ).rejects.toThrow(/foreign key/);
  });

  it("a request filed while a rename is in progress gets the renamed name", async () => {
    const inst = await insertInstitution(t.db);
    const user = await insertInstitutionUser(t.db, inst.id);
    const filer = createDb(t.url, { max: 1, applicationName: "name-copy-filer" });
    try {
      let filed: Promise<{ id: string }> | undefined;
      let settled = false;
      await t.db.transaction().execute(async (trx) => {
        await rename(trx, inst.id, "ひかりクリニック");
        filed = insertRequest(filer, inst.id, user.id).finally(() => {
          settled = true;
        });
        // Commit only once the filing is either waiting on the rename's row
        // lock or done (done: it did not wait, and took the old name).
        for (;;) {
          const waiting = await sql<{ n: number }>`
            select count(*)::int as n from pg_stat_activity
            where application_name = 'name-copy-filer' and wait_event_type = 'Lock'`.execute(t.db);
          if (settled || (waiting.rows[0]?.n ?? 0) > 0) break;
          await new Promise((resolve) => setTimeout(resolve, 10));
        }
      });
      const request = await filed;
      expect(request).toBeDefined();
      expect((await copyOf(request?.id ?? "")).institutionName).toBe("ひかりクリニック");
    } finally {
      await filer.destroy();
    }
  });
});
