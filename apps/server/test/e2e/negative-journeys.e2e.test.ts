import { createCaller } from "@sos/api";
import { createTestContext } from "@sos/api/testing";
import { hashPassword, toSessionUser } from "@sos/auth";
import { CONDITIONS_CONFIRMATION_LABEL } from "@sos/domain";
import { surveyWeekOf } from "@sos/rules";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it, onTestFailed } from "vitest";
import { startTestServer, type TestServer } from "../support/test-server";
import { ACCOUNTS, insertAccounts, PASSWORD } from "./accounts";
import { APPS_DIR, ensureBuilt } from "./app-builds";
import { collectProblems, launchChromium, newDeskPage, newPhonePage, screenshot } from "./browser";
import { heading, input } from "./page";

/**
 * The ways the scheme says no, in the built apps over the real server: a request
 * filed after Wednesday 17:00 is taken but handled from the next business day; a
 * failed check stops at エラーあり and nothing reaches the vendor; an institution
 * on the list that never registered at the vendor gets no purchase link and is
 * reminded at the ministry's address instead. The server's clock is set per
 * scenario (and ticks from there), so deadlines are met or missed on purpose.
 * The purchase link used twice shows the order placed with it, never a second form.
 */

/**
 * The server's clock: set to an instant, it runs on from there at real speed. Every
 * page is opened on it too, so the browser agrees with the server on the time.
 */
let clockBase = Date.now();
let clockSetAt = Date.now();
function setClock(iso: string): void {
  clockBase = new Date(iso).getTime();
  clockSetAt = Date.now();
}
const clock = () => new Date(clockBase + (Date.now() - clockSetAt));

/** Tokyo clinics besides the hospital of accounts.ts, each signing in as itself. */
const CLINICS = {
  notEligible: {
    username: "e2e-neg-jimbocho",
    code: "1300000011",
    name: "神保町ひふ科クリニック",
    email: "info@jimbocho-derma.example.jp",
  },
  registered: {
    username: "e2e-neg-iidabashi",
    code: "1300000012",
    name: "飯田橋整形外科",
    email: "info@iidabashi-ortho.example.jp",
  },
  unregistered: {
    username: "e2e-neg-kudan",
    code: "1300000013",
    name: "九段下こども診療所",
    email: "info@kudan-kids.example.jp",
  },
} as const;

let server: TestServer;
let browser: Browser;

async function insertClinic(clinic: (typeof CLINICS)[keyof typeof CLINICS]): Promise<string> {
  const db = server.tdb.db;
  const row = await db
    .insertInto("institutions")
    .values({
      code: clinic.code,
      name: clinic.name,
      type: "clinic",
      prefectureCode: 13,
      postcode: "1020074",
      address: "東京都千代田区九段南1-1",
      phone: "0332001111",
      email: clinic.email,
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  await db
    .insertInto("users")
    .values({
      username: clinic.username,
      displayName: "小林 誠",
      email: `${clinic.username}@example.jp`,
      role: "institution",
      institutionId: row.id,
      prefectureCode: null,
      passwordHash: await hashPassword(PASSWORD),
    })
    .execute();
  return row.id;
}

/** The survey of the week the server's clock is in, already answered with these figures. */
async function answeredSurvey(
  username: string,
  figures: { stock: number; consumption: number; purchases: number },
): Promise<void> {
  const db = server.tdb.db;
  const user = await db
    .selectFrom("users")
    .select(["id", "institutionId"])
    .where("username", "=", username)
    .executeTakeFirstOrThrow();
  const at = clock();
  await db
    .insertInto("weeklySurveys")
    .values({
      institutionId: user.institutionId as string,
      weekStart: surveyWeekOf(at).weekStart,
      createdAt: at,
      updatedAt: at,
      ...figures,
      answeredAt: at,
      answeredBy: user.id,
    })
    .execute();
}

/** The API as the officers and the clinics see it, on the server's clock. */
async function callerOf(username: string) {
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
      now: clock,
      config: { publicBaseUrl: server.url },
    }),
  );
}

beforeAll(async () => {
  await ensureBuilt("institution");
  await ensureBuilt("vendor");
  server = await startTestServer({ appsDir: APPS_DIR, now: clock });
  await insertAccounts(server.tdb.db);
  for (const clinic of Object.values(CLINICS)) await insertClinic(clinic);
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
    await screenshot(page, `FAILED negative ${who} ${task.name}`.replace(/[^\p{L}\p{N}]+/gu, "-"));
    console.error(`${who}: at ${page.url()}; page problems: ${problems.join(" | ") || "none"}`);
  });
  return problems;
}

async function signIn(page: Page, username: string): Promise<void> {
  await input(page, "ユーザー名").fill(username);
  await input(page, /^パスワード/).fill(PASSWORD);
  await page.getByRole("button", { name: "ログイン", exact: true }).click();
}

