import { createCaller } from "@sos/api";
import { createTestContext } from "@sos/api/testing";
import { generateSecureToken, hashPassword, hashToken, toSessionUser } from "@sos/auth";
import { CONDITIONS_CONFIRMATION_LABEL } from "@sos/domain";
import { addDaysYmd, surveyWeekOf } from "@sos/rules";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it, onTestFailed } from "vitest";
import { startTestServer, type TestServer } from "../support/test-server";
import { ACCOUNTS, insertAccounts, PASSWORD, RESET_ACCOUNT } from "./accounts";
import { APPS_DIR, ensureAllBuilt } from "./app-builds";
import { blockingViolations } from "./axe";
import {
  collectProblems,
  launchChromium,
  newTestPage,
  PHONE_VIEWPORT,
  screenshot,
  scrollsSideways,
} from "./browser";
import { heading, input } from "./page";

/**
 * Every page of the three built apps, in each state a user meets (empty, filled,
 * refused with errors, behind a dialog), checked with axe-core for serious and
 * critical WCAG 2.1 AA violations; the institution's pages also at 375 px without
 * sideways scrolling. And the institution's forms worked by the keyboard alone.
 */

/** The review console and the vendor's back office are worked at a desk. */
const DESK_VIEWPORT = { width: 1280, height: 800 };

/** Tokyo institutions seeded through the API, each in the state one page needs. */
const INSTITUTIONS = {
  draft: { username: "a11y-draft", name: "神田内科クリニック", code: "1300000002" },
  error: { username: "a11y-error", name: "神保町こどもクリニック", code: "1300000003" },
  prefecture: { username: "a11y-prefecture", name: "丸の内総合病院", code: "1300000004" },
  ministry: { username: "a11y-ministry", name: "日本橋記念病院", code: "1300000005" },
  listed: { username: "a11y-listed", name: "有楽町さくら病院", code: "1300000006" },
} as const;
type Seeded = keyof typeof INSTITUTIONS;

let server: TestServer;
let browser: Browser;
const requestIds = {} as Record<Seeded, string>;
let batchId: string;
let purchaseToken: string;

async function callerAs(username: string) {
  const db = server.tdb.db;
  const user = await db
    .selectFrom("users")
    .selectAll()
    .where("username", "=", username)
    .executeTakeFirstOrThrow();
  return createCaller(
    createTestContext(db, {
      user: toSessionUser(user),
      session: { id: `a11y-${username}` },
      config: { publicBaseUrl: server.url },
    }),
  );
}

