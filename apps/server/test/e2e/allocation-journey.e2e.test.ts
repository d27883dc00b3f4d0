import { createCaller } from "@sos/api";
import { createTestContext } from "@sos/api/testing";
import { hashPassword, toSessionUser } from "@sos/auth";
import { seedCommitment } from "@sos/rules";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it, onTestFailed } from "vitest";
import { startTestServer, type TestServer } from "../support/test-server";
import { ACCOUNTS, insertAccounts, PASSWORD } from "./accounts";
import { APPS_DIR, ensureBuilt } from "./app-builds";
import {
  collectProblems,
  launchChromium,
  newDeskPage,
  newPhonePage,
  screenshot,
  scrollsSideways,
} from "./browser";
import { heading, input } from "./page";

/**
 * Issue 17 in the built apps over the real server: four institutions of one
 * week ask for 16 sets of M between them and only 9 can be shipped. Before the
 * cutoff the ministry states the supply, fixes the lottery seed and previews the
 * fill rates; after it, the ministry commits what it previewed and the week turns
 * read-only with the seed revealed; the hospital, on a phone, sees its sets in
 * units with the rule and its own numbers, as the run recorded them; the public
 * page shows the revealed seed, which matches the hash published before.
 */

/** The server's clock: set to an instant, it runs on from there; every page opens on it. */
let clockBase = Date.now();
let clockSetAt = Date.now();
function setClock(iso: string): void {
  clockBase = new Date(iso).getTime();
  clockSetAt = Date.now();
}
const clock = () => new Date(clockBase + (Date.now() - clockSetAt));

/** The survey week 2027-02-03 (Wednesday 18:35) – its cutoff, Wednesday 2027-02-10 17:00. */
const WEEK = "2027-02-03";
const BEFORE_CUTOFF = "2027-02-08T10:00:00+09:00";
const AFTER_CUTOFF = "2027-02-10T17:30:00+09:00";
const SUPPLY_M = 9;

/**
 * The week's requests: limits 6 + 4 + 4 + 2 = 16 sets of M (the size a request
 * asks for when it names none) against 9 supplied. Limit = ⌈consumption × 2 ÷ 1,000⌉.
 */
const INSTITUTIONS = {
  // 0.8 weeks of cover; need 2,500 × 4 − 2,000 = 8,000.
  hospital: {
    username: ACCOUNTS.institution.username,
    name: "千代田中央病院",
    prefecture: 13,
    figures: { stock: 2000, consumption: 3000, purchases: 500 },
    limit: 6,
  },
  // 2 weeks of cover; need 1,500 × 4 − 3,000 = 3,000.
  clinic: {
    username: "e2e-alloc-kanda",
    code: "1300000021",
    name: "神田内科クリニック",
    type: "clinic",
    prefecture: 13,
    figures: { stock: 3000, consumption: 2000, purchases: 500 },
    limit: 4,
  },
  // 0.75 weeks of cover; need 2,000 × 4 − 1,500 = 6,500.
  osakaHospital: {
    username: "e2e-alloc-naniwa",
    code: "2700000021",
    name: "なにわ記念病院",
    type: "hospital",
    prefecture: 27,
    figures: { stock: 1500, consumption: 2000, purchases: 0 },
    limit: 4,
  },
  // Under a supply agreement: the first tier. 1 week of cover; need 3,000.
  osakaClinic: {
    username: "e2e-alloc-sakai",
    code: "2700000022",
    name: "堺みなとクリニック",
    type: "clinic",
    prefecture: 27,
    figures: { stock: 1000, consumption: 1000, purchases: 0 },
    limit: 2,
  },
} as const;
type Key = keyof typeof INSTITUTIONS;
const DEMAND = Object.values(INSTITUTIONS).reduce((sum, i) => sum + i.limit, 0);

let server: TestServer;
let browser: Browser;
const requestIds = new Map<Key, string>();

async function callerOf(username: string) {
  const db = server.tdb.db;
  const row = await db
    .selectFrom("users")
    .selectAll()
    .where("username", "=", username)
    .executeTakeFirstOrThrow();
  const caller = createCaller(
    createTestContext(db, {
      user: toSessionUser(row),
      session: { id: `e2e-${username}` },
      now: clock,
      config: { publicBaseUrl: server.url },
    }),
  );
  return { user: row, caller };
}