function statusBadge(page: Page) {
  return page.locator(".sos-page-header .sos-status");
}

/** Signed in on a phone: 新規 → 保存 → システムチェック&申請 → 完了, on the request's page. */
async function fileThroughApp(page: Page, username: string): Promise<void> {
  await page.goto(`${server.url}/institution/requests/new`);
  await signIn(page, username);
  await heading(page, "緊急配布要請の作成").waitFor();
  await input(page, /担当者氏名/).fill("小林 誠");
  await page.getByLabel(CONDITIONS_CONFIRMATION_LABEL).check();
  await page.getByRole("button", { name: "保存", exact: true }).click();
  await heading(page, "緊急配布要請").waitFor();
  await page.getByRole("button", { name: "システムチェック&申請" }).click();
  const dialog = page.getByRole("dialog", { name: "システムチェック&申請" });
  await dialog.waitFor();
  await dialog.getByRole("button", { name: "完了" }).click();
  await dialog.waitFor({ state: "hidden" });
}

/** Requests that failed on purpose (a signed-out check answers 401) are not page problems. */
function unexpected(problems: string[]): string[] {
  return problems.filter((problem) => !problem.includes("Failed to load resource"));
}

async function outbox() {
  return server.tdb.db
    .selectFrom("mailOutbox")
    .select(["kind", "toAddress", "fromAddress"])
    .orderBy("createdAt")
    .execute();
}

async function mailText(kind: string, to: string): Promise<string> {
  const mail = await server.tdb.db
    .selectFrom("mailOutbox")
    .select("textBody")
    .where("kind", "=", kind)
    .where("toAddress", "=", to)
    .executeTakeFirstOrThrow();
  return mail.textBody;
}

const PURCHASE_URL = /(http:\/\/127\.0\.0\.1:\d+\/vendor\/purchase\/[a-z2-7]{32})/;
/** The registered clinic confirmed its storefront registration from its address on the list. */
const REGISTERED_EMAIL = CLINICS.registered.email;

describe("after the Wednesday 17:00 deadline", { timeout: 240_000 }, () => {
  for (const late of [
    {
      name: "Wednesday 17:01 is handled from Thursday",
      filedAt: "2026-12-02T17:01:00+09:00",
      handleFrom: "2026-12-03",
      shown: "2026年12月3日（木）",
    },
    {
      name: "Wednesday 17:01 before the year-end closure is handled from its end",
      filedAt: "2026-12-30T17:01:00+09:00",
      handleFrom: "2027-01-04",
      shown: "2027年1月4日（月）",
    },
  ]) {
    it(late.name, async () => {
      setClock(late.filedAt);
      // Eligible: 1,000 < (2,000 − 400) × 4.
      await answeredSurvey(ACCOUNTS.institution.username, {
        stock: 1000,
        consumption: 2000,
        purchases: 400,
      });
      const page = await newPhonePage(browser, clock);
      const problems = watch(page, "hospital");
      await fileThroughApp(page, ACCOUNTS.institution.username);

      // The page runs on the server's clock, not on the machine's.
      const pageNow = await page.evaluate<number>("Date.now()");
      expect(Math.abs(pageNow - clock().getTime())).toBeLessThan(60_000);

      const lateLine = `水曜17時の締切後の申請のため、${late.shown}以降の対応となります。`;
      await page.getByText("申請しました（都道府県・国確認中）").waitFor();
      await page.getByText(lateLine).waitFor();
      await expect(statusBadge(page).textContent()).resolves.toBe("都道府県・国確認中");
      await screenshot(page, `negative-late-${late.handleFrom}-applied`);

      // Opened again later, the request still says so.
      await page.reload();
      await heading(page, "緊急配布要請").waitFor();
      const notice = page.getByRole("region", { name: "締切後の申請です" });
      await notice.getByText(lateLine).waitFor();

      const weekStart = surveyWeekOf(new Date(late.filedAt)).weekStart;
      const filed = await server.tdb.db
        .selectFrom("sosRequests")
        .innerJoin("users", "users.institutionId", "sosRequests.institutionId")
        .select(["sosRequests.status", "sosRequests.late", "sosRequests.handleFrom"])
        .where("users.username", "=", ACCOUNTS.institution.username)
        .where("sosRequests.weekStart", "=", weekStart)
        .executeTakeFirstOrThrow();
      expect(filed).toEqual({ status: "reviewing", late: true, handleFrom: late.handleFrom });

      expect(unexpected(problems)).toEqual([]);
      await page.context().close();
    });
  }
});

