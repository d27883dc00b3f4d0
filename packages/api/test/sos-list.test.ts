import type { Db } from "@sos/db";
import { createTestDatabase, emptyTables, type TestDatabase } from "@sos/db/testing";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import {
  addInstitutionUser,
  type Caller,
  callerAs,
  createInstitutionWorld,
  FORM,
  type InstitutionWorld,
  jst,
  refusal,
  type TestClock,
  testClock,
} from "./fixtures/institution-world";

let tdb: TestDatabase;
let db: Db;
let world: InstitutionWorld;
let clock: TestClock;
let a: Caller;
let colleague: Caller;
let b: Caller;

beforeAll(async () => {
  tdb = await createTestDatabase();
  db = tdb.db;
  world = await createInstitutionWorld(db);
  clock = testClock("2026-12-01 10:00:00");
  a = await callerAs(db, world.a.user, clock);
  colleague = await callerAs(db, await addInstitutionUser(db, world.a.institutionId), clock);
  b = await callerAs(db, world.b.user, clock);
});

afterAll(async () => {
  await tdb.destroy();
});

beforeEach(async () => {
  clock.set("2026-12-01 10:00:00");
  await emptyTables(db);
});

/** Creates drafts one minute apart, starting at `from` (Tokyo). */
async function draftsAt(caller: Caller, times: string[]) {
  const ids: string[] = [];
  for (const time of times) {
    clock.set(time);
    ids.push((await caller.sos.create({ ...FORM, notes: time })).id);
  }
  return ids;
}

/** Marks a request as filed (error status) at an instant, for the 30-day window. */
async function appliedAt(id: string, at: Date) {
  await db
    .updateTable("sosRequests")
    .set({ status: "error", appliedAt: at })
    .where("id", "=", id)
    .execute();
}

describe("view: all (すべて)", () => {
  it("lists every request of the institution, newest first, page by page", async () => {
    const ids = await draftsAt(a, [
      "2026-11-20 09:00:00",
      "2026-11-21 09:00:00",
      "2026-11-22 09:00:00",
      "2026-11-23 09:00:00",
      "2026-11-24 09:00:00",
    ]);
    await draftsAt(b, ["2026-11-25 09:00:00"]);
    const seen: string[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const page: Awaited<ReturnType<Caller["sos"]["list"]>> = await a.sos.list({
        view: "all",
        cursor,
        limit: 2,
      });
      seen.push(...page.items.map((item) => item.id));
      cursor = page.nextCursor;
      pages += 1;
    } while (cursor !== null);
    expect(pages).toBe(3);
    expect(seen).toEqual([...ids].reverse());
  });

  it("keeps rows created in the same instant apart by id, without repeats or gaps", async () => {
    clock.set("2026-11-30 09:00:00");
    const ids: string[] = [];
    for (let i = 0; i < 5; i += 1) ids.push((await a.sos.create(FORM)).id);
    const first = await a.sos.list({ view: "all", limit: 3 });
    const second = await a.sos.list({ view: "all", limit: 3, cursor: first.nextCursor });
    const seen = [...first.items, ...second.items].map((item) => item.id);
    expect(seen).toEqual([...ids].sort().reverse());
    expect(second.nextCursor).toBeNull();
  });

  it("shows each row's status with its Japanese label and week", async () => {
    const [id] = await draftsAt(a, ["2026-11-30 09:00:00"]);
    const { items } = await a.sos.list({ view: "all" });
    expect(items).toEqual([
      expect.objectContaining({
        id,
        status: "draft",
        statusLabel: "申請前",
        weekStart: "2026-11-25",
        weekTitle: "2026年12月2日（水）17:00締切の週",
        appliedAt: null,
        late: false,
        handleFrom: null,
        viewedAt: null,
        version: 1,
      }),
    ]);
  });

  it("refuses a cursor that was tampered with or belongs to another view", async () => {
    await draftsAt(a, ["2026-11-20 09:00:00", "2026-11-21 09:00:00"]);
    const page = await a.sos.list({ view: "all", limit: 1 });
    expect(page.nextCursor).not.toBeNull();
    for (const [view, cursor] of [
      ["recent", page.nextCursor],
      ["all", "not-a-cursor"],
      ["all", Buffer.from(JSON.stringify(["all", "'; drop table x", "x"])).toString("base64url")],
    ] as const) {
      const shape = await refusal(a.sos.list({ view, cursor }));
      expect(shape.data.code).toBe("BAD_REQUEST");
      expect(shape.message).toBe(
        "一覧の続きを読み込めませんでした。一覧を再読み込みしてください。",
      );
    }
  });
});