async function insertInstitution(key: Exclude<Key, "hospital">): Promise<string> {
  const db = server.tdb.db;
  const spec = INSTITUTIONS[key];
  const row = await db
    .insertInto("institutions")
    .values({
      code: spec.code,
      name: spec.name,
      type: spec.type,
      prefectureCode: spec.prefecture,
      postcode: spec.prefecture === 13 ? "1010047" : "5300001",
      address: spec.prefecture === 13 ? "東京都千代田区内神田1-1" : "大阪府大阪市北区梅田1-1",
      phone: "0332345678",
      email: `${spec.username}@example.jp`,
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  await db
    .insertInto("users")
    .values({
      username: spec.username,
      displayName: `${spec.name}担当`,
      email: `${spec.username}@example.jp`,
      role: "institution",
      institutionId: row.id,
      prefectureCode: null,
      passwordHash: await hashPassword(PASSWORD),
    })
    .execute();
  return row.id;
}

/** Filed with this week's answered survey, completed by its prefecture, approved by the ministry. */
async function accept(key: Key, prefectureOfficer: string): Promise<string> {
  const spec = INSTITUTIONS[key];
  const { user, caller } = await callerOf(spec.username);
  const at = clock();
  await server.tdb.db
    .insertInto("weeklySurveys")
    .values({
      institutionId: user.institutionId as string,
      weekStart: WEEK,
      createdAt: at,
      updatedAt: at,
      ...spec.figures,
      answeredAt: at,
      answeredBy: user.id,
    })
    .execute();
  const draft = await caller.sos.create({
    contactName: `${spec.name}担当`,
    contactPhone: "03-3234-5678",
    notes: "",
    conditionsConfirmed: true,
  });
  const applied = await caller.sos.checkAndApply({ id: draft.id, version: draft.version });
  expect(applied.outcome).toBe("reviewing");
  const { caller: officer } = await callerOf(prefectureOfficer);
  const review = await officer.review.get({ id: draft.id });
  const completed = await officer.review.savePrefectureReview({
    id: draft.id,
    expectedVersion: review.version,
    supplyNeeded: true,
    quantitySets: null,
    complete: true,
  });
  const { caller: ministry } = await callerOf(ACCOUNTS.ministry.username);
  await ministry.review.approve({ items: [{ id: draft.id, expectedVersion: completed.version }] });
  return draft.id;
}

beforeAll(async () => {
  await ensureBuilt("review");
  await ensureBuilt("institution");
  setClock(BEFORE_CUTOFF);
  server = await startTestServer({ appsDir: APPS_DIR, now: clock });
  const db = server.tdb.db;
  await insertAccounts(db);
  await db
    .insertInto("prefectures")
    .values({ code: 27, name: "大阪府", nameEn: "Osaka" })
    .onConflict((oc) => oc.doNothing())
    .execute();
  await db
    .insertInto("users")
    .values({
      username: "e2e-alloc-osaka",
      displayName: "田中 優子",
      email: "e2e-alloc-osaka@example.jp",
      role: "prefecture",
      institutionId: null,
      prefectureCode: 27,
      passwordHash: await hashPassword(PASSWORD),
    })
    .execute();
  // The product on sale, with stock enough for the commit to reserve the supply.
  const product = await db
    .insertInto("products")
    .values({ name: "ニトリル手袋（パウダーフリー）100枚入×10箱" })
    .returning("id")
    .executeTakeFirstOrThrow();
  await db
    .insertInto("productSizes")
    .values(
      (["S", "M", "L"] as const).map((size, sortOrder) => ({
        productId: product.id,
        size,
        stockSets: 20,
        sortOrder,
      })),
    )
    .execute();

  const osakaClinicId = await insertInstitution("osakaClinic");
  await insertInstitution("clinic");
  await insertInstitution("osakaHospital");
  const ministry = await db
    .selectFrom("users")
    .select("id")
    .where("username", "=", ACCOUNTS.ministry.username)
    .executeTakeFirstOrThrow();
  await db
    .insertInto("supplyAgreements")
    .values({ institutionId: osakaClinicId, notedBy: ministry.id, notedAt: clock() })
    .execute();
  for (const key of Object.keys(INSTITUTIONS) as Key[]) {
    const officer =
      INSTITUTIONS[key].prefecture === 13 ? ACCOUNTS.prefecture.username : "e2e-alloc-osaka";
    requestIds.set(key, await accept(key, officer));
  }
  browser = await launchChromium();
}, 900_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

function watch(page: Page, who: string): string[] {
  const problems = collectProblems(page);
  onTestFailed(async ({ task }) => {
    if (page.isClosed()) return;
    await screenshot(
      page,
      `FAILED allocation ${who} ${task.name}`.replace(/[^\p{L}\p{N}]+/gu, "-"),
    );
    console.error(`${who}: at ${page.url()}; page problems: ${problems.join(" | ") || "none"}`);
  });
  return problems;
}

async function step(page: Page, name: string): Promise<void> {
  expect(await scrollsSideways(page), `${name} scrolls sideways`).toBe(false);
  await screenshot(page, `allocation-journey-${name}`);
}

async function signIn(page: Page, username: string): Promise<void> {
  await input(page, "ユーザー名").fill(username);
  await input(page, /^パスワード/).fill(PASSWORD);
  await page.getByRole("button", { name: "ログイン", exact: true }).click();
}

/** Officers sign in on a desk; the ministry's page through its main menu. */
async function openAllocation(page: Page): Promise<void> {
  await page.goto(`${server.url}/review/`);
  await signIn(page, ACCOUNTS.ministry.username);
  await heading(page, "ホーム").waitFor();
  await page
    .getByRole("navigation", { name: "メインメニュー" })
    .getByRole("link", { name: "供給不足時の割当", exact: true })
    .click();
  await heading(page, "供給不足時の割当").waitFor();
}

/** A table's body rows as text, by its caption. */
async function rowsOf(page: Page, caption: string): Promise<string[]> {
  const table = page.getByRole("table", { name: caption });
  await table.waitFor();
  return table.locator("tbody tr").allTextContents();
}

/** The committed run's lines: sets per request (all of size M here), as recorded. */
async function recordedLines() {
  return server.tdb.db
    .selectFrom("allocationLines as l")
    .innerJoin("allocationRuns as r", "r.id", "l.runId")
    .select(["l.requestId", "l.code", "l.size", "l.sets"])
    .where("r.weekStart", "=", WEEK)
    .execute();
}

function setsOf(lines: Awaited<ReturnType<typeof recordedLines>>, key: Key): number {
  return lines
    .filter((line) => line.requestId === requestIds.get(key))
    .reduce((sum, line) => sum + line.sets, 0);
}

/** Failed loads (a signed-out check answers 401) are expected; anything else is not. */
function unexpected(problems: string[]): string[] {
  return problems.filter((problem) => !problem.includes("Failed to load resource"));
}

const rate = (allocated: number, demand: number) =>
  `${(Math.round((allocated / demand) * 1000) / 10).toLocaleString("ja-JP")}%`;

/** The preview's per-prefecture rows, kept to hold against what the commit recorded. */
let previewedPrefectures: string[] = [];

describe("when gloves run short", { timeout: 300_000 }, () => {
  it("before the cutoff the ministry states the supply, fixes the seed and previews the fill rates", async () => {
    setClock(BEFORE_CUTOFF);
    const page = await newDeskPage(browser, clock);
    const problems = watch(page, "ministry");
    await openAllocation(page);
    // This week's cutoff is still ahead: the page opens on the last closed week, so pick ours.
    await page.getByLabel("対象の週").selectOption(WEEK);
    await page.getByRole("heading", { name: "1. この週の供給量（サイズ別）" }).waitFor();

    // Nothing can be previewed before a seed exists.
    await page.getByRole("button", { name: "プレビューする" }).click();
    await page
      .getByText("この週の抽選シードが締切前に決められていないため、割当を計算できません。")
      .waitFor();

    await input(page, "Mサイズの供給").fill(String(SUPPLY_M));
    await input(page, "Lサイズの供給").fill("5");
    await page.getByRole("button", { name: "供給量を保存" }).click();
    await page.getByText("供給量を保存しました。").waitFor();
    const supplies = await server.tdb.db
      .selectFrom("allocationSupplies")
      .select(["size", "sets"])
      .where("weekStart", "=", WEEK)
      .orderBy("size")
      .execute();
    expect(supplies).toEqual([
      { size: "L", sets: 5 },
      { size: "M", sets: SUPPLY_M },
    ]);

    await page.getByRole("button", { name: "抽選シードを決める" }).click();
    await page.getByText("（シード自体は確定時に公開します）").waitFor();
    const seed = await server.tdb.db
      .selectFrom("allocationSeeds")
      .select(["seed", "seedSha256", "revealedAt"])
      .where("weekStart", "=", WEEK)
      .executeTakeFirstOrThrow();
    expect(seed.revealedAt).toBeNull();
    // Only the hash is on the page, never the seed before the cutoff.
    const main = page.getByRole("main");
    await expect(main.textContent()).resolves.toContain(seed.seedSha256);
    await expect(main.textContent()).resolves.not.toContain(seed.seed);

    await page.getByRole("button", { name: "プレビューする" }).click();
    const preview = page.getByRole("region", { name: "プレビューの結果" });
    await preview.getByText("プレビュー（まだ確定していません）").waitFor();
    const sizes = await rowsOf(page, "サイズ別の供給・要望・割当");
    const m = sizes.find((row) => row.startsWith("Mサイズ"));
    expect(m).toBe(
      `Mサイズ${SUPPLY_M}セット${DEMAND}セット${SUPPLY_M}セット不足のためルールで配分`,
    );
    expect(sizes.find((row) => row.startsWith("Lサイズ"))).toBe(
      "Lサイズ5セット0セット0セット要望どおり",
    );
    // Fill rates per tier: the supply agreement's tier first, filled in full.
    const tiers = await rowsOf(page, "順位（ティア）別の充足率");
    // (Tiers are numbered over every combination: only the ones with requests are listed.)
    expect(tiers[0]).toMatch(/^第\d順位協定あり・在庫2週未満1件2セット2セット100%$/);
    expect(tiers.slice(1).every((row) => row.includes("協定なし"))).toBe(true);
    previewedPrefectures = await rowsOf(page, "都道府県別の充足率");
    expect(previewedPrefectures).toHaveLength(2);
    await preview.getByText("都道府県別の充足率（最大）").waitFor();
    // Not before the cutoff: only a note where the commit button will be.
    await preview.getByText("締切後に確定できます（プレビューはいつでもできます）。").waitFor();
    expect(await page.getByRole("button", { name: "この内容で確定する" }).count()).toBe(0);
    await step(page, "01-preview-before-cutoff");

    expect(unexpected(problems)).toEqual([]);
    await page.context().close();

    // Published before the cutoff, for anyone: the seed's hash, never the seed.
    const open = await newDeskPage(browser, clock);
    const openProblems = watch(open, "public");
    await open.goto(`${server.url}/review/open-data`);
    const card = open.getByRole("region", { name: "2027年2月10日（水）17:00締切の週（締切前）" });
    await card.waitFor();
    await expect(card.textContent()).resolves.toContain(seed.seedSha256);
    await expect(open.getByRole("main").textContent()).resolves.not.toContain(seed.seed);
    await step(open, "02-public-before-cutoff");
    expect(unexpected(openProblems)).toEqual([]);
    await open.context().close();
  });

  it("after the cutoff the ministry previews, confirms and commits; the week turns read-only", async () => {
    setClock(AFTER_CUTOFF);
    const page = await newDeskPage(browser, clock);
    const problems = watch(page, "ministry");
    await openAllocation(page);
    // Now the newest closed week: the page opens on it.
    await expect(page.getByLabel("対象の週").inputValue()).resolves.toBe(WEEK);
    await expect(input(page, "Mサイズの供給").inputValue()).resolves.toBe(String(SUPPLY_M));

    await page.getByRole("button", { name: "プレビューする" }).click();
    const preview = page.getByRole("region", { name: "プレビューの結果" });
    await preview.getByText("既定のパラメータ", { exact: false }).waitFor();
    // The same input as before the cutoff: the same fill rates.
    await expect(rowsOf(page, "都道府県別の充足率")).resolves.toEqual(previewedPrefectures);

    // Another officer changes the supply meanwhile: what was previewed is not committed.
    const { caller: other } = await callerOf(ACCOUNTS.ministry.username);
    await other.allocation.stateSupply({ weekStart: WEEK, size: "L", sets: 4 });
    await preview.getByRole("button", { name: "この内容で確定する" }).click();
    const dialog = page.getByRole("dialog", { name: "割当を確定しますか" });
    await dialog.getByRole("button", { name: "確定する" }).click();
    await dialog
      .getByText("プレビューの後に供給量または要請が変わりました", { exact: false })
      .waitFor();
    await expect(
      server.tdb.db.selectFrom("allocationRuns").select("id").execute(),
    ).resolves.toEqual([]);
    await dialog.getByRole("button", { name: "キャンセル" }).click();
    await dialog.waitFor({ state: "hidden" });

    // Previewed again (the week reloaded with it), then committed.
    await page.reload();
    await expect(input(page, "Lサイズの供給").inputValue()).resolves.toBe("4");
    await page.getByRole("button", { name: "プレビューする" }).click();
    await preview.getByText("既定のパラメータ", { exact: false }).waitFor();
    await expect(rowsOf(page, "都道府県別の充足率")).resolves.toEqual(previewedPrefectures);
    await preview.getByRole("button", { name: "この内容で確定する" }).click();
    await dialog.getByText("抽選シードも公開されます", { exact: false }).waitFor();
    await step(page, "03-confirm");
    await dialog.getByRole("button", { name: "確定する" }).click();
    await dialog.waitFor({ state: "hidden" });

    // Read-only: the notice, the supply boxes disabled, no save, no preview; the seed revealed.
    await page.getByText("この週の割当は確定済みです").waitFor();
    await expect(input(page, "Mサイズの供給").isDisabled()).resolves.toBe(true);
    expect(await page.getByRole("button", { name: "供給量を保存" }).count()).toBe(0);
    expect(await page.getByRole("button", { name: "プレビューする" }).count()).toBe(0);
    const seed = await server.tdb.db
      .selectFrom("allocationSeeds")
      .select(["seed", "seedSha256", "revealedAt"])
      .where("weekStart", "=", WEEK)
      .executeTakeFirstOrThrow();
    expect(seed.revealedAt).not.toBeNull();
    expect(seedCommitment(seed.seed)).toBe(seed.seedSha256);
    await page.getByText(seed.seed).waitFor();

    // What the run recorded: all 9 sets, at least one each, none above its limit.
    const lines = await recordedLines();
    expect(lines.every((line) => line.size === "M")).toBe(true);
    expect(lines.reduce((sum, line) => sum + line.sets, 0)).toBe(SUPPLY_M);
    for (const key of Object.keys(INSTITUTIONS) as Key[]) {
      expect(setsOf(lines, key)).toBeGreaterThanOrEqual(1);
      expect(setsOf(lines, key)).toBeLessThanOrEqual(INSTITUTIONS[key].limit);
    }
    // By the published rule, worked by hand: one set each (4), then the agreement's tier
    // its remaining ask (1); the under-a-week tier shares the last 4 by need 8,000 : 6,500
    // (2.2 : 1.8, the spare set to the larger remainder) and the tier below gets no more.
    expect(
      Object.fromEntries(
        (Object.keys(INSTITUTIONS) as Key[]).map((key) => [key, setsOf(lines, key)]),
      ),
    ).toEqual({ hospital: 3, clinic: 1, osakaHospital: 3, osakaClinic: 2 });
    // The previewed fill rates per prefecture are the recorded ones.
    const tokyo = setsOf(lines, "hospital") + setsOf(lines, "clinic");
    const osaka = setsOf(lines, "osakaHospital") + setsOf(lines, "osakaClinic");
    expect(previewedPrefectures).toEqual([
      `東京都2件10セット${tokyo}セット${rate(tokyo, 10)}`,
      `大阪府2件6セット${osaka}セット${rate(osaka, 6)}`,
    ]);
    const reserved = await server.tdb.db
      .selectFrom("productSizes")
      .select("reservedSets")
      .where("size", "=", "M")
      .executeTakeFirstOrThrow();
    expect(reserved.reservedSets).toBe(SUPPLY_M);

    // The run is listed, and replaying its recorded input gives its result byte for byte.
    await page
      .getByRole("button", { name: "2027年2月10日（水）17:00締切の週の割当を再計算して確かめる" })
      .click();
    await page.getByText("記録した結果とバイト単位で一致しました").waitFor();
    await step(page, "04-committed");

    // Opened again, the committed week stays read-only.
    await page.reload();
    await page.getByText("この週の割当は確定済みです").waitFor();
    await expect(input(page, "Mサイズの供給").isDisabled()).resolves.toBe(true);
    expect(await page.getByRole("button", { name: "プレビューする" }).count()).toBe(0);

    expect(unexpected(problems)).toEqual([]);
    await page.context().close();
  });

  it("the hospital sees its sets in units, with the rule and its own numbers, on a phone", async () => {
    const lines = await recordedLines();
    const hospitalLine = lines.find((line) => line.requestId === requestIds.get("hospital"));
    expect(hospitalLine, "the hospital was allocated sets").toBeDefined();
    const sets = hospitalLine?.sets ?? 0;

    const page = await newPhonePage(browser, clock);
    const problems = watch(page, "hospital");
    await page.goto(`${server.url}/institution/`);
    await signIn(page, ACCOUNTS.institution.username);
    await page.getByRole("button", { name: "メニュー" }).click();
    await page
      .getByRole("navigation", { name: "メインメニュー" })
      .getByRole("link", { name: "割当のセット数", exact: true })
      .click();
    await heading(page, "割当のセット数").waitFor();

    const allocated = page.getByRole("list", { name: "サイズ別の割当" });
    await allocated.getByText(`Mサイズ ${sets}セット`, { exact: true }).waitFor();
    await expect(allocated.textContent()).resolves.toContain(
      `要望 ${INSTITUTIONS.hospital.limit}セット・供給不足のためルールで配分`,
    );
    await page
      .getByText(`合計 ${sets}セット（${(sets * 1000).toLocaleString("ja-JP")}枚）`)
      .waitFor();
    await page.getByRole("region", { name: "2027年2月10日（水）17:00締切の週の割当" }).waitFor();

    // Its own numbers, the ones the rule used.
    const numbers = (await page.locator('dl[aria-label="割当の根拠"]').textContent()) ?? "";
    expect(numbers).toContain("第4順位（全6順位）・協定なし・在庫1週未満");
    expect(numbers).toContain("抽選で得たセット0セット");
    expect(numbers).toContain("0.8週（在庫 2,000枚 ÷ 1週間あたり 2,500枚）");
    expect(numbers).toContain("3,000枚・500枚");
    expect(numbers).toContain("8,000枚（2,500枚 × 4週 − 在庫 2,000枚、0未満は0）");
    expect(numbers).toContain("供給協定なし");
    expect(numbers).toContain("6セット（6,000枚）");
    expect(numbers).toContain(hospitalLine?.code ?? "");
    // The rule, as applied.
    const rule = page.getByRole("region", { name: "割当のルール" });
    await expect(rule.textContent()).resolves.toContain("ルール sos-allocation/1");
    await expect(rule.textContent()).resolves.toContain("供給協定のある医療機関が先");
    await step(page, "05-institution-phone");
    // Nothing of the other institutions' requests.
    const text = (await page.getByRole("main").textContent()) ?? "";
    for (const key of ["clinic", "osakaHospital", "osakaClinic"] as const) {
      const other = lines.find((line) => line.requestId === requestIds.get(key));
      expect(text).not.toContain(other?.code ?? "-");
    }

    expect(unexpected(problems)).toEqual([]);
    await page.context().close();
  });

  it("the public page shows the seed revealed at commit, matching the hash published before", async () => {
    const seed = await server.tdb.db
      .selectFrom("allocationSeeds")
      .select(["seed", "seedSha256"])
      .where("weekStart", "=", WEEK)
      .executeTakeFirstOrThrow();
    const run = await server.tdb.db
      .selectFrom("allocationRuns")
      .select("resultJson")
      .where("weekStart", "=", WEEK)
      .executeTakeFirstOrThrow();

    const page = await newDeskPage(browser, clock);
    const problems = watch(page, "public");
    await page.goto(`${server.url}/review/open-data`);
    await heading(page, "公開情報（供給不足時の割当・週次集計）").waitFor();
    const week = page.getByRole("region", { name: "2027年2月10日（水）17:00締切の週（確定済み）" });
    await week.waitFor();
    await expect(week.textContent()).resolves.toContain(seed.seedSha256);
    await week.getByText(seed.seed, { exact: true }).waitFor();
    const resultHref = await week
      .getByRole("link", { name: /の結果ファイル/ })
      .getAttribute("href");
    const result = await page.request.get(`${server.url}${resultHref}`);
    expect(result.status()).toBe(200);
    expect(await result.text()).toBe(run.resultJson);
    await step(page, "06-public");

    expect(unexpected(problems)).toEqual([]);
    await page.context().close();
  });
});