describe("a failed system check", { timeout: 240_000 }, () => {
  it("stops at エラーあり with its reason, and nothing is mailed to the vendor side", async () => {
    setClock("2026-12-07T10:00:00+09:00");
    // Not eligible: 5,000 is not below (1,000 − 400) × 4 = 2,400.
    await answeredSurvey(CLINICS.notEligible.username, {
      stock: 5000,
      consumption: 1000,
      purchases: 400,
    });
    const before = await outbox();
    const page = await newPhonePage(browser, clock);
    const problems = watch(page, "not-eligible");
    await fileThroughApp(page, CLINICS.notEligible.username);

    await page.getByText("システムチェックでエラーがありました（エラーあり）").waitFor();
    await expect(statusBadge(page).textContent()).resolves.toBe("エラーあり");
    await page
      .getByRole("alert")
      .filter({
        hasText:
          "在庫量 5,000枚 が（1週間の想定消費量 1,000枚 − 1週間の購入見込み量 400枚）× 4 ＝ 2,400枚 を下回っていません",
      })
      .waitFor();
    await screenshot(page, "negative-not-eligible-error");

    const request = await server.tdb.db
      .selectFrom("sosRequests")
      .innerJoin("institutions", "institutions.id", "sosRequests.institutionId")
      .select(["sosRequests.id", "sosRequests.status"])
      .where("institutions.code", "=", CLINICS.notEligible.code)
      .executeTakeFirstOrThrow();
    expect(request.status).toBe("error");
    // Not to the prefecture, not to the vendor: an error goes nowhere but the screen.
    expect(await outbox()).toEqual(before);
    expect(
      await server.tdb.db
        .selectFrom("targetItems")
        .select("id")
        .where("requestId", "=", request.id)
        .execute(),
    ).toEqual([]);

    expect(unexpected(problems)).toEqual([]);
    await page.context().close();
  });
});

/** Filed, completed by Tokyo and approved by the ministry, all through the API. */
async function accept(username: string): Promise<void> {
  await answeredSurvey(username, { stock: 1000, consumption: 2000, purchases: 400 });
  const clinic = await callerOf(username);
  const draft = await clinic.sos.create({
    contactName: "小林 誠",
    contactPhone: "03-3200-1111",
    notes: "",
    conditionsConfirmed: true,
  });
  const applied = await clinic.sos.checkAndApply({ id: draft.id, version: draft.version });
  expect(applied.outcome).toBe("reviewing");
  const tokyo = await callerOf(ACCOUNTS.prefecture.username);
  const review = await tokyo.review.get({ id: draft.id });
  const completed = await tokyo.review.savePrefectureReview({
    id: draft.id,
    expectedVersion: review.version,
    supplyNeeded: true,
    quantitySets: null,
    complete: true,
  });
  const ministry = await callerOf(ACCOUNTS.ministry.username);
  await ministry.review.approve({ items: [{ id: draft.id, expectedVersion: completed.version }] });
}

