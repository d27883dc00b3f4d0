import { readFile } from "node:fs/promises";
import { createCaller } from "@sos/api";
import { createTestContext } from "@sos/api/testing";
import { hashPassword, toSessionUser } from "@sos/auth";
import { surveyWeekOf } from "@sos/rules";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it, onTestFailed } from "vitest";
import { startTestServer, type TestServer } from "../support/test-server";
import { ACCOUNTS, insertAccounts, PASSWORD } from "./accounts";
import { APPS_DIR, ensureBuilt } from "./app-builds";
import {
  collectProblems,
  launchChromium,
  newPhonePage,
  newTestPage,
  screenshot,
  scrollsSideways,
} from "./browser";
import { heading, input } from "./page";

/**
 * The review console in the built app over the real server and a fresh database: a
 * Tokyo officer works through the queue with the keyboard and completes a request
 * (moving on to the next one), the ministry approves it, lists it for the vendor and
 * exports the publication file, and the institution sees 受付完了 with its limit. An
 * Osaka officer never sees Tokyo's requests. The server runs on the real clock.
 */

/** A PC: the console is worked at a desk, through queues of hundreds. */
const DESKTOP_VIEWPORT = { width: 1440, height: 960 };

const OSAKA = { username: "e2e-osaka", displayName: "田中 優子" } as const;
const CLINIC = {
  username: "e2e-review-clinic",
  displayName: "小林 誠",
  institutionName: "神田内科クリニック",
} as const;
/** Two Osaka institutions whose requests the Osaka officer has completed: the batch approval. */
const OSAKA_HOSPITALS = [
  { username: "e2e-naniwa", name: "なにわ記念病院", code: "2700000001" },
  { username: "e2e-sakai", name: "堺みなと病院", code: "2700000002" },
] as const;
const HOSPITAL_NAME = "千代田中央病院";
const HOSPITAL_CONTACT = "𠮷田 花子";

let server: TestServer;
let browser: Browser;
let hospitalRequestId: string;
let clinicRequestId: string;

/** The API as a user calls it (a page of another app, or an officer's earlier work). */
async function callerAs(username: string) {
  const db = server.tdb.db;
  const user = await db
    .selectFrom("users")
    .selectAll()
    .where("username", "=", username)
    .executeTakeFirstOrThrow();
  const caller = createCaller(
    createTestContext(db, {
      user: toSessionUser(user),
      session: { id: `e2e-${username}` },
      config: { publicBaseUrl: server.url },
    }),
  );
  return { user, caller };
}

/** Files a request the way the institution's pages do: this week's survey, 新規 → 保存, 申請. */
async function fileRequest(username: string, contactName: string): Promise<string> {
  const db = server.tdb.db;
  const { user, caller } = await callerAs(username);
  const now = new Date();
  await db
    .insertInto("weeklySurveys")
    .values({
      institutionId: user.institutionId ?? "",
      weekStart: surveyWeekOf(now).weekStart,
      createdAt: now,
      updatedAt: now,
      // Eligible: 2,000 < (1,000 − 400) × 4 = 2,400; limit 2 sets; 3.3 weeks of cover.
      stock: 2000,
      consumption: 1000,
      purchases: 400,
      answeredAt: now,
      answeredBy: user.id,
    })
    .execute();
  const draft = await caller.sos.create({
    contactName,
    contactPhone: "03-1234-5678",
    notes: "ニトリル手袋Mサイズが不足しています。",
    conditionsConfirmed: true,
  });
  const applied = await caller.sos.checkAndApply({ id: draft.id, version: draft.version });
  expect(applied.outcome).toBe("reviewing");
  return draft.id;
}

