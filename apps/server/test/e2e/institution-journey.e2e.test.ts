import { createCaller } from "@sos/api";
import { createTestContext } from "@sos/api/testing";
import { hashPassword, toSessionUser } from "@sos/auth";
import { CONDITIONS_CONFIRMATION_LABEL, CONDITIONS_NOT_CONFIRMED_MESSAGE } from "@sos/domain";
import { addDaysYmd, surveyWeekOf } from "@sos/rules";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it, onTestFailed } from "vitest";
import { startTestServer, type TestServer } from "../support/test-server";
import { ACCOUNTS, insertAccounts, PASSWORD } from "./accounts";
import { APPS_DIR, ensureBuilt } from "./app-builds";
import {
  collectProblems,
  launchChromium,
  newPhonePage,
  screenshot,
  scrollsSideways,
} from "./browser";
import { heading, input } from "./page";

/**
 * An institution's week on a phone, in the built app over the real server and a fresh
 * database: answer the survey, self-check, file a request and apply; the prefecture's
 * officer is mailed. Also the way back from a failed check, and the self-check
 * signed out. The server runs on the real clock; the pages create this week's survey.
 */

/** A second institution of the same prefecture, for the failed check (one open request per week). */
const CLINIC = {
  username: "e2e-clinic",
  displayName: "小林 誠",
  institutionName: "神田内科クリニック",
} as const;

/** Past weeks already answered by the hospital: more than one page of the survey list. */
const PAST_WEEKS = 12;

let server: TestServer;
let browser: Browser;
let hospitalId: string;