describe("view: recent (最近参照したデータ)", () => {
  it("lists what this user opened, the latest view first, and nothing never opened", async () => {
    const [first, second, never] = await draftsAt(a, [
      "2026-11-20 09:00:00",
      "2026-11-21 09:00:00",
      "2026-11-22 09:00:00",
    ]);
    if (!first || !second || !never) throw new Error("fixture");
    clock.set("2026-12-01 09:00:00");
    await a.sos.get({ id: first });
    clock.set("2026-12-01 09:05:00");
    await a.sos.get({ id: second });
    clock.set("2026-12-01 09:10:00");
    await a.sos.get({ id: first });

    const recent = await a.sos.list({ view: "recent" });
    expect(recent.items.map((item) => [item.id, item.viewedAt])).toEqual([
      [first, jst("2026-12-01 09:10:00").toISOString()],
      [second, jst("2026-12-01 09:05:00").toISOString()],
    ]);

    const page1 = await a.sos.list({ view: "recent", limit: 1 });
    const page2 = await a.sos.list({ view: "recent", limit: 1, cursor: page1.nextCursor });
    expect([...page1.items, ...page2.items].map((item) => item.id)).toEqual([first, second]);
    expect(page2.nextCursor).toBeNull();
  });

  it("is per user: a colleague's views do not show in mine", async () => {
    const [mine, theirs] = await draftsAt(a, ["2026-11-20 09:00:00", "2026-11-21 09:00:00"]);
    if (!mine || !theirs) throw new Error("fixture");
    await a.sos.get({ id: mine });
    await colleague.sos.get({ id: theirs });
    expect((await a.sos.list({ view: "recent" })).items.map((item) => item.id)).toEqual([mine]);
    expect((await colleague.sos.list({ view: "recent" })).items.map((item) => item.id)).toEqual([
      theirs,
    ]);
  });
});

describe("view: active (実施中の緊急配布要請)", () => {
  it("lists requests applied in the past 30 days, both ends included, latest filing first", async () => {
    const now = jst("2026-12-01 10:00:00");
    const [exactly30, justOver, yesterday, draftOnly, future] = await draftsAt(a, [
      "2026-10-01 09:00:00",
      "2026-10-01 09:01:00",
      "2026-10-01 09:02:00",
      "2026-10-01 09:03:00",
      "2026-10-01 09:04:00",
    ]);
    if (!exactly30 || !justOver || !yesterday || !draftOnly || !future) throw new Error("fixture");
    const day = 24 * 60 * 60 * 1000;
    await appliedAt(exactly30, new Date(now.getTime() - 30 * day));
    await appliedAt(justOver, new Date(now.getTime() - 30 * day - 1));
    await appliedAt(yesterday, new Date(now.getTime() - day));
    await appliedAt(future, new Date(now.getTime() + 60_000)); // a skewed clock, not filed yet
    clock.set("2026-12-01 10:00:00");

    const active = await a.sos.list({ view: "active" });
    expect(active.items.map((item) => item.id)).toEqual([yesterday, exactly30]);
    expect(active.items[0]).toMatchObject({ status: "error", statusLabel: "エラーあり" });

    // a millisecond later the oldest one drops out
    clock.now = new Date(now.getTime() + 1);
    expect((await a.sos.list({ view: "active" })).items.map((item) => item.id)).toEqual([
      yesterday,
    ]);
  });

  it("never shows another institution's requests", async () => {
    const [theirs] = await draftsAt(b, ["2026-11-30 09:00:00"]);
    if (!theirs) throw new Error("fixture");
    await appliedAt(theirs, jst("2026-11-30 10:00:00"));
    clock.set("2026-12-01 10:00:00");
    expect((await a.sos.list({ view: "active" })).items).toEqual([]);
    expect((await b.sos.list({ view: "active" })).items.map((item) => item.id)).toEqual([theirs]);
  });
});