beforeAll(async () => {
  await ensureBuilt("review");
  await ensureBuilt("institution");
  server = await startTestServer({ appsDir: APPS_DIR });
  const db = server.tdb.db;
  await insertAccounts(db);
  await db
    .insertInto("prefectures")
    .values({ code: 27, name: "大阪府", nameEn: "Osaka" })
    .onConflict((oc) => oc.doNothing())
    .execute();
  const clinic = await db
    .insertInto("institutions")
    .values({
      code: "1300000002",
      name: CLINIC.institutionName,
      type: "clinic",
      prefectureCode: 13,
      postcode: "1010047",
      address: "東京都千代田区内神田1-1",
      phone: "0332345678",
      email: "clinic@example.jp",
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  const passwordHash = await hashPassword(PASSWORD);
  await db
    .insertInto("users")
    .values([
      {
        username: CLINIC.username,
        displayName: CLINIC.displayName,
        email: `${CLINIC.username}@example.jp`,
        role: "institution",
        institutionId: clinic.id,
        prefectureCode: null,
        passwordHash,
      },
      {
        username: OSAKA.username,
        displayName: OSAKA.displayName,
        email: `${OSAKA.username}@example.jp`,
        role: "prefecture",
        institutionId: null,
        prefectureCode: 27,
        passwordHash,
      },
    ])
    .execute();

  for (const [index, osaka] of OSAKA_HOSPITALS.entries()) {
    const institution = await db
      .insertInto("institutions")
      .values({
        code: osaka.code,
        name: osaka.name,
        type: "hospital",
        prefectureCode: 27,
        postcode: "5300001",
        address: `大阪府大阪市北区梅田${index + 1}-1`,
        phone: "0661234567",
        email: `${osaka.username}@example.jp`,
      })
      .returning("id")
      .executeTakeFirstOrThrow();
    await db
      .insertInto("users")
      .values({
        username: osaka.username,
        displayName: `${osaka.name}担当`,
        email: `${osaka.username}@example.jp`,
        role: "institution",
        institutionId: institution.id,
        prefectureCode: null,
        passwordHash,
      })
      .execute();
  }

  // The hospital files first, so it heads the queues (oldest filing first). Its contact's
  // name has 𠮷 (U+20BB7), which Shift_JIS cannot hold.
  hospitalRequestId = await fileRequest(ACCOUNTS.institution.username, HOSPITAL_CONTACT);
  clinicRequestId = await fileRequest(CLINIC.username, CLINIC.displayName);
  const { caller: osakaOfficer } = await callerAs(OSAKA.username);
  for (const osaka of OSAKA_HOSPITALS) {
    const id = await fileRequest(osaka.username, `${osaka.name}担当`);
    const filed = await osakaOfficer.review.get({ id });
    await osakaOfficer.review.savePrefectureReview({
      id,
      expectedVersion: filed.version,
      supplyNeeded: true,
      quantitySets: null,
      complete: true,
    });
  }

  browser = await launchChromium();
}, 600_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

async function newDesktopPage(): Promise<Page> {
  return newTestPage(browser, { viewport: DESKTOP_VIEWPORT, acceptDownloads: true });
}

/** A page that, if the test fails, leaves a screenshot and its console problems behind. */
async function watched(page: Page): Promise<{ page: Page; problems: string[] }> {
  const problems = collectProblems(page);
  onTestFailed(async ({ task }) => {
    if (page.isClosed()) return;
    await screenshot(page, `FAILED review ${task.name}`.replace(/[^\p{L}\p{N}]+/gu, "-"));
    console.error(
      `${task.name}: at ${page.url()}; page problems: ${problems.join(" | ") || "none"}`,
    );
  });
  return { page, problems };
}

async function step(page: Page, name: string): Promise<void> {
  expect(await scrollsSideways(page), `${name} scrolls sideways`).toBe(false);
  await screenshot(page, `review-journey-${name}`);
}

async function signIn(page: Page, username: string): Promise<void> {
  await input(page, "ユーザー名").fill(username);
  await input(page, /^パスワード/).fill(PASSWORD);
  await page.getByRole("button", { name: "ログイン", exact: true }).click();
}

/** Through the main menu, shown under the header on a PC. */
async function openFromMenu(page: Page, label: string): Promise<void> {
  await page
    .getByRole("navigation", { name: "メインメニュー" })
    .getByRole("link", { name: label, exact: true })
    .click();
  await heading(page, label).waitFor();
}

function menuLabels(page: Page): Promise<string[]> {
  return page
    .getByRole("navigation", { name: "メインメニュー" })
    .getByRole("link")
    .allTextContents();
}

/** The queue's rows, by the institution named in each. */
function queueRows(page: Page) {
  return page.locator("tbody tr[data-row-id]");
}

/** What has the keyboard focus, told by a few attributes (the server has no DOM types). */
function focused(page: Page): Promise<string> {
  return page.evaluate<string>(
    "(() => { const el = document.activeElement; return el ? [el.tagName.toLowerCase(), el.getAttribute('type'), el.getAttribute('value'), el.textContent].join('|') : ''; })()",
  );
}

/** Failed loads (our 404s of a refused request) are expected; anything else is not. */
function unexpected(problems: string[]): string[] {
  return problems.filter((problem) => !problem.includes("Failed to load resource"));
}

async function requestRow(id: string) {
  return server.tdb.db
    .selectFrom("sosRequests as r")
    .leftJoin("prefectureReviews as pr", "pr.requestId", "r.id")
    .leftJoin("ministryApprovals as ma", "ma.requestId", "r.id")
    .select([
      "r.status",
      "r.reviewStage",
      "r.version",
      "pr.supplyNeeded",
      "pr.quantitySets",
      "pr.completedAt",
      "ma.quantitySets as approvedSets",
    ])
    .where("r.id", "=", id)
    .executeTakeFirstOrThrow();
}

describe("the review console", { timeout: 240_000 }, () => {
  it("a Tokyo officer completes a request from the queue with the keyboard and moves on to the next", async () => {
    const { page, problems } = await watched(await newDesktopPage());
    await page.goto(`${server.url}/review/`);
    await signIn(page, ACCOUNTS.prefecture.username);
    await heading(page, "ホーム").waitFor();
    // The prefecture's menu: no ministry pages.
    await expect(menuLabels(page)).resolves.toEqual(["ホーム", "確認待ちの要請", "招待の不達"]);
    await page.getByText(/確認期限（[^）]+）まで/).waitFor();
    await page.getByText("確認待ちの要請が 2件 あります。").waitFor();
    await step(page, "01-prefecture-home");

    await openFromMenu(page, "確認待ちの要請");
    const table = page.getByRole("table", { name: "東京都の要請" });
    await table.waitFor();
    await expect.poll(() => queueRows(page).count()).toBe(2);
    await expect(queueRows(page).first().textContent()).resolves.toContain(HOSPITAL_NAME);
    // Figures, the rule and the limit on the row itself.
    const hospitalRow = queueRows(page).filter({ hasText: HOSPITAL_NAME });
    const rowText = (await hospitalRow.textContent()) ?? "";
    expect(rowText).toContain("2,000");
    expect(rowText).toContain("2セット");
    expect(rowText).toContain("3.3週");
    await step(page, "02-prefecture-queue");

    // j / k move between the rows, Enter opens.
    await page.getByRole("region", { name: "東京都の要請" }).focus();
    await page.keyboard.press("j");
    await expect.poll(() => focused(page)).toContain(HOSPITAL_NAME);
    await page.keyboard.press("j");
    await expect.poll(() => focused(page)).toContain(CLINIC.institutionName);
    await page.keyboard.press("k");
    await expect.poll(() => focused(page)).toContain(HOSPITAL_NAME);
    await page.keyboard.press("Enter");
    await heading(page, HOSPITAL_NAME).waitFor();
    expect(page.url()).toBe(`${server.url}/review/requests/${hospitalRequestId}`);

    // What the decision rests on: the institution, the figures worked out, the limit.
    const main = page.getByRole("main");
    await page.getByRole("region", { name: "配布条件の判定" }).waitFor();
    const calculation =
      (await page.getByRole("region", { name: "配布条件の判定" }).textContent()) ?? "";
    expect(calculation).toContain("購入上限数（算定値）");
    expect(calculation).toContain("2セット");
    expect(calculation).toContain("3.3週");
    expect(calculation).toContain("① 2,000枚 ＜ 2,400枚");
    await expect(main.textContent()).resolves.toContain("1300000001");
    await page
      .getByRole("region", { name: "対応履歴" })
      .getByText("システムチェック&申請")
      .first()
      .waitFor();
    await page.getByText("このページの 1 / 2 件目").waitFor();
    await step(page, "03-prefecture-request");

    // 配送要否 要, the quantity left at the computed limit; complete.
    const form = page.getByRole("form", { name: "都道府県の確認入力" });
    await expect(input(page, "数量（セット）").inputValue()).resolves.toBe("2");
    await form.getByRole("radio", { name: /必要/ }).check();
    await form.getByRole("button", { name: "都道府県確認を完了" }).click();
    await page.getByRole("dialog").getByRole("button", { name: "完了する" }).click();

    // On to the next request of the queue, the keyboard already in its form.
    await heading(page, CLINIC.institutionName).waitFor();
    expect(page.url()).toBe(`${server.url}/review/requests/${clinicRequestId}`);
    await page.getByText(`「${HOSPITAL_NAME}」の都道府県確認を完了しました`).waitFor();
    await expect.poll(() => focused(page)).toMatch(/^input\|radio\|yes\|/);
    await step(page, "04-next-request");
    const completed = await requestRow(hospitalRequestId);
    expect(completed).toMatchObject({
      status: "reviewing",
      reviewStage: "ministry",
      supplyNeeded: true,
      quantitySets: 2,
    });
    expect(completed.completedAt).not.toBeNull();

    // Another officer saves this one meanwhile: the save is refused, nothing overwritten.
    await page.keyboard.press("Space");
    await server.tdb.db
      .updateTable("sosRequests")
      .set((eb) => ({ version: eb("version", "+", 1) }))
      .where("id", "=", clinicRequestId)
      .execute();
    await form.getByRole("button", { name: "一時保存" }).click();
    await page
      .getByText("他の担当者が先に更新しました。最新の内容を確認してください。")
      .first()
      .waitFor();
    await step(page, "05-conflict");
    expect((await requestRow(clinicRequestId)).supplyNeeded).toBeNull();
    await page.getByRole("button", { name: "最新の内容を読み込む" }).click();
    await expect
      .poll(() => page.getByRole("button", { name: "最新の内容を読み込む" }).count())
      .toBe(0);
    await form.getByRole("radio", { name: /必要/ }).check();
    await form.getByRole("button", { name: "一時保存" }).click();
    await page.getByText("一時保存しました。まだ国には送られていません。").waitFor();
    const draft = await requestRow(clinicRequestId);
    expect(draft).toMatchObject({ reviewStage: "prefecture", supplyNeeded: true, quantitySets: 2 });
    expect(draft.completedAt).toBeNull();

    // Back to the queue: the completed request has gone to the ministry.
    await page.getByRole("link", { name: "要請の一覧へ" }).click();
    await heading(page, "確認待ちの要請").waitFor();
    await expect.poll(() => queueRows(page).count()).toBe(1);
    await expect(queueRows(page).first().textContent()).resolves.toContain(CLINIC.institutionName);

    // Filters live in the address: 国確認中 shows the completed one; back returns.
    await page.getByLabel("状態").selectOption({ label: "国確認中" });
    await page.getByRole("button", { name: "絞り込む" }).click();
    await page.waitForURL(/stage=ministry/);
    // The previous rows stay (dimmed) until the new ones arrive.
    await expect
      .poll(async () => (await queueRows(page).allTextContents()).join("|"))
      .toMatch(new RegExp(`^[^|]*${HOSPITAL_NAME}[^|]*$`));
    await step(page, "06-queue-filtered");
    await page.reload();
    await expect
      .poll(async () => (await queueRows(page).allTextContents()).join("|"))
      .toMatch(new RegExp(`^[^|]*${HOSPITAL_NAME}[^|]*$`));
    await expect(page.getByLabel("状態").inputValue()).resolves.toBe("reviewing:ministry");
    await page.goBack();
    await expect.poll(() => page.url()).toBe(`${server.url}/review/requests`);
    await expect
      .poll(async () => (await queueRows(page).allTextContents()).join("|"))
      .toMatch(new RegExp(`^[^|]*${CLINIC.institutionName}[^|]*$`));
    await expect(page.getByLabel("状態").inputValue()).resolves.toBe("reviewing:prefecture");

    // The ministry's pages are not the prefecture's.
    await page.goto(`${server.url}/review/target-lists`);
    await page.getByText("このページは利用できません").waitFor();

    expect(unexpected(problems)).toEqual([]);
    await page.context().close();
  });

  it("the ministry approves it, lists it for the vendor and exports the publication file", async () => {
    const { page, problems } = await watched(await newDesktopPage());
    await page.goto(`${server.url}/review/`);
    await signIn(page, ACCOUNTS.ministry.username);
    await heading(page, "ホーム").waitFor();
    await expect(menuLabels(page)).resolves.toEqual([
      "ホーム",
      "要請の確認・承認",
      "進捗状況",
      "対象医療機関リスト",
      "措置",
      "公表用一覧",
      "供給不足時の割当",
      "医療機関名簿",
      "医療機関の招待",
      "アカウント管理",
      "権限の一覧",
    ]);

    await openFromMenu(page, "進捗状況");
    // The page opens on the round officers are working on; between Wednesday 18:35 and
    // Thursday 17:00 that is the previous survey week, so name the requests' week.
    await page.getByLabel("対象の週").selectOption(surveyWeekOf(new Date()).weekStart);
    const progress = page.getByRole("table", { name: /都道府県別の進捗/ });
    await progress.waitFor();
    await expect
      .poll(() => progress.getByRole("row").filter({ hasText: "東京都" }).textContent())
      .toMatch(/2/);
    await step(page, "07-ministry-progress");

    // The ministry's queue starts at what waits for it: the requests prefectures completed.
    await openFromMenu(page, "要請の確認・承認");
    await page.getByRole("table", { name: "全国の要請" }).waitFor();
    await expect.poll(() => queueRows(page).count()).toBe(3);
    const row = queueRows(page).first();
    await expect(row.textContent()).resolves.toContain(HOSPITAL_NAME);
    await expect(row.textContent()).resolves.toContain("東京都");
    await expect(queueRows(page).nth(1).textContent()).resolves.toContain("大阪府");
    await step(page, "08-ministry-queue");

    await row.getByRole("link", { name: HOSPITAL_NAME }).click();
    await heading(page, HOSPITAL_NAME).waitFor();
    const decision = page.getByRole("form", { name: "国の確認" });
    await expect(decision.textContent()).resolves.toContain("都道府県の入力");
    await expect(input(page, "承認する数量（セット）").inputValue()).resolves.toBe("2");
    await step(page, "09-ministry-request");
    await decision.getByRole("button", { name: "承認（受付完了）" }).click();
    const confirm = page.getByRole("dialog", { name: `「${HOSPITAL_NAME}」の要請を承認します` });
    await confirm.waitFor();
    await confirm.getByRole("button", { name: "承認する" }).click();

    // On to the next request waiting for the ministry.
    await heading(page, OSAKA_HOSPITALS[0].name).waitFor();
    await page.getByText(`「${HOSPITAL_NAME}」の要請を承認しました（受付完了）`).waitFor();
    await expect.poll(() => focused(page)).toMatch(/^input\|/);
    expect(await requestRow(hospitalRequestId)).toMatchObject({
      status: "accepted",
      reviewStage: null,
      approvedSets: 2,
    });

    // The other two at once: selected with the keyboard, approved in one go.
    await page.getByRole("link", { name: "要請の一覧へ" }).click();
    await heading(page, "要請の確認・承認").waitFor();
    await expect.poll(() => queueRows(page).count()).toBe(2);
    await page.getByRole("region", { name: "全国の要請" }).focus();
    for (const key of ["j", "x", "j", "x"]) await page.keyboard.press(key);
    const bar = page.getByRole("region", { name: "選択した要請の一括承認" });
    await bar.getByText("2件を選択中").waitFor();
    await step(page, "10-batch-selected");
    await bar.getByRole("button", { name: "2件を承認" }).click();
    const batch = page.getByRole("dialog", { name: "2件の要請を承認します" });
    await expect(batch.textContent()).resolves.toContain(OSAKA_HOSPITALS[1].name);
    await batch.getByRole("button", { name: "2件を承認する" }).click();
    await page.getByText("2件の要請を承認しました").waitFor();
    await expect.poll(() => queueRows(page).count()).toBe(0);
    await page.getByText("国確認待ちの要請はありません。").waitFor();
    await step(page, "10-approved");
    const accepted = await server.tdb.db
      .selectFrom("sosRequests")
      .select("id")
      .where("status", "=", "accepted")
      .execute();
    expect(accepted).toHaveLength(3);

    // ④ the list for the vendor, then its files.
    await openFromMenu(page, "対象医療機関リスト");
    await page.getByText("3件（合計 6セット（6,000枚））").waitFor();
    await page.getByRole("button", { name: "第1号のリストを発行" }).click();
    const issue = page.getByRole("dialog", { name: "対象医療機関リスト 第1号を発行します" });
    await issue.waitFor();
    await issue.getByRole("button", { name: "発行する" }).click();
    await page.getByText("第1号のリストを発行しました").waitFor();
    const utf8 = page.getByRole("link", { name: "UTF-8でダウンロード" });
    const href = await utf8.getAttribute("href");
    expect(href).toMatch(/^\/api\/target-lists\/[0-9a-f-]{36}\.csv\?encoding=utf8$/);
    const file = await page.request.get(`${server.url}${href}`);
    expect(file.status()).toBe(200);
    const csv = await file.text();
    expect(csv).toContain(HOSPITAL_NAME);
    expect(csv).toContain(HOSPITAL_CONTACT);
    expect(csv).toContain("1300000001");

    // Shift_JIS: what it cannot hold is listed first, and the file is offered only once
    // the replacement is accepted.
    await page.getByText("Shift_JISで表せない文字が1か所あります").waitFor();
    const lost = page.getByRole("region", { name: "Shift_JISで表せない文字の一覧" });
    await expect(lost.textContent()).resolves.toContain("U+20BB7");
    await expect(lost.textContent()).resolves.toContain(HOSPITAL_NAME);
    expect(await page.getByRole("link", { name: /Shift_JISでダウンロード/ }).count()).toBe(0);
    await step(page, "11-target-list");
    const refused = await page.request.get(`${server.url}${href?.replace("utf8", "sjis")}`);
    expect(refused.status()).toBe(412);
    await page.getByLabel(/置き換わることを了承して/).check();
    const sjis = page.getByRole("link", { name: /Shift_JISでダウンロード/ });
    const sjisHref = await sjis.getAttribute("href");
    expect(sjisHref).toMatch(/encoding=sjis&replace=1$/);
    const sjisFile = await page.request.get(`${server.url}${sjisHref}`);
    expect(sjisFile.status()).toBe(200);
    const decoded = new TextDecoder("shift_jis").decode(await sjisFile.body());
    expect(decoded).toContain(HOSPITAL_NAME);
    expect(decoded).toContain("〓田 花子");

    await page.getByRole("link", { name: "第1号に載せた医療機関の一覧を見る" }).click();
    await heading(page, "対象医療機関リスト 第1号").waitFor();
    await page
      .getByRole("table", { name: "第1号に載せた医療機関" })
      .getByText(HOSPITAL_NAME)
      .waitFor();

    // The publishable list of the week, saved from the API's answer as a file.
    await openFromMenu(page, "公表用一覧");
    await page.getByLabel("対象の週").selectOption(surveyWeekOf(new Date()).weekStart);
    const downloading = page.waitForEvent("download");
    await page.getByRole("button", { name: "CSVをダウンロード" }).click();
    const download = await downloading;
    expect(download.suggestedFilename()).toMatch(/^緊急配布_公表用一覧_\d{8}週\.csv$/);
    const saved = await readFile((await download.path()) ?? "", "utf8");
    expect(saved.charCodeAt(0)).toBe(0xfeff);
    expect(saved).toContain(`${HOSPITAL_NAME},東京都,2,2000`);
    expect(saved).toContain(`${OSAKA_HOSPITALS[0].name},大阪府,2,2000`);
    await page.getByText("3件、合計 6セット（6,000枚）。").waitFor();
    await step(page, "12-publication");

    // A measure (consent term ④): an unknown code is refused at the field; then lifted.
    await openFromMenu(page, "措置");
    const sanction = page.getByRole("form", { name: "措置の登録" });
    await input(page, /医療機関コード/).fill("9999999999");
    await input(page, /措置の理由/).fill("転売が確認されたため");
    await sanction.getByRole("button", { name: "措置を登録…" }).click();
    // Looked up before any confirmation: no dialog for a code that names no one.
    await page.getByText("指定した医療機関が見つかりません", { exact: false }).first().waitFor();
    expect(await page.getByRole("dialog").count()).toBe(0);
    await input(page, /医療機関コード/).fill("1300000002");
    await sanction.getByRole("button", { name: "措置を登録…" }).click();
    const sanctionDialog = page.getByRole("dialog", {
      name: `「${CLINIC.institutionName}」に措置を登録します`,
    });
    await sanctionDialog.getByText("東京都・", { exact: false }).waitFor();
    await sanctionDialog.getByRole("button", { name: "措置を登録する" }).click();
    await page.getByText("（医療機関コード 1300000002）への措置を登録しました").waitFor();
    const measures = page.getByRole("table", { name: "措置の一覧" });
    await measures.getByText(CLINIC.institutionName).waitFor();
    await step(page, "13-sanction");
    await measures.getByRole("button", { name: `${CLINIC.institutionName}への措置を解除` }).click();
    const liftDialog = page.getByRole("dialog", {
      name: `「${CLINIC.institutionName}」への措置を解除します`,
    });
    await liftDialog.getByLabel(/解除の理由/).fill("誤登録のため");
    await liftDialog.getByRole("button", { name: "解除する" }).click();
    await liftDialog.waitFor({ state: "hidden" });
    await expect.poll(() => measures.textContent()).toContain("解除済み");
    const measure = await server.tdb.db
      .selectFrom("sanctions")
      .select(["reason", "liftReason"])
      .executeTakeFirstOrThrow();
    expect(measure).toEqual({ reason: "転売が確認されたため", liftReason: "誤登録のため" });

    expect(unexpected(problems)).toEqual([]);
    await page.context().close();
  });

  it("the institution's request page shows 受付完了 with its limit", async () => {
    const { page, problems } = await watched(await newPhonePage(browser));
    await page.goto(`${server.url}/institution/requests/${hospitalRequestId}`);
    await signIn(page, ACCOUNTS.institution.username);
    await heading(page, "緊急配布要請").waitFor();
    expect(page.url()).toBe(`${server.url}/institution/requests/${hospitalRequestId}`);
    await expect
      .poll(() => page.locator(".sos-page-header .sos-status").textContent())
      .toBe("受付完了");
    const decision = page.getByRole("region", { name: "確認結果" });
    await expect(decision.textContent()).resolves.toContain("2セット（2,000枚）");
    await step(page, "14-institution-accepted");
    expect(unexpected(problems)).toEqual([]);
    await page.context().close();
  });

  it("an Osaka officer never sees Tokyo's requests", async () => {
    const { page, problems } = await watched(await newDesktopPage());
    await page.goto(`${server.url}/review/requests?status=all`);
    await signIn(page, OSAKA.username);
    await heading(page, "確認待ちの要請").waitFor();
    await page.getByRole("table", { name: "大阪府の要請" }).waitFor();
    // Its own prefecture's, every status: the two approved ones, and nothing of Tokyo's.
    await expect.poll(() => queueRows(page).count()).toBe(2);
    await expect(queueRows(page).allTextContents()).resolves.toEqual([
      expect.stringContaining(OSAKA_HOSPITALS[0].name),
      expect.stringContaining(OSAKA_HOSPITALS[1].name),
    ]);
    await expect(page.getByRole("main").textContent()).resolves.not.toContain(HOSPITAL_NAME);
    await step(page, "15-osaka-queue");

    // Not even by its address.
    await page.goto(`${server.url}/review/requests/${hospitalRequestId}`);
    await page.getByText("要請を表示できませんでした").waitFor();
    await expect(page.getByRole("main").textContent()).resolves.not.toContain(HOSPITAL_NAME);
    expect(unexpected(problems)).toEqual([]);
    await page.context().close();
  });

  it("a prefecture officer's queue and request pages fit a phone", async () => {
    const { page, problems } = await watched(await newPhonePage(browser));
    await page.goto(`${server.url}/review/requests`);
    await signIn(page, ACCOUNTS.prefecture.username);
    await heading(page, "確認待ちの要請").waitFor();
    await queueRows(page).first().waitFor();
    await step(page, "16-phone-queue");
    await queueRows(page).first().getByRole("link").first().click();
    await heading(page, CLINIC.institutionName).waitFor();
    await page.getByRole("form", { name: "都道府県の確認入力" }).waitFor();
    await step(page, "17-phone-request");
    expect(unexpected(problems)).toEqual([]);
    await page.context().close();
  });
});