async function addInstitution(key: Seeded, index: number): Promise<void> {
  const { username, name, code } = INSTITUTIONS[key];
  const db = server.tdb.db;
  const institution = await db
    .insertInto("institutions")
    .values({
      code,
      name,
      type: "clinic",
      prefectureCode: 13,
      postcode: "1010047",
      address: `東京都千代田区内神田${index}-1`,
      phone: "0332345678",
      email: `${username}@example.jp`,
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  await db
    .insertInto("users")
    .values({
      username,
      displayName: `${name}担当`,
      email: `${username}@example.jp`,
      role: "institution",
      institutionId: institution.id,
      prefectureCode: null,
      passwordHash: await hashPassword(PASSWORD),
    })
    .execute();
}

/** This week's survey answered (stock 2,000 is eligible, 5,000 is not) and a draft saved. */
async function draftRequest(key: Seeded, stock: number): Promise<{ id: string; version: number }> {
  const caller = await callerAs(INSTITUTIONS[key].username);
  const survey = await caller.survey.current();
  await caller.survey.answer({ id: survey.id, stock, consumption: 1000, purchases: 400 });
  const draft = await caller.sos.create({
    contactName: `${INSTITUTIONS[key].name}担当`,
    contactPhone: "03-1234-5678",
    notes: "ニトリル手袋Mサイズが不足しています。",
    conditionsConfirmed: true,
  });
  requestIds[key] = draft.id;
  return draft;
}

/** Last week's survey, answered then: shown read-only now its week is over. */
async function answerLastWeek(key: Seeded): Promise<void> {
  const db = server.tdb.db;
  const user = await db
    .selectFrom("users")
    .select(["id", "institutionId"])
    .where("username", "=", INSTITUTIONS[key].username)
    .executeTakeFirstOrThrow();
  const answeredAt = new Date(Date.now() - 7 * 24 * 60 * 60 * 1000);
  await db
    .insertInto("weeklySurveys")
    .values({
      institutionId: user.institutionId ?? "",
      weekStart: addDaysYmd(surveyWeekOf(new Date()).weekStart, -7),
      createdAt: answeredAt,
      updatedAt: answeredAt,
      stock: 5000,
      consumption: 1000,
      purchases: 800,
      answeredAt,
      answeredBy: user.id,
    })
    .execute();
}

async function applyRequest(key: Seeded, stock: number): Promise<void> {
  const draft = await draftRequest(key, stock);
  const caller = await callerAs(INSTITUTIONS[key].username);
  await caller.sos.checkAndApply({ id: draft.id, version: draft.version });
}

async function completeByTokyo(key: Seeded): Promise<void> {
  const tokyo = await callerAs(ACCOUNTS.prefecture.username);
  const review = await tokyo.review.get({ id: requestIds[key] });
  await tokyo.review.savePrefectureReview({
    id: requestIds[key],
    expectedVersion: review.version,
    supplyNeeded: true,
    quantitySets: null,
    complete: true,
  });
}

/** The token of the storefront's confirmation link mailed to `to` (no worker runs here). */
async function confirmationToken(to: string): Promise<string> {
  const mail = await server.tdb.db
    .selectFrom("mailOutbox")
    .select("textBody")
    .where("kind", "=", "vendor_registration_confirm")
    .where("toAddress", "=", to)
    .orderBy("createdAt", "desc")
    .executeTakeFirstOrThrow();
  const token = /\/register\/confirm\/([a-z2-7]{32})/.exec(mail.textBody)?.[1];
  if (!token) throw new Error(`no confirmation link in the mail to ${to}`);
  return token;
}

/**
 * The listed institution goes all the way to the vendor: approved, issued on list 第1号,
 * registered on the storefront and confirmed from its listed address, with a product on
 * sale and a purchase link (whose token is written here, as the mail would carry it).
 */
async function handOverListed(): Promise<void> {
  await completeByTokyo("listed");
  const ministry = await callerAs(ACCOUNTS.ministry.username);
  const { version } = await ministry.review.get({ id: requestIds.listed });
  await ministry.review.approve({ items: [{ id: requestIds.listed, expectedVersion: version }] });
  batchId = (await ministry.targetList.issue()).id;

  const db = server.tdb.db;
  const storefront = createCaller(createTestContext(db, { config: { publicBaseUrl: server.url } }));
  const listedEmail = `${INSTITUTIONS.listed.username}@example.jp`;
  await storefront.storefront.register({
    facilityName: INSTITUTIONS.listed.name,
    institutionCode: INSTITUTIONS.listed.code,
    postcode: "1010047",
    address: "東京都千代田区内神田5-1",
    phone: "0332345678",
    email: listedEmail,
    paymentMethod: "invoice",
  });
  await storefront.storefront.confirmRegistration({
    token: await confirmationToken(listedEmail),
  });
  const vendor = await callerAs(ACCOUNTS.vendor.username);
  const product = await vendor.vendorPortal.createProduct({
    name: "ニトリル手袋（パウダーフリー）100枚入×10箱",
  });
  for (const [sortOrder, size] of (["S", "M", "L"] as const).entries()) {
    await vendor.vendorPortal.addSize({ productId: product.id, size, stockSets: 10, sortOrder });
  }
  const item = await db
    .selectFrom("targetItems")
    .select("id")
    .where("batchId", "=", batchId)
    .executeTakeFirstOrThrow();
  purchaseToken = generateSecureToken();
  await db
    .insertInto("purchaseLinks")
    .values({
      targetItemId: item.id,
      tokenHash: hashToken(purchaseToken),
      expiresAt: new Date(Date.now() + 14 * 24 * 60 * 60 * 1000),
      createdAt: new Date(),
      createdBy: null,
    })
    .execute();
}

beforeAll(async () => {
  await ensureAllBuilt();
  server = await startTestServer({ appsDir: APPS_DIR });
  await insertAccounts(server.tdb.db);
  for (const [index, key] of (Object.keys(INSTITUTIONS) as Seeded[]).entries()) {
    await addInstitution(key, index + 2);
  }
  await draftRequest("draft", 2000);
  await answerLastWeek("draft");
  await applyRequest("error", 5000);
  await applyRequest("prefecture", 2000);
  await applyRequest("ministry", 2000);
  await completeByTokyo("ministry");
  await applyRequest("listed", 2000);
  await handOverListed();
  browser = await launchChromium();
}, 600_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

/** A page whose failure leaves a screenshot and its console problems behind. */
async function watched(page: Page): Promise<Page> {
  const problems = collectProblems(page);
  onTestFailed(async ({ task }) => {
    if (page.isClosed()) return;
    await screenshot(page, `FAILED a11y ${task.name}`.replace(/[^\p{L}\p{N}]+/gu, "-"));
    console.error(
      `${task.name}: at ${page.url()}; page problems: ${problems.join(" | ") || "none"}`,
    );
  });
  return page;
}

// axe injects a script, which the apps' Content-Security-Policy would refuse.
const auditPage = (options: { phone?: boolean; viewport?: typeof DESK_VIEWPORT }) =>
  newTestPage(browser, { bypassCSP: true, ...options });
const phonePage = async () => watched(await auditPage({ phone: true }));
const deskPage = async () => watched(await auditPage({ viewport: DESK_VIEWPORT }));

/**
 * Checks the page as it is now; every page's findings are gathered so one run
 * names all of them, and the test fails at its end.
 */
function auditor(options: { phone: boolean }) {
  const findings: string[] = [];
  return {
    async check(page: Page, name: string): Promise<void> {
      // Nothing still arriving: a half-drawn page is not what the user reads.
      await page.waitForLoadState("networkidle");
      for (const violation of await blockingViolations(page))
        findings.push(`${name}: ${violation}`);
      if (options.phone && (await scrollsSideways(page))) {
        findings.push(`${name}: scrolls sideways at ${PHONE_VIEWPORT.width} px`);
      }
    },
    verdict(): void {
      expect(findings, findings.join("\n\n")).toEqual([]);
    },
  };
}

async function signIn(page: Page, username: string): Promise<void> {
  await input(page, "ユーザー名").fill(username);
  await input(page, /^パスワード/).fill(PASSWORD);
  await page.getByRole("button", { name: "ログイン", exact: true }).click();
}

/** What a refused submit shows: a field marked invalid, or a message read out at once. */
function refusal(page: Page) {
  return page
    .locator('[aria-invalid="true"], [role="alert"]')
    .or(page.getByRole("region", { name: /入力内容に誤りがあります/ }))
    .first();
}

/** The form's error summary, shown when a submit is refused. */
function errorSummary(page: Page) {
  return page.getByRole("region", { name: /入力内容に誤りがあります/ });
}

describe("the audit itself", () => {
  it("names a serious violation and sideways scrolling when a page has them", async () => {
    const page = await auditPage({ phone: true });
    await page.setContent(
      '<html lang="ja"><head><meta name="viewport" content="width=device-width, initial-scale=1"></head><body><main><h1>見本</h1><input type="text"><div style="width:900px">横長</div></main></body></html>',
    );
    const audit = auditor({ phone: true });
    await audit.check(page, "broken");
    expect(() => audit.verdict()).toThrow(/\[critical\] label: .*\n\s+input/);
    expect(() => audit.verdict()).toThrow(/broken: scrolls sideways at 375 px/);
    await page.context().close();
  });
});

describe("the institution app at 375 px", { timeout: 240_000 }, () => {
  it("sign-in, forgotten password and reset have no serious violation, refused or not", async () => {
    const audit = auditor({ phone: true });
    const page = await phonePage();
    const base = `${server.url}/institution`;

    await page.goto(`${base}/sign-in`);
    await heading(page, "ログイン").waitFor();
    await audit.check(page, "sign-in");
    await page.getByRole("button", { name: "ログイン", exact: true }).click();
    await refusal(page).waitFor();
    await audit.check(page, "sign-in refused empty");

    await page.goto(`${base}/forgot-password`);
    await heading(page, "パスワードをお忘れの方").waitFor();
    await audit.check(page, "forgot-password");
    await page.getByRole("button", { name: "再設定用のメールを送信" }).click();
    await refusal(page).waitFor();
    await audit.check(page, "forgot-password refused empty");
    await input(page, "ユーザー名").fill(RESET_ACCOUNT.username);
    await page.getByRole("button", { name: "再設定用のメールを送信" }).click();
    await page.getByText("パスワード再設定用のメールを送信しました", { exact: false }).waitFor();
    await audit.check(page, "forgot-password sent");

    const mail = await server.tdb.db
      .selectFrom("mailOutbox")
      .select("textBody")
      .where("toAddress", "=", `${RESET_ACCOUNT.username}@example.jp`)
      .executeTakeFirstOrThrow();
    const link = /https?:\/\/\S+\/reset-password\?token=\S+/.exec(mail.textBody)?.[0];
    expect(link).toBeDefined();
    await page.goto(link as string);
    await heading(page, "パスワード再設定").waitFor();
    await audit.check(page, "reset-password");
    await page.getByRole("button", { name: "パスワードを変更する" }).click();
    await refusal(page).waitFor();
    await audit.check(page, "reset-password refused empty");

    await page.goto(`${base}/self-check`);
    await heading(page, "自己チェック").waitFor();
    await audit.check(page, "self-check signed out");
    await input(page, /① 在庫量/).fill("5000");
    await input(page, /② 1週間の想定消費量/).fill("1000");
    await input(page, /③ 1週間の購入見込み量/).fill("0");
    await expect
      .poll(() => page.locator("[data-verdict]").getAttribute("data-verdict"))
      .toBe("not-eligible");
    await audit.check(page, "self-check signed out, not eligible");

    // Signed in with an account of another app: the way there is shown instead.
    await page.goto(`${base}/sign-in`);
    await signIn(page, ACCOUNTS.vendor.username);
    await heading(page, "医療機関向けのページは利用できません").waitFor();
    await audit.check(page, "wrong role");

    audit.verdict();
    await page.context().close();
  });

  it("the signed-in pages, with a draft request, its apply dialog and its filed state", async () => {
    const audit = auditor({ phone: true });
    const page = await phonePage();
    const base = `${server.url}/institution`;

    await page.goto(`${base}/`);
    await signIn(page, INSTITUTIONS.draft.username);
    await heading(page, "ホーム").waitFor();
    await page.getByRole("region", { name: "今週の週次調査" }).getByText("回答済み").waitFor();
    await audit.check(page, "home");
    // The menu opened, as a phone shows it.
    await page.getByRole("button", { name: "メニュー" }).click();
    await page.getByRole("navigation", { name: "メインメニュー" }).waitFor();
    await audit.check(page, "home with the menu open");
    await page.keyboard.press("Escape");

    await page.goto(`${base}/surveys`);
    await heading(page, "週次調査").waitFor();
    const surveys = page.getByRole("list", { name: "週次調査の一覧" });
    await surveys.getByRole("listitem").first().waitFor();
    await audit.check(page, "survey list");
    await surveys.getByRole("link").first().click();
    await input(page, /① 在庫量/).waitFor();
    await audit.check(page, "survey page");
    await input(page, /① 在庫量/).fill("");
    await page.getByRole("button", { name: "保存", exact: true }).click();
    await refusal(page).waitFor();
    await audit.check(page, "survey page refused empty");
    await page.goBack();
    await surveys.getByRole("link").nth(1).click();
    await page.getByRole("heading", { name: "この回答は編集できません" }).waitFor();
    await audit.check(page, "survey page of a past week");

    await page.goto(`${base}/self-check`);
    await page.getByRole("region", { name: "自己チェックシート" }).waitFor();
    await expect
      .poll(() => page.locator("[data-verdict]").getAttribute("data-verdict"))
      .toBe("eligible");
    await audit.check(page, "self-check signed in");

    await page.goto(`${base}/allocation`);
    await heading(page, "割当のセット数").waitFor();
    await page.waitForLoadState("networkidle");
    await audit.check(page, "allocation (割当のセット数)");

    await page.goto(`${base}/delegation`);
    await heading(page, "代理入力の許可").waitFor();
    await page.getByText("代理入力を許可している団体はありません。").waitFor();
    await audit.check(page, "delegation (代理入力の許可)");

    for (const view of ["all", "recent", "active"]) {
      await page.goto(`${base}/requests?view=${view}`);
      await heading(page, "緊急配布要請").waitFor();
      await page.locator(".inst-list, .inst-empty").first().waitFor();
      await audit.check(page, `request list ${view}`);
    }

    await page.goto(`${base}/requests/new`);
    await heading(page, "緊急配布要請の作成").waitFor();
    await page.getByText("まだ申請していない要請があります").waitFor();
    await audit.check(page, "new request");
    await page.getByRole("button", { name: "保存", exact: true }).click();
    await errorSummary(page).waitFor();
    await audit.check(page, "new request refused empty");

    await page.goto(`${base}/requests/${requestIds.draft}`);
    await heading(page, "緊急配布要請").waitFor();
    await page.locator(".sos-page-header .sos-status").getByText("申請前").waitFor();
    await audit.check(page, "request draft");
    await page.getByRole("button", { name: "システムチェック&申請" }).click();
    const dialog = page.getByRole("dialog", { name: "システムチェック&申請" });
    await dialog.waitFor();
    await audit.check(page, "apply confirmation dialog");
    await dialog.getByRole("button", { name: "完了" }).click();
    await page.getByText("申請しました（都道府県・国確認中）").waitFor();
    await audit.check(page, "request reviewing");
    await page.getByRole("button", { name: "取下げ", exact: true }).click();
    await page.getByRole("dialog", { name: "この要請を取り下げますか？" }).waitFor();
    await audit.check(page, "withdraw confirmation dialog");
    await page.keyboard.press("Escape");

    await page.goto(`${base}/requests/${requestIds.draft}/edit`);
    await heading(page, "緊急配布要請の編集").waitFor();
    await input(page, /担当者氏名/).waitFor();
    await audit.check(page, "edit request");
    await input(page, /担当者氏名/).fill("");
    await page.getByRole("button", { name: "保存", exact: true }).click();
    await errorSummary(page).waitFor();
    await audit.check(page, "edit request refused empty");

    await page.goto(`${base}/no-such-page`);
    await heading(page, "ページが見つかりません").waitFor();
    await audit.check(page, "not found");

    audit.verdict();
    await page.context().close();
  });

  it("a request the system check refused, with its reason", async () => {
    const audit = auditor({ phone: true });
    const page = await phonePage();
    await page.goto(`${server.url}/institution/requests/${requestIds.error}`);
    await signIn(page, INSTITUTIONS.error.username);
    await page.locator(".sos-page-header .sos-status").getByText("エラーあり").waitFor();
    await refusal(page).waitFor();
    await audit.check(page, "request error");
    audit.verdict();
    await page.context().close();
  });
});

describe("the review console at a desk", { timeout: 240_000 }, () => {
  it("the prefecture's pages, and its form refused", async () => {
    const audit = auditor({ phone: false });
    const page = await deskPage();
    const base = `${server.url}/review`;

    await page.goto(`${base}/sign-in`);
    await heading(page, "ログイン").waitFor();
    await audit.check(page, "sign-in");
    await page.getByRole("button", { name: "ログイン", exact: true }).click();
    await refusal(page).waitFor();
    await audit.check(page, "sign-in refused empty");
    await signIn(page, ACCOUNTS.prefecture.username);
    await heading(page, "ホーム").waitFor();
    await page.getByText(/確認待ちの要請が .+件 あります。/).waitFor();
    await audit.check(page, "prefecture home");

    await page.goto(`${base}/requests`);
    await page.locator("tbody tr[data-row-id]").first().waitFor();
    await audit.check(page, "prefecture queue");

    await page.goto(`${base}/requests/${requestIds.prefecture}`);
    await heading(page, INSTITUTIONS.prefecture.name).waitFor();
    const form = page.getByRole("form", { name: "都道府県の確認入力" });
    await form.waitFor();
    await audit.check(page, "prefecture request");
    await form.getByRole("button", { name: "都道府県確認を完了" }).click();
    await refusal(page).waitFor();
    await audit.check(page, "prefecture request refused");

    await page.goto(`${base}/invitations/undeliverable`);
    await heading(page, "招待メールが届かなかった医療機関").waitFor();
    await page.waitForLoadState("networkidle");
    await audit.check(page, "undeliverable invitations");

    await page.goto(`${base}/target-lists`);
    await page.getByText("このページは利用できません").waitFor();
    await audit.check(page, "ministry page refused to the prefecture");
    await page.goto(`${base}/no-such-page`);
    await heading(page, "ページが見つかりません").waitFor();
    await audit.check(page, "not found");

    audit.verdict();
    await page.context().close();
  });

  it("the ministry's pages, its dialogs and its refused forms", async () => {
    const audit = auditor({ phone: false });
    const page = await deskPage();
    const base = `${server.url}/review`;

    await page.goto(`${base}/`);
    await signIn(page, ACCOUNTS.ministry.username);
    await heading(page, "ホーム").waitFor();
    await page.getByRole("navigation", { name: "メインメニュー" }).waitFor();
    await audit.check(page, "ministry home");

    await page.goto(`${base}/requests`);
    await page.locator("tbody tr[data-row-id]").first().waitFor();
    await audit.check(page, "ministry queue");

    await page.goto(`${base}/requests/${requestIds.ministry}`);
    await heading(page, INSTITUTIONS.ministry.name).waitFor();
    const decision = page.getByRole("form", { name: "国の確認" });
    await decision.waitFor();
    await audit.check(page, "ministry request");
    await decision.getByRole("button", { name: "承認（受付完了）" }).click();
    await page.getByRole("dialog").waitFor();
    await audit.check(page, "ministry approve dialog");
    await page.keyboard.press("Escape");

    await page.goto(`${base}/progress`);
    await page.getByRole("table", { name: /都道府県別の進捗/ }).waitFor();
    await audit.check(page, "progress");

    await page.goto(`${base}/target-lists`);
    await heading(page, "対象医療機関リスト").waitFor();
    await page.getByText("第1号").first().waitFor();
    await audit.check(page, "target lists");

    await page.goto(`${base}/target-lists/${batchId}`);
    await page.getByRole("table", { name: "第1号に載せた医療機関" }).waitFor();
    await audit.check(page, "target batch");

    await page.goto(`${base}/sanctions`);
    const sanction = page.getByRole("form", { name: "措置の登録" });
    await sanction.waitFor();
    await audit.check(page, "sanctions");
    await sanction.getByRole("button", { name: "措置を登録…" }).click();
    await refusal(page).waitFor();
    await audit.check(page, "sanctions refused empty");
    await input(page, /医療機関コード/).fill(INSTITUTIONS.error.code);
    await input(page, /措置の理由/).fill("転売が確認されたため");
    await sanction.getByRole("button", { name: "措置を登録…" }).click();
    await page.getByRole("dialog", { name: "措置を登録します" }).waitFor();
    await audit.check(page, "sanction confirmation dialog");
    await page.keyboard.press("Escape");

    await page.goto(`${base}/publication`);
    await heading(page, "公表用一覧").waitFor();
    await page.getByLabel("対象の週").waitFor();
    await audit.check(page, "publication");

    for (const [path, title] of [
      ["allocation", "供給不足時の割当"],
      ["registry", "医療機関名簿の取り込み"],
      ["invitations", "医療機関の招待"],
      ["accounts", "アカウント管理"],
      ["accounts/permissions", "権限の一覧"],
    ] as const) {
      await page.goto(`${base}/${path}`);
      await heading(page, title).waitFor();
      await page.waitForLoadState("networkidle");
      await audit.check(page, path);
    }

    audit.verdict();
    await page.context().close();
  });
});

describe("the vendor app", { timeout: 240_000 }, () => {
  it("the back office at a desk", async () => {
    const audit = auditor({ phone: false });
    const page = await deskPage();
    const base = `${server.url}/vendor`;

    await page.goto(`${base}/sign-in`);
    await heading(page, "ログイン").waitFor();
    await audit.check(page, "sign-in");
    await signIn(page, ACCOUNTS.vendor.username);
    await heading(page, "ホーム").waitFor();
    await audit.check(page, "home");

    for (const [path, title] of [
      ["target-lists", "対象医療機関リスト"],
      [`target-lists/${batchId}`, "対象医療機関リスト 第1号"],
      ["registrations", "施設登録"],
      ["orders", "注文・出荷"],
      ["products", "商品・在庫"],
    ] as const) {
      await page.goto(`${base}/${path}`);
      await heading(page, title).waitFor();
      await audit.check(page, path);
    }

    await page.goto(`${base}/target-lists/${batchId}`);
    const listed = page.getByRole("listitem").filter({ hasText: INSTITUTIONS.listed.name });
    await listed.getByRole("checkbox", { name: `${INSTITUTIONS.listed.name}を選択` }).check();
    await page.getByRole("button", { name: /選択した医療機関に購入リンクを送信/ }).click();
    await page.getByRole("dialog", { name: "購入リンクを送信しますか？" }).waitFor();
    await audit.check(page, "send links dialog");
    await page.keyboard.press("Escape");

    audit.verdict();
    await page.context().close();
  });

  it("the storefront on a phone: registration and the purchase link", async () => {
    const audit = auditor({ phone: true });
    const page = await phonePage();
    const base = `${server.url}/vendor`;

    await page.goto(`${base}/register`);
    await heading(page, "購入サイトへの施設登録").waitFor();
    await audit.check(page, "register");
    await page.getByRole("button", { name: "入力内容を確認する" }).click();
    await refusal(page).waitFor();
    await audit.check(page, "register refused empty");

    // A confirmation link that is wrong or used up: the page says so, and offers the way back.
    await page.goto(`${base}/register/confirm/${"a".repeat(32)}`);
    await page.getByRole("heading", { level: 1 }).waitFor();
    await audit.check(page, "register confirm, invalid link");

    await page.goto(`${base}/purchase/${purchaseToken}`);
    await heading(page, "ご購入手続き").waitFor();
    await audit.check(page, "purchase");
    await page.getByRole("button", { name: "注文内容を確認する" }).click();
    await refusal(page).waitFor();
    await audit.check(page, "purchase refused empty");

    audit.verdict();
    await page.context().close();
  });
});

/** The name the focused element is known by (its label, or its own text), and its kind. */
function focusedName(page: Page): Promise<string> {
  return page.evaluate<string>(`(() => {
    const el = document.activeElement;
    if (!el) return "";
    const label = el.labels && el.labels[0] ? el.labels[0].textContent : "";
    return [el.tagName.toLowerCase(), label || el.getAttribute("aria-label") || el.textContent || ""].join("|");
  })()`);
}

/** Tab (forwards) until the focus is on what matches, as a keyboard user would. */
async function tabTo(page: Page, target: RegExp, limit = 40): Promise<void> {
  for (let presses = 0; presses < limit; presses += 1) {
    await page.keyboard.press("Tab");
    if (target.test(await focusedName(page))) return;
  }
  throw new Error(`${target} not reached within ${limit} presses of Tab`);
}

describe("the institution's forms by keyboard alone", { timeout: 180_000 }, () => {
  it("signs in, answers the survey, files a request and applies without a pointer", async () => {
    const page = await phonePage();
    const base = `${server.url}/institution`;
    const db = server.tdb.db;

    await page.goto(`${base}/sign-in`);
    await heading(page, "ログイン").waitFor();
    await tabTo(page, /^input\|ユーザー名/);
    await page.keyboard.type(ACCOUNTS.institution.username);
    await tabTo(page, /^input\|パスワード/);
    await page.keyboard.type(PASSWORD);
    await page.keyboard.press("Enter");
    await heading(page, "ホーム").waitFor();

    await tabTo(page, /^a\|週次調査に回答する/);
    await page.keyboard.press("Enter");
    await heading(page, "週次調査").waitFor();
    await tabTo(page, /^input\|① 在庫量/);
    await page.keyboard.type("２０００");
    await tabTo(page, /^input\|② 1週間の想定消費量/);
    await page.keyboard.type("1000");
    await tabTo(page, /^input\|③ 1週間の購入見込み量/);
    await page.keyboard.type("400");
    await tabTo(page, /^button\|保存$/);
    await page.keyboard.press("Enter");
    await page.getByRole("status").filter({ hasText: "週次調査の回答を保存しました。" }).waitFor();
    const hospital = await db
      .selectFrom("users")
      .select("institutionId")
      .where("username", "=", ACCOUNTS.institution.username)
      .executeTakeFirstOrThrow();
    const survey = await db
      .selectFrom("weeklySurveys")
      .select(["stock", "consumption", "purchases"])
      .where("institutionId", "=", hospital.institutionId ?? "")
      .where("answeredAt", "is not", null)
      .executeTakeFirstOrThrow();
    expect(survey).toEqual({ stock: 2000, consumption: 1000, purchases: 400 });

    await page.goto(`${base}/requests/new`);
    await heading(page, "緊急配布要請の作成").waitFor();
    await tabTo(page, /^input\|担当者氏名/);
    await page.keyboard.type("山田 花子");
    await tabTo(page, /^input\|電話番号/);
    await page.keyboard.type("03-1234-5678");
    await tabTo(page, new RegExp(`^input\\|${CONDITIONS_CONFIRMATION_LABEL.slice(0, 10)}`));
    await page.keyboard.press("Space");
    await expect(
      page.getByRole("checkbox", { name: CONDITIONS_CONFIRMATION_LABEL }).isChecked(),
    ).resolves.toBe(true);
    await tabTo(page, /^button\|保存$/);
    await page.keyboard.press("Enter");
    await heading(page, "緊急配布要請").waitFor();
    await page.getByRole("status").filter({ hasText: "保存しました（申請前）。" }).waitFor();

    await tabTo(page, /^button\|システムチェック&申請/);
    await page.keyboard.press("Enter");
    const dialog = page.getByRole("dialog", { name: "システムチェック&申請" });
    await dialog.waitFor();
    await tabTo(page, /^button\|完了$/, 10);
    await page.keyboard.press("Enter");
    await page.getByText("申請しました（都道府県・国確認中）").waitFor();
    const filed = await db
      .selectFrom("sosRequests")
      .select(["status", "contactName", "conditionsConfirmed"])
      .where("institutionId", "=", hospital.institutionId ?? "")
      .executeTakeFirstOrThrow();
    expect(filed).toEqual({
      status: "reviewing",
      contactName: "山田 花子",
      conditionsConfirmed: true,
    });
    await page.context().close();
  });
});

describe("the other forms by keyboard alone", { timeout: 180_000 }, () => {
  it("a prefecture officer signs in and completes a request without a pointer", async () => {
    const page = await deskPage();
    await page.goto(`${server.url}/review/requests/${requestIds.prefecture}`);
    await heading(page, "ログイン").waitFor();
    await tabTo(page, /^input\|ユーザー名/);
    await page.keyboard.type(ACCOUNTS.prefecture.username);
    await tabTo(page, /^input\|パスワード/);
    await page.keyboard.type(PASSWORD);
    await page.keyboard.press("Enter");
    await heading(page, INSTITUTIONS.prefecture.name).waitFor();

    await tabTo(page, /^input\|必要/, 80);
    await page.keyboard.press("Space");
    await expect(
      page
        .getByRole("form", { name: "都道府県の確認入力" })
        .getByRole("radio", { name: /必要/ })
        .first()
        .isChecked(),
    ).resolves.toBe(true);
    await tabTo(page, /^button\|都道府県確認を完了/);
    await page.keyboard.press("Enter");
    await tabTo(page, /^button\|完了する/);
    await page.keyboard.press("Enter");
    await page
      .getByText(`「${INSTITUTIONS.prefecture.name}」の都道府県確認を完了しました`)
      .waitFor();
    const review = await server.tdb.db
      .selectFrom("prefectureReviews")
      .select(["supplyNeeded", "completedAt"])
      .where("requestId", "=", requestIds.prefecture)
      .executeTakeFirstOrThrow();
    expect(review.supplyNeeded).toBe(true);
    expect(review.completedAt).not.toBeNull();
    await page.context().close();
  });

  it("a facility registers on the storefront and confirms it without a pointer", async () => {
    const audit = auditor({ phone: true });
    const page = await phonePage();
    await page.goto(`${server.url}/vendor/register`);
    await heading(page, "購入サイトへの施設登録").waitFor();
    // The address on the ministry's list, where the confirmation link is sent.
    const email = `${INSTITUTIONS.draft.username}@example.jp`;
    for (const [label, text] of [
      [/^input\|施設名/, INSTITUTIONS.draft.name],
      [/^input\|医療機関コード/, INSTITUTIONS.draft.code],
      [/^input\|郵便番号/, "101-0047"],
      [/^input\|住所/, "東京都千代田区内神田2-1"],
      [/^input\|電話番号/, "03-3234-5678"],
      [/^input\|メールアドレス/, email],
    ] as const) {
      await tabTo(page, label);
      await page.keyboard.type(text);
    }
    // Into the payment choices, then along them with the arrow key, as radio buttons go.
    await tabTo(page, /^input\|請求書払い/);
    await page.keyboard.press("ArrowRight");
    await expect(page.getByRole("radio", { name: "銀行振込" }).isChecked()).resolves.toBe(true);
    await tabTo(page, /^button\|入力内容を確認する/);
    await page.keyboard.press("Enter");
    await page.getByRole("region", { name: "入力内容の確認" }).waitFor();
    await tabTo(page, /^button\|登録する/);
    await page.keyboard.press("Enter");
    await heading(page, "確認メールを送信しました").waitFor();
    await audit.check(page, "register, confirmation mail sent");

    await page.goto(`${server.url}/vendor/register/confirm/${await confirmationToken(email)}`);
    await heading(page, "施設登録の確定").waitFor();
    await audit.check(page, "register confirm");
    await tabTo(page, /^button\|登録を確定する/);
    await page.keyboard.press("Enter");
    await heading(page, "施設登録が完了しました").waitFor();
    await audit.check(page, "register confirmed");
    const stored = await server.tdb.db
      .selectFrom("vendorRegistrations")
      .select(["institutionCode", "paymentMethod", "confirmedVia"])
      .where("email", "=", email)
      .executeTakeFirstOrThrow();
    expect(stored).toEqual({
      institutionCode: INSTITUTIONS.draft.code,
      paymentMethod: "bank_transfer",
      confirmedVia: "mail",
    });
    audit.verdict();
    await page.context().close();
  });
});