beforeAll(async () => {
  await ensureBuilt("institution");
  server = await startTestServer({ appsDir: APPS_DIR });
  const db = server.tdb.db;
  await insertAccounts(db);
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
  await db
    .insertInto("users")
    .values({
      username: CLINIC.username,
      displayName: CLINIC.displayName,
      email: `${CLINIC.username}@example.jp`,
      role: "institution",
      institutionId: clinic.id,
      prefectureCode: null,
      passwordHash: await hashPassword(PASSWORD),
    })
    .execute();

  const hospitalUser = await db
    .selectFrom("users")
    .select(["id", "institutionId"])
    .where("username", "=", ACCOUNTS.institution.username)
    .executeTakeFirstOrThrow();
  hospitalId = hospitalUser.institutionId ?? "";
  const thisWeek = surveyWeekOf(new Date()).weekStart;
  const answeredAt = new Date(Date.now() - 7 * 24 * 60 * 60 * 1000);
  await db
    .insertInto("weeklySurveys")
    .values(
      Array.from({ length: PAST_WEEKS }, (_, index) => ({
        institutionId: hospitalId,
        weekStart: addDaysYmd(thisWeek, -7 * (index + 1)),
        createdAt: answeredAt,
        updatedAt: answeredAt,
        stock: 5000,
        consumption: 1000,
        purchases: 800,
        answeredAt,
        answeredBy: hospitalUser.id,
      })),
    )
    .execute();

  browser = await launchChromium();
}, 600_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

async function openPage(): Promise<{ page: Page; problems: string[] }> {
  const page = await newPhonePage(browser);
  const problems = collectProblems(page);
  onTestFailed(async ({ task }) => {
    if (page.isClosed()) return;
    await screenshot(page, `FAILED ${task.name}`.replace(/[^\p{L}\p{N}]+/gu, "-"));
    console.error(
      `${task.name}: at ${page.url()}; page problems: ${problems.join(" | ") || "none"}`,
    );
  });
  return { page, problems };
}

/** Screenshot of the step, after checking nothing on it makes a 375 px screen scroll sideways. */
async function step(page: Page, name: string): Promise<void> {
  expect(await scrollsSideways(page), `${name} scrolls sideways`).toBe(false);
  await screenshot(page, `institution-journey-${name}`);
}

/** A text box by its label (the label also reads 必須). */
async function signIn(page: Page, username: string): Promise<void> {
  await input(page, "ユーザー名").fill(username);
  await input(page, /^パスワード/).fill(PASSWORD);
  await page.getByRole("button", { name: "ログイン", exact: true }).click();
}

/** Through the main menu, which sits behind the header's menu button on a phone. */
async function openFromMenu(page: Page, label: string): Promise<void> {
  await page.getByRole("button", { name: "メニュー" }).click();
  await page
    .getByRole("navigation", { name: "メインメニュー" })
    .getByRole("link", { name: label, exact: true })
    .click();
  await heading(page, label).waitFor();
}

async function answerSurvey(page: Page, figures: [string, string, string]): Promise<void> {
  await input(page, /① 在庫量/).fill(figures[0]);
  await input(page, /② 1週間の想定消費量/).fill(figures[1]);
  await input(page, /③ 1週間の購入見込み量/).fill(figures[2]);
}

async function saveSurvey(page: Page): Promise<void> {
  await page.getByRole("button", { name: "保存", exact: true }).click();
  await page.getByRole("status").filter({ hasText: "週次調査の回答を保存しました。" }).waitFor();
  // Every saved answer has a receipt the institution sees: the one the server just issued.
  const receipt = await server.tdb.db
    .selectFrom("surveyReceipts")
    .select("number")
    .orderBy("storedAt", "desc")
    .limit(1)
    .executeTakeFirstOrThrow();
  await page
    .locator(".inst-receipt")
    .filter({ hasText: `受付番号 ${receipt.number}` })
    .waitFor();
}

/** 新規 → fill → tick → 保存, landing on the new request's page. */
async function createRequest(page: Page, contactName: string): Promise<void> {
  await page.getByRole("link", { name: "新規", exact: true }).click();
  await heading(page, "緊急配布要請の作成").waitFor();
  await input(page, /担当者氏名/).fill(contactName);
  await page.getByLabel(CONDITIONS_CONFIRMATION_LABEL).check();
  await page.getByRole("button", { name: "保存", exact: true }).click();
  await heading(page, "緊急配布要請").waitFor();
}

async function applyRequest(page: Page): Promise<void> {
  await page.getByRole("button", { name: "システムチェック&申請" }).click();
  const dialog = page.getByRole("dialog", { name: "システムチェック&申請" });
  await dialog.waitFor();
  await dialog.getByRole("button", { name: "完了" }).click();
  await dialog.waitFor({ state: "hidden" });
}

function statusBadge(page: Page) {
  return page.locator(".sos-page-header .sos-status");
}

/** The API as an officer sees it: their console is another app, so the test calls it directly. */
async function officer(username: string) {
  const db = server.tdb.db;
  const row = await db
    .selectFrom("users")
    .selectAll()
    .where("username", "=", username)
    .executeTakeFirstOrThrow();
  return createCaller(
    createTestContext(db, {
      user: toSessionUser(row),
      session: { id: `e2e-${username}` },
      config: { publicBaseUrl: server.url },
    }),
  );
}

/** Requests the browser made that failed (none expected; the 401 of a signed-out check aside). */
function unexpected(problems: string[]): string[] {
  return problems.filter((problem) => !problem.includes("Failed to load resource"));
}

describe("an institution's week on a phone", { timeout: 180_000 }, () => {
  it("answers the survey, self-checks, files a request and applies; the prefecture is mailed", async () => {
    const { page, problems } = await openPage();
    const db = server.tdb.db;

    await page.goto(`${server.url}/institution/`);
    await signIn(page, ACCOUNTS.institution.username);
    await heading(page, "ホーム").waitFor();
    const surveyCard = page.getByRole("region", { name: "今週の週次調査" });
    await surveyCard.getByText("未回答", { exact: true }).waitFor();
    await page.getByRole("region", { name: "今週の緊急配布要請" }).waitFor();
    // On the real clock: time left to Wednesday 17:00, or, after it, when a request is handled.
    await expect(
      page.getByRole("region", { name: "緊急配布要請の締切" }).textContent(),
    ).resolves.toMatch(/締切（水曜17:00）まで あと|締切を過ぎています（翌営業日 .+以降の対応）/);
    await step(page, "01-home-unanswered");

    // The list: this week first, the past weeks over two pages.
    await openFromMenu(page, "週次調査");
    const rows = page.getByRole("list", { name: "週次調査の一覧" }).getByRole("listitem");
    await expect.poll(() => rows.count()).toBe(10);
    await expect(rows.first().textContent()).resolves.toMatch(/今週.*未回答/);
    await step(page, "02-survey-list");
    await page.getByRole("button", { name: "さらに表示" }).click();
    await expect.poll(() => rows.count()).toBe(PAST_WEEKS + 1);
    await expect(page.getByRole("button", { name: "さらに表示" }).count()).resolves.toBe(0);

    // A past week is kept as it was reported, and says why.
    await rows.last().getByRole("link").click();
    await heading(page, "週次調査").waitFor();
    await page.getByRole("heading", { name: "この回答は編集できません" }).waitFor();
    await expect(page.getByRole("main").textContent()).resolves.toContain("回答期間が終わったため");
    expect(await page.getByRole("button", { name: "保存", exact: true }).count()).toBe(0);
    await step(page, "03-survey-past-week");

    await openFromMenu(page, "ホーム");
    await surveyCard.getByRole("link", { name: "週次調査に回答する" }).click();
    await heading(page, "週次調査").waitFor();
    await page.getByRole("button", { name: "前週と同じ", exact: true }).waitFor();
    await answerSurvey(page, ["２，０００", "１，０００", "４００"]);
    await step(page, "04-survey-typed");
    await saveSurvey(page);
    await page.locator(".sos-page-header").getByText("回答済み").waitFor();
    // Saved numbers come back written as people write them.
    await expect(input(page, /① 在庫量/).inputValue()).resolves.toBe("2,000");
    await step(page, "05-survey-saved");

    const thisWeek = surveyWeekOf(new Date()).weekStart;
    const saved = await db
      .selectFrom("weeklySurveys")
      .select(["stock", "consumption", "purchases"])
      .where("institutionId", "=", hospitalId)
      .where("weekStart", "=", thisWeek)
      .executeTakeFirstOrThrow();
    expect(saved).toEqual({ stock: 2000, consumption: 1000, purchases: 400 });

    // The self-check starts from this week's answers, worked out as in the manual.
    await openFromMenu(page, "自己チェック");
    const sheet = page.getByRole("region", { name: "自己チェックシート" });
    await expect(input(page, /① 在庫量/).inputValue()).resolves.toBe("2,000");
    const result = sheet.locator("[data-verdict]");
    await expect(result.getAttribute("data-verdict")).resolves.toBe("eligible");
    const resultText = await result.textContent();
    expect(resultText).toContain("配布対象該当");
    expect(resultText).toContain("②−③ ＝ 1,000枚 − 400枚 ＝ 600枚");
    expect(resultText).toContain("（②−③）×４ ＝ 600枚 × 4 ＝ 2,400枚");
    expect(resultText).toContain("① 2,000枚 ＜ 2,400枚");
    expect(resultText).toContain("2セット（2,000枚）");
    await step(page, "06-self-check");

    // 新規: saving without the tick is refused with the manual's message.
    await openFromMenu(page, "緊急配布要請");
    await page.getByText("緊急配布要請はまだありません。", { exact: false }).waitFor();
    await page.getByRole("link", { name: "新規", exact: true }).click();
    await heading(page, "緊急配布要請の作成").waitFor();
    await input(page, /担当者氏名/).fill("山田 花子");
    await input(page, /電話番号/).fill("03-1234-5678");
    await page.getByRole("button", { name: "保存", exact: true }).click();
    // Named in the error summary and at the box itself.
    const summary = page.getByRole("region", { name: /入力内容に誤りがあります/ });
    await summary.getByRole("link", { name: CONDITIONS_NOT_CONFIRMED_MESSAGE }).waitFor();
    await expect(
      page
        .getByRole("checkbox", { name: CONDITIONS_CONFIRMATION_LABEL })
        .getAttribute("aria-invalid"),
    ).resolves.toBe("true");
    expect(page.url()).toBe(`${server.url}/institution/requests/new`);
    await step(page, "07-request-without-tick");
    expect(await db.selectFrom("sosRequests").select("id").execute()).toEqual([]);

    await page.getByLabel(CONDITIONS_CONFIRMATION_LABEL).check();
    await page.getByRole("button", { name: "保存", exact: true }).click();
    await heading(page, "緊急配布要請").waitFor();
    await expect(statusBadge(page).textContent()).resolves.toBe("申請前");
    await page.getByRole("status").filter({ hasText: "保存しました（申請前）。" }).waitFor();
    await step(page, "08-request-draft");

    await page.getByRole("button", { name: "システムチェック&申請" }).click();
    const dialog = page.getByRole("dialog", { name: "システムチェック&申請" });
    await dialog.waitFor();
    await step(page, "09-apply-confirmation");
    await dialog.getByRole("button", { name: "完了" }).click();
    await page.getByText("申請しました（都道府県・国確認中）").waitFor();
    await expect(statusBadge(page).textContent()).resolves.toBe("都道府県・国確認中");
    // Filed, it can still be edited or withdrawn, but not applied again.
    await page.getByRole("link", { name: "編集", exact: true }).waitFor();
    await page.getByRole("button", { name: "取下げ", exact: true }).waitFor();
    expect(await page.getByRole("button", { name: "システムチェック&申請" }).count()).toBe(0);
    const history = page.getByRole("region", { name: "履歴" });
    await history.getByText("システムチェック&申請（都道府県・国確認中）").waitFor();
    await step(page, "10-request-reviewing");

    await page.getByRole("link", { name: "緊急配布要請の一覧へ" }).click();
    await heading(page, "緊急配布要請").waitFor();
    const listed = page.locator(".inst-list__item");
    await expect.poll(() => listed.count()).toBe(1);
    await expect(listed.locator(".sos-status").textContent()).resolves.toBe("都道府県・国確認中");
    await page.getByRole("link", { name: "最近参照した要請" }).click();
    await expect.poll(() => page.locator(".inst-list__item .sos-status").count()).toBe(1);
    await step(page, "11-request-list");

    const mails = await db
      .selectFrom("mailOutbox")
      .select(["toAddress", "kind", "textBody"])
      .where("kind", "=", "sos_applied")
      .execute();
    expect(mails.map((mail) => mail.toAddress)).toEqual([
      `${ACCOUNTS.prefecture.username}@example.jp`,
    ]);
    expect(mails[0]?.textBody).toContain(`${server.url}/review/`);

    await openFromMenu(page, "ホーム");
    const requestCard = page.getByRole("region", { name: "今週の緊急配布要請" });
    await requestCard.getByText("都道府県・国確認中").waitFor();
    await surveyCard.getByText("回答済み", { exact: true }).waitFor();
    await step(page, "12-home-reviewing");

    // The prefecture completes it and the ministry approves: 受付完了, read-only from now on.
    const filed = await db
      .selectFrom("sosRequests")
      .select("id")
      .where("institutionId", "=", hospitalId)
      .executeTakeFirstOrThrow();
    const tokyo = await officer(ACCOUNTS.prefecture.username);
    const review = await tokyo.review.get({ id: filed.id });
    const completed = await tokyo.review.savePrefectureReview({
      id: filed.id,
      expectedVersion: review.version,
      supplyNeeded: true,
      quantitySets: null,
      complete: true,
    });
    const mhlw = await officer(ACCOUNTS.ministry.username);
    await mhlw.review.approve({ items: [{ id: filed.id, expectedVersion: completed.version }] });

    await requestCard.getByRole("link", { name: "要請の内容と状況を見る" }).click();
    await heading(page, "緊急配布要請").waitFor();
    // What was on screen shows at once; the request is read afresh on opening.
    await expect.poll(() => statusBadge(page).textContent()).toBe("受付完了");
    await page.getByRole("heading", { name: "この要請は編集できません" }).waitFor();
    const decision = page.getByRole("region", { name: "確認結果" });
    await expect(decision.textContent()).resolves.toContain("2セット（2,000枚）");
    // Accepted but not yet on a list handed to the vendor: nothing to buy yet, and it says so.
    await page
      .getByRole("region", { name: "購入・配送" })
      .getByText(/販売業者への引き渡しを待っています/)
      .waitFor();
    for (const control of ["編集", "システムチェック&申請", "取下げ"]) {
      expect(await page.getByRole("link", { name: control, exact: true }).count()).toBe(0);
      expect(await page.getByRole("button", { name: control, exact: true }).count()).toBe(0);
    }
    await step(page, "17-request-accepted");
    // Not even by its address.
    await page.goto(`${page.url()}/edit`);
    await heading(page, "緊急配布要請の編集").waitFor();
    await page.getByRole("heading", { name: "この要請は編集できません" }).waitFor();
    expect(await page.getByRole("button", { name: "保存", exact: true }).count()).toBe(0);

    expect(unexpected(problems)).toEqual([]);
    await page.context().close();
  });

  it("a failed check names the reason and leads to the survey to fix it", async () => {
    const { page, problems } = await openPage();
    await page.goto(`${server.url}/institution/surveys`);
    await signIn(page, CLINIC.username);
    await heading(page, "週次調査").waitFor();
    await page.getByRole("list", { name: "週次調査の一覧" }).getByRole("link").first().click();
    await heading(page, "週次調査").waitFor();
    // Nothing earlier to copy for a new institution.
    await expect(
      page.getByRole("button", { name: "前週と同じ", exact: true }).isDisabled(),
    ).resolves.toBe(true);
    await answerSurvey(page, ["5,000", "1,000", "400"]);
    await saveSurvey(page);

    await openFromMenu(page, "緊急配布要請");
    await createRequest(page, CLINIC.displayName);
    await applyRequest(page);
    await page.getByText("システムチェックでエラーがありました（エラーあり）").waitFor();
    await expect(statusBadge(page).textContent()).resolves.toBe("エラーあり");
    await page
      .getByRole("alert")
      .filter({
        hasText:
          "在庫量 5,000枚 が（1週間の想定消費量 1,000枚 − 1週間の購入見込み量 400枚）× 4 ＝ 2,400枚 を下回っていません",
      })
      .waitFor();
    await step(page, "13-apply-error");

    // The link opens this week's survey; corrected, the request goes through.
    await page.getByRole("link", { name: "週次調査を確認する" }).click();
    await heading(page, "週次調査").waitFor();
    await expect(page.getByRole("main").textContent()).resolves.toContain("（今週）");
    await expect(input(page, /① 在庫量/).inputValue()).resolves.toBe("5,000");
    await step(page, "14-survey-to-fix");
    await input(page, /① 在庫量/).fill("1,500");
    await saveSurvey(page);

    await page.goBack();
    await heading(page, "緊急配布要請").waitFor();
    await expect(statusBadge(page).textContent()).resolves.toBe("エラーあり");
    await applyRequest(page);
    await page.getByText("申請しました（都道府県・国確認中）").waitFor();
    await expect(statusBadge(page).textContent()).resolves.toBe("都道府県・国確認中");
    await step(page, "15-apply-after-fix");

    // Edited in another tab meanwhile: this save is refused, the page reloads, the next one saves.
    await page.getByRole("link", { name: "編集", exact: true }).click();
    await heading(page, "緊急配布要請の編集").waitFor();
    await server.tdb.db
      .updateTable("sosRequests")
      .set((eb) => ({ version: eb("version", "+", 1) }))
      .where("contactName", "=", CLINIC.displayName)
      .execute();
    await input(page, /備考/).fill("在庫が残り1週間分です。");
    await page.getByRole("button", { name: "保存", exact: true }).click();
    await page.getByRole("alert").filter({ hasText: "最新の内容を読み込みました" }).waitFor();
    await expect(input(page, /備考/).inputValue()).resolves.toBe("在庫が残り1週間分です。");
    await step(page, "18-edit-conflict");
    await page.getByRole("button", { name: "保存", exact: true }).click();
    await heading(page, "緊急配布要請").waitFor();
    await page.getByRole("status").filter({ hasText: "変更を保存しました。" }).waitFor();
    await page
      .getByRole("region", { name: "要請内容" })
      .getByText("在庫が残り1週間分です。")
      .waitFor();

    // 取下げ, after a confirmation; the prefecture's officer is told.
    await page.getByRole("button", { name: "取下げ", exact: true }).click();
    const confirm = page.getByRole("dialog", { name: "この要請を取り下げますか？" });
    await confirm.waitFor();
    await step(page, "19-withdraw-confirmation");
    await confirm.getByRole("button", { name: "取り下げる" }).click();
    await page.getByRole("status").filter({ hasText: "要請を取り下げました" }).waitFor();
    await expect(statusBadge(page).textContent()).resolves.toBe("取下げ");
    await page.getByRole("heading", { name: "この要請は編集できません" }).waitFor();
    expect(await page.getByRole("button", { name: "取下げ", exact: true }).count()).toBe(0);
    await step(page, "20-withdrawn");
    const withdrawnMails = await server.tdb.db
      .selectFrom("mailOutbox")
      .select("toAddress")
      .where("kind", "=", "sos_withdrawn")
      .execute();
    expect(withdrawnMails).toEqual([{ toAddress: `${ACCOUNTS.prefecture.username}@example.jp` }]);

    expect(unexpected(problems)).toEqual([]);
    await page.context().close();
  });

  it("the self-check works signed out", async () => {
    const { page, problems } = await openPage();
    await page.goto(`${server.url}/institution/self-check`);
    await heading(page, "自己チェック").waitFor();
    expect(page.url()).toBe(`${server.url}/institution/self-check`);
    await page.getByRole("link", { name: "ログインする" }).waitFor();

    const result = page.locator("[data-verdict]");
    await expect(result.getAttribute("data-verdict")).resolves.toBe("pending");
    await answerSurvey(page, ["３０００", "１０００", "０"]);
    await expect.poll(() => result.getAttribute("data-verdict")).toBe("eligible");
    await answerSurvey(page, ["５０００", "１０００", "０"]);
    await expect.poll(() => result.getAttribute("data-verdict")).toBe("not-eligible");
    await expect(result.textContent()).resolves.toContain("配布対象非該当");
    await step(page, "16-self-check-signed-out");

    // Signing in from there comes back to the sheet, now in the app with its menu.
    await page.getByRole("link", { name: "ログインする" }).click();
    await heading(page, "ログイン").waitFor();
    await signIn(page, ACCOUNTS.institution.username);
    await heading(page, "自己チェック").waitFor();
    expect(page.url()).toBe(`${server.url}/institution/self-check`);
    await page
      .getByRole("navigation", { name: "メインメニュー", includeHidden: true })
      .waitFor({ state: "attached" });
    await page.getByRole("region", { name: "自己チェックシート" }).waitFor();
    // Prefilled from this week's survey, answered or not yet.
    const survey = await server.tdb.db
      .selectFrom("weeklySurveys")
      .select("stock")
      .where("institutionId", "=", hospitalId)
      .where("weekStart", "=", surveyWeekOf(new Date()).weekStart)
      .executeTakeFirstOrThrow();
    await expect(input(page, /① 在庫量/).inputValue()).resolves.toBe(
      survey.stock === null ? "" : survey.stock.toLocaleString("ja-JP"),
    );

    expect(unexpected(problems)).toEqual([]);
    await page.context().close();
  });
});