describe("purchase links from the vendor's list", { timeout: 300_000 }, () => {
  it("an unregistered institution gets no purchase link, shows as 未登録 and is reminded at the ministry's address", async () => {
    setClock("2027-01-12T10:00:00+09:00");
    await accept(CLINICS.registered.username);
    await accept(CLINICS.unregistered.username);
    const batch = await (await callerOf(ACCOUNTS.ministry.username)).targetList.issue();
    expect(batch.number).toBe(1);
    // Only one of the two is known to the vendor's storefront.
    await server.tdb.db
      .insertInto("vendorRegistrations")
      .values({
        institutionCode: CLINICS.registered.code,
        facilityName: CLINICS.registered.name,
        postcode: "1020074",
        address: "東京都千代田区九段南1-1",
        phone: "0332001111",
        email: REGISTERED_EMAIL,
        paymentMethod: "invoice",
        source: "web",
        confirmedAt: clock(),
        confirmedVia: "mail",
      })
      .execute();

    const desk = await newDeskPage(browser, clock);
    const problems = watch(desk, "vendor");
    await desk.goto(`${server.url}/vendor/`);
    await signIn(desk, ACCOUNTS.vendor.username);
    await heading(desk, "ホーム").waitFor();
    await desk
      .getByRole("navigation", { name: "メインメニュー" })
      .getByRole("link", { name: "対象医療機関リスト" })
      .click();
    await heading(desk, "対象医療機関リスト").waitFor();
    await desk.getByRole("link", { name: "第1号" }).click();
    await heading(desk, "対象医療機関リスト 第1号").waitFor();

    // The whole list at once: only the registered clinic is sent a link.
    await desk.getByRole("button", { name: "リストの全件に購入リンクを送信" }).click();
    const sendDialog = desk.getByRole("dialog", { name: "購入リンクを送信しますか？" });
    await sendDialog.waitFor();
    await sendDialog.getByRole("button", { name: "送信を開始する" }).click();
    await desk
      .getByRole("region", { name: "購入リンクの送信状況" })
      .getByRole("status")
      .filter({ hasText: /送信が完了しました（送信 1件/ })
      .waitFor();
    const registered = desk.getByRole("listitem").filter({ hasText: CLINICS.registered.name });
    await registered.getByText("送信済み（有効）").waitFor();

    const purchaseMails = (await outbox()).filter((mail) => mail.kind === "purchase_link");
    expect(purchaseMails.map((mail) => mail.toAddress)).toEqual([REGISTERED_EMAIL]);

    // The follow-up list: the clinic that never registered, and nothing sent to it.
    await desk.getByLabel("照合結果").selectOption({ label: "未登録" });
    const items = desk.getByRole("list", { name: "医療機関の一覧" }).getByRole("listitem");
    await expect.poll(() => items.count()).toBe(1);
    const unregistered = items.filter({ hasText: CLINICS.unregistered.name });
    await unregistered.getByText("未登録", { exact: true }).waitFor();
    await expect(unregistered.textContent()).resolves.toContain("未送信");
    await screenshot(desk, "negative-unregistered-follow-up");

    await desk
      .getByRole("button", { name: "未登録・未確認の医療機関に登録依頼メールを送信（1件）" })
      .click();
    const remind = desk.getByRole("dialog", { name: "施設登録の依頼メールを送信しますか？" });
    await remind.waitFor();
    await remind.getByRole("button", { name: "送信する" }).click();
    await desk.getByText("施設登録の依頼メールを1件送信しました。").waitFor();
    await screenshot(desk, "negative-unregistered-reminded");

    // Reminded at the address on the ministry's list, from the vendor; still no link.
    // (The system's own 受付 and 受付完了 mails to the clinic came before, from SOS Supply.)
    const toUnregistered = (await outbox()).filter(
      (mail) => mail.toAddress === CLINICS.unregistered.email,
    );
    expect(toUnregistered.map((mail) => mail.kind)).toEqual([
      "sos_received",
      "sos_accepted",
      "vendor_registration_reminder",
    ]);
    expect(toUnregistered.filter((mail) => mail.kind.startsWith("vendor_"))).toEqual([
      {
        kind: "vendor_registration_reminder",
        toAddress: CLINICS.unregistered.email,
        fromAddress: "shop@vendor.sos-supply.example",
      },
    ]);
    await expect(
      mailText("vendor_registration_reminder", CLINICS.unregistered.email),
    ).resolves.toContain(`${server.url}/vendor/register`);
    expect(
      await server.tdb.db
        .selectFrom("purchaseLinks")
        .innerJoin("targetItems", "targetItems.id", "purchaseLinks.targetItemId")
        .select("targetItems.institutionCode")
        .execute(),
    ).toEqual([{ institutionCode: CLINICS.registered.code }]);

    expect(unexpected(problems)).toEqual([]);
    await desk.context().close();
  });

  it("the purchase link used twice shows the order placed with it", async () => {
    // The vendor's journey buys through the whole form; here only the second visit matters.
    const db = server.tdb.db;
    const product = await db
      .insertInto("products")
      .values({ name: "ニトリル手袋（パウダーフリー）100枚入×10箱" })
      .returning("id")
      .executeTakeFirstOrThrow();
    await db
      .insertInto("productSizes")
      .values({ productId: product.id, size: "M", stockSets: 5 })
      .execute();
    const url = PURCHASE_URL.exec(await mailText("purchase_link", REGISTERED_EMAIL))?.[1];
    expect(url, "the mail carries the purchase URL").toBeDefined();

    const phone = await newPhonePage(browser, clock);
    const problems = watch(phone, "registered");
    await phone.goto(url as string);
    await heading(phone, "ご購入手続き").waitFor();
    await input(phone, "Mサイズ").fill("１");
    await phone.getByRole("button", { name: "注文内容を確認する" }).click();
    const review = phone.getByRole("region", { name: "注文内容の確認" });
    await review.getByRole("button", { name: "注文を確定する" }).click();
    await heading(phone, "ご注文を承りました").waitFor();
    const order = await db
      .selectFrom("orders")
      .select(["orderNumber", "totalSets"])
      .executeTakeFirstOrThrow();
    expect(order.totalSets).toBe(1);

    await phone.goto(url as string);
    await heading(phone, "ご注文の内容").waitFor();
    await phone
      .getByRole("heading", { name: "この購入リンクでのご購入は完了しています" })
      .waitFor();
    await phone.getByText(order.orderNumber, { exact: true }).waitFor();
    expect(await phone.getByRole("button", { name: "注文内容を確認する" }).count()).toBe(0);
    expect(await phone.getByRole("textbox").count()).toBe(0);
    await screenshot(phone, "negative-link-used-twice");
    expect(await db.selectFrom("orders").select("id").execute()).toHaveLength(1);

    expect(unexpected(problems)).toEqual([]);
    await phone.context().close();
  });
});
