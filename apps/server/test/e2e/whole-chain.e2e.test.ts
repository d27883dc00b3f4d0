import { createTestDatabase, type TestDatabase } from "@sos/db/testing";
import { CONDITIONS_CONFIRMATION_LABEL } from "@sos/domain";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it, onTestFailed } from "vitest";
import { DEMO_ACCOUNTS, DEMO_HOSPITAL, seedDemo } from "../../src/seed/demo";
import { type MailChain, startMailChain } from "../support/mail-chain";
import type { SmtpSink } from "../support/smtp-sink";
import { startTestServer, type TestServer } from "../support/test-server";
import { APPS_DIR, ensureAllBuilt } from "./app-builds";
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
 * The whole scheme once, as a newcomer meets it after `pnpm start`: an empty database
 * filled by the demo seed, the job worker delivering to a real SMTP server, the built
 * apps over the real server, and every step taken in the browser by the demo accounts.
 * The hospital answers its survey and files an SOS on a phone; Tokyo's officer, mailed,
 * completes it; the ministry approves it and issues the list; the hospital registers on
 * the storefront; the vendor sends the link; the hospital buys from the mailed link; the
 * vendor ships; the hospital sees it shipped. The database is only read, to check.
 */

function demoAccount(username: string) {
  const account = DEMO_ACCOUNTS.find((candidate) => candidate.username === username);
  if (account === undefined) throw new Error(`no demo account ${username}`);
  return account;
}

const HOSPITAL = demoAccount("demo-hospital");
const TOKYO = demoAccount("demo-tokyo");
const MINISTRY = demoAccount("demo-ministry");
const VENDOR = demoAccount("demo-vendor");

/** Digits and hyphens as a phone's IME in full-width mode types them. */
function fullWidth(text: string): string {
  return text.replace(/[0-9-]/g, (c) =>
    c === "-" ? "－" : String.fromCharCode(c.charCodeAt(0) + 0xfee0),
  );
}

let tdb: TestDatabase;
let chain: MailChain;
let sink: SmtpSink;
let server: TestServer;
let browser: Browser;

beforeAll(async () => {
  await ensureAllBuilt();
  // In start.ts's order: database, demo seed, mail, worker, then HTTP.
  tdb = await createTestDatabase();
  const seeded = await seedDemo(tdb.db, { log: () => {} });
  expect(seeded?.accounts.map((account) => account.username)).toEqual(
    DEMO_ACCOUNTS.map((account) => account.username),
  );
  chain = await startMailChain(tdb, { name: "sos-e2e-whole-chain-worker" });
  sink = chain.sink;
  server = await startTestServer({ tdb, appsDir: APPS_DIR });
  browser = await launchChromium();
}, 900_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
  await chain?.close();
  await tdb?.destroy();
});

function watch(page: Page, who: string): string[] {
  const problems = collectProblems(page);
  onTestFailed(async ({ task }) => {
    if (page.isClosed()) return;
    await screenshot(
      page,
      `FAILED whole-chain ${who} ${task.name}`.replace(/[^\p{L}\p{N}]+/gu, "-"),
    );
    console.error(`${who}: at ${page.url()}; page problems: ${problems.join(" | ") || "none"}`);
  });
  return problems;
}

/** Screenshot of the step, after checking nothing on it makes the screen scroll sideways. */
async function step(page: Page, name: string): Promise<void> {
  expect(await scrollsSideways(page), `${name} scrolls sideways`).toBe(false);
  await screenshot(page, `whole-chain-${name}`);
}

async function signIn(page: Page, account: { username: string; password: string }) {
  await input(page, "ユーザー名").fill(account.username);
  await input(page, /^パスワード/).fill(account.password);
  await page.getByRole("button", { name: "ログイン", exact: true }).click();
}

/** Requests that failed on purpose (a signed-out check answers 401) are not page problems. */
function unexpected(problems: string[]): string[] {
  return problems.filter((problem) => !problem.includes("Failed to load resource"));
}

const REVIEW_URL = /(http:\/\/127\.0\.0\.1:\d+\/review\/requests\/[0-9a-f-]{36})/;
const PURCHASE_URL = /(http:\/\/127\.0\.0\.1:\d+\/vendor\/purchase\/[a-z2-7]{32})/;

describe("the whole chain from an empty database", { timeout: 600_000 }, () => {
  it("survey and SOS on a phone, review, list, registration, purchase by mail, shipping", async () => {
    const db = tdb.db;
    // The institution the demo hospital account belongs to, as the seed stored it.
    const hospital = await db
      .selectFrom("institutions")
      .innerJoin("users", "users.institutionId", "institutions.id")
      .selectAll("institutions")
      .where("users.username", "=", HOSPITAL.username)
      .executeTakeFirstOrThrow();
    expect(hospital.name).toBe(DEMO_HOSPITAL.name);

    // The hospital, on a phone: this week's survey, typed in full width.
    const phone = await newPhonePage(browser);
    const phoneProblems = watch(phone, "phone");
    await phone.goto(`${server.url}/institution/`);
    await signIn(phone, HOSPITAL);
    await heading(phone, "ホーム").waitFor();
    const surveyCard = phone.getByRole("region", { name: "今週の週次調査" });
    await surveyCard.getByText("未回答", { exact: true }).waitFor();
    await step(phone, "01-institution-home");
    await surveyCard.getByRole("link", { name: "週次調査に回答する" }).click();
    await heading(phone, "週次調査").waitFor();
    // Consumption 2,000 a week gives a limit of 4 sets, room for the 3 bought below;
    // eligible as 2,000 < (2,000 − 400) × 4.
    await input(phone, /① 在庫量/).fill("２，０００");
    await input(phone, /② 1週間の想定消費量/).fill("２，０００");
    await input(phone, /③ 1週間の購入見込み量/).fill("４００");
    await step(phone, "02-survey-typed");
    await phone.getByRole("button", { name: "保存", exact: true }).click();
    await phone.getByRole("status").filter({ hasText: "週次調査の回答を保存しました。" }).waitFor();
    await expect(input(phone, /① 在庫量/).inputValue()).resolves.toBe("2,000");
    await step(phone, "03-survey-saved");
    const answered = await db
      .selectFrom("weeklySurveys")
      .select(["stock", "consumption", "purchases"])
      .where("institutionId", "=", hospital.id)
      .where("answeredAt", "is not", null)
      .orderBy("weekStart", "desc")
      .executeTakeFirstOrThrow();
    expect(answered).toEqual({ stock: 2000, consumption: 2000, purchases: 400 });

    // The SOS: 新規 → 保存 → システムチェック&申請.
    await phone.getByRole("button", { name: "メニュー" }).click();
    await phone
      .getByRole("navigation", { name: "メインメニュー" })
      .getByRole("link", { name: "緊急配布要請", exact: true })
      .click();
    await heading(phone, "緊急配布要請").waitFor();
    await phone.getByRole("link", { name: "新規", exact: true }).click();
    await heading(phone, "緊急配布要請の作成").waitFor();
    await input(phone, /担当者氏名/).fill("山田 花子");
    await input(phone, /電話番号/).fill("０３－４１２３－４５６７");
    await phone.getByLabel(CONDITIONS_CONFIRMATION_LABEL).check();
    await step(phone, "04-request-form");
    await phone.getByRole("button", { name: "保存", exact: true }).click();
    await heading(phone, "緊急配布要請").waitFor();
    await phone.getByRole("button", { name: "システムチェック&申請" }).click();
    const applyDialog = phone.getByRole("dialog", { name: "システムチェック&申請" });
    await applyDialog.waitFor();
    await applyDialog.getByRole("button", { name: "完了" }).click();
    await phone.getByText("申請しました（都道府県・国確認中）").waitFor();
    await expect(phone.locator(".sos-page-header .sos-status").textContent()).resolves.toBe(
      "都道府県・国確認中",
    );
    await step(phone, "05-request-applied");
    const filed = await db
      .selectFrom("sosRequests")
      .select(["id", "status", "contactPhone"])
      .where("institutionId", "=", hospital.id)
      .executeTakeFirstOrThrow();
    expect(filed).toMatchObject({ status: "reviewing", contactPhone: "0341234567" });

    // Tokyo's officer is mailed and opens the request from the mail.
    const appliedMail = await sink.waitFor(
      (mail) => mail.kind === "sos_applied" && mail.to === TOKYO.email,
      60_000,
    );
    expect(appliedMail.text).toContain(DEMO_HOSPITAL.name);
    const reviewUrl = REVIEW_URL.exec(appliedMail.text)?.[1];
    expect(reviewUrl).toBe(`${server.url}/review/requests/${filed.id}`);
    const tokyo = await newDeskPage(browser);
    const tokyoProblems = watch(tokyo, "tokyo");
    await tokyo.goto(reviewUrl as string);
    await signIn(tokyo, TOKYO);
    await heading(tokyo, DEMO_HOSPITAL.name).waitFor();
    const calculation = tokyo.getByRole("region", { name: "配布条件の判定" });
    await expect(calculation.textContent()).resolves.toContain("4セット");
    const prefectureForm = tokyo.getByRole("form", { name: "都道府県の確認入力" });
    await expect(input(tokyo, "数量（セット）").inputValue()).resolves.toBe("4");
    await prefectureForm.getByRole("radio", { name: /必要/ }).check();
    await step(tokyo, "06-prefecture-request");
    await prefectureForm.getByRole("button", { name: "都道府県確認を完了" }).click();
    await tokyo.getByRole("dialog").getByRole("button", { name: "完了する" }).click();
    await tokyo.getByText(`「${DEMO_HOSPITAL.name}」の都道府県確認を完了しました`).waitFor();
    await step(tokyo, "07-prefecture-completed");
    await expect
      .poll(
        async () =>
          (
            await db
              .selectFrom("sosRequests")
              .select("reviewStage")
              .where("id", "=", filed.id)
              .executeTakeFirstOrThrow()
          ).reviewStage,
      )
      .toBe("ministry");

    // The ministry approves it and issues list 第1号.
    const ministry = await newDeskPage(browser);
    const ministryProblems = watch(ministry, "ministry");
    await ministry.goto(`${server.url}/review/`);
    await signIn(ministry, MINISTRY);
    await heading(ministry, "ホーム").waitFor();
    const ministryMenu = ministry.getByRole("navigation", { name: "メインメニュー" });
    await ministryMenu.getByRole("link", { name: "要請の確認・承認", exact: true }).click();
    await heading(ministry, "要請の確認・承認").waitFor();
    const queue = ministry.locator("tbody tr[data-row-id]");
    await expect.poll(() => queue.count()).toBe(1);
    await step(ministry, "08-ministry-queue");
    await queue.first().getByRole("link", { name: DEMO_HOSPITAL.name }).click();
    await heading(ministry, DEMO_HOSPITAL.name).waitFor();
    const decision = ministry.getByRole("form", { name: "国の確認" });
    await expect(input(ministry, "承認する数量（セット）").inputValue()).resolves.toBe("4");
    await decision.getByRole("button", { name: "承認（受付完了）" }).click();
    const approve = ministry.getByRole("dialog", {
      name: `「${DEMO_HOSPITAL.name}」の要請を承認します`,
    });
    await approve.waitFor();
    await step(ministry, "09-ministry-approve");
    await approve.getByRole("button", { name: "承認する" }).click();
    await ministry.getByText(`「${DEMO_HOSPITAL.name}」の要請を承認しました（受付完了）`).waitFor();
    await ministryMenu.getByRole("link", { name: "対象医療機関リスト", exact: true }).click();
    await heading(ministry, "対象医療機関リスト").waitFor();
    await ministry.getByText("1件（合計 4セット（4,000枚））").waitFor();
    await ministry.getByRole("button", { name: "第1号のリストを発行" }).click();
    const issue = ministry.getByRole("dialog", { name: "対象医療機関リスト 第1号を発行します" });
    await issue.waitFor();
    await issue.getByRole("button", { name: "発行する" }).click();
    await ministry.getByText("第1号のリストを発行しました").waitFor();
    await step(ministry, "10-target-list-issued");
    const approved = await db
      .selectFrom("sosRequests as r")
      .innerJoin("ministryApprovals as ma", "ma.requestId", "r.id")
      .innerJoin("targetItems as ti", "ti.requestId", "r.id")
      .select(["r.status", "ma.quantitySets"])
      .where("r.id", "=", filed.id)
      .executeTakeFirstOrThrow();
    expect(approved).toEqual({ status: "accepted", quantitySets: 4 });

    // The hospital registers on the vendor's storefront, on its phone, in full width.
    await phone.goto(`${server.url}/vendor/register`);
    await heading(phone, "購入サイトへの施設登録").waitFor();
    await input(phone, /施設名/).fill(hospital.name);
    await input(phone, /医療機関コード/).fill(fullWidth(hospital.code));
    await input(phone, /郵便番号/).fill(
      fullWidth(`${hospital.postcode.slice(0, 3)}-${hospital.postcode.slice(3)}`),
    );
    await input(phone, /住所/).fill(fullWidth(hospital.address));
    await input(phone, /電話番号/).fill(fullWidth(hospital.phone));
    await input(phone, /メールアドレス/).fill(hospital.email);
    await phone.getByRole("radio", { name: "請求書払い" }).check();
    await step(phone, "11-register-typed");
    await phone.getByRole("button", { name: "入力内容を確認する" }).click();
    const check = phone.getByRole("region", { name: "入力内容の確認" });
    await check.waitFor();
    await expect(check.textContent()).resolves.toContain(hospital.code);
    await check.getByRole("button", { name: "登録する" }).click();
    await heading(phone, "施設登録が完了しました").waitFor();
    await step(phone, "12-register-done");
    const registration = await db
      .selectFrom("vendorRegistrations")
      .select(["institutionCode", "postcode", "address", "phone", "email"])
      .executeTakeFirstOrThrow();
    expect(registration).toEqual({
      institutionCode: hospital.code,
      postcode: hospital.postcode,
      address: hospital.address,
      phone: hospital.phone,
      email: hospital.email,
    });

    // The vendor finds the hospital matched on list 第1号 and sends the purchase link.
    const desk = await newDeskPage(browser);
    const deskProblems = watch(desk, "vendor");
    await desk.goto(`${server.url}/vendor/`);
    await signIn(desk, VENDOR);
    await heading(desk, "ホーム").waitFor();
    const vendorMenu = desk.getByRole("navigation", { name: "メインメニュー" });
    await vendorMenu.getByRole("link", { name: "対象医療機関リスト" }).click();
    await heading(desk, "対象医療機関リスト").waitFor();
    await desk.getByRole("link", { name: "第1号" }).click();
    await heading(desk, "対象医療機関リスト 第1号").waitFor();
    const item = desk.getByRole("listitem").filter({ hasText: DEMO_HOSPITAL.name });
    await item.getByText("照合済み", { exact: true }).waitFor();
    await expect(item.textContent()).resolves.toContain("上限 4セット（4,000枚）");
    await step(desk, "13-vendor-list-matched");
    await item.getByRole("checkbox", { name: `${DEMO_HOSPITAL.name}を選択` }).check();
    await desk.getByRole("button", { name: "選択した医療機関に購入リンクを送信（1件）" }).click();
    const sendDialog = desk.getByRole("dialog", { name: "購入リンクを送信しますか？" });
    await sendDialog.waitFor();
    await sendDialog.getByRole("button", { name: "送信を開始する" }).click();
    await desk
      .getByRole("region", { name: "購入リンクの送信状況" })
      .getByRole("status")
      .filter({ hasText: "送信が完了しました（送信 1件）。" })
      .waitFor();
    await item.getByText("送信済み（有効）").waitFor();
    await step(desk, "14-vendor-links-sent");

    // The hospital opens the link from the mail it received and buys 2 sets of S and 1 of M.
    const linkMail = await sink.waitFor(
      (mail) => mail.kind === "purchase_link" && mail.to === hospital.email,
      60_000,
    );
    expect(linkMail.text).toContain("4セット（4,000枚）まで");
    const purchaseUrl = PURCHASE_URL.exec(linkMail.text)?.[1];
    expect(purchaseUrl, "the mail carries the purchase URL").toBeDefined();
    await phone.goto(purchaseUrl as string);
    await heading(phone, "ご購入手続き").waitFor();
    const total = phone.getByText(/^合計 \d+ \/ 上限 \d+ セット$/);
    await expect(total.textContent()).resolves.toBe("合計 0 / 上限 4 セット");
    const plusS = phone.getByRole("button", { name: "Sサイズを1セット増やす", exact: true });
    await plusS.click();
    await plusS.click();
    await input(phone, "Mサイズ").fill("１");
    await expect(total.textContent()).resolves.toBe("合計 3 / 上限 4 セット");
    await step(phone, "15-purchase-chosen");
    await phone.getByRole("button", { name: "注文内容を確認する" }).click();
    const review = phone.getByRole("region", { name: "注文内容の確認" });
    await review.waitFor();
    await expect(
      review
        .getByRole("table", { name: "ご注文のサイズとセット数" })
        .getByRole("row")
        .allTextContents(),
    ).resolves.toEqual([
      "サイズセット数枚数",
      "Sサイズ2セット2,000枚",
      "Mサイズ1セット1,000枚",
      "合計3セット3,000枚",
    ]);
    await review.getByRole("button", { name: "注文を確定する" }).click();
    await heading(phone, "ご注文を承りました").waitFor();
    const order = await db
      .selectFrom("orders")
      .select(["id", "orderNumber", "totalSets", "status"])
      .executeTakeFirstOrThrow();
    expect(order).toMatchObject({ totalSets: 3, status: "ordered" });
    await phone.getByText(`注文番号は ${order.orderNumber} です`).waitFor();
    await step(phone, "16-ordered");
    const lines = await db
      .selectFrom("orderLines")
      .innerJoin("productSizes", "productSizes.id", "orderLines.productSizeId")
      .select(["productSizes.size", "orderLines.sets"])
      .where("orderLines.orderId", "=", order.id)
      .orderBy("productSizes.sortOrder")
      .execute();
    expect(lines).toEqual([
      { size: "S", sets: 2 },
      { size: "M", sets: 1 },
    ]);

    // The vendor ships it.
    await vendorMenu.getByRole("link", { name: "注文・出荷" }).click();
    await heading(desk, "注文・出荷").waitFor();
    await desk.getByRole("button", { name: `${order.orderNumber}を出荷済みにする` }).click();
    const shipDialog = desk.getByRole("dialog", {
      name: `注文 ${order.orderNumber} を出荷済みにする`,
    });
    await shipDialog.getByLabel(/配送業者/).selectOption("ヤマト運輸");
    await shipDialog.getByLabel(/お問い合わせ伝票番号/).fill("１２３４－５６７８－９０１２");
    await step(desk, "17-vendor-ship-dialog");
    await shipDialog.getByRole("button", { name: "出荷済みにする" }).click();
    await desk
      .getByRole("status")
      .filter({ hasText: `注文 ${order.orderNumber} を出荷済みにしました。` })
      .waitFor();
    await step(desk, "18-vendor-shipped");
    await sink.waitFor(
      (mail) => mail.kind === "order_shipped" && mail.to === hospital.email,
      60_000,
    );

    // The hospital's home page, in its own app, says 出荷済み.
    await phone.goto(`${server.url}/institution/`);
    await heading(phone, "ホーム").waitFor();
    const purchaseCard = phone.getByRole("region", { name: "購入・配送" });
    await purchaseCard.getByText(`注文番号 ${order.orderNumber}`, { exact: true }).waitFor();
    await purchaseCard.locator(".sos-status").getByText("出荷済み").waitFor();
    await expect(purchaseCard.textContent()).resolves.toContain(
      "お問い合わせ伝票番号1234-5678-9012",
    );
    await step(phone, "19-institution-home-shipped");
    await expect(
      db.selectFrom("orders").select("status").where("id", "=", order.id).executeTakeFirstOrThrow(),
    ).resolves.toEqual({ status: "shipped" });

    expect(unexpected(phoneProblems)).toEqual([]);
    expect(unexpected(tokyoProblems)).toEqual([]);
    expect(unexpected(ministryProblems)).toEqual([]);
    expect(unexpected(deskProblems)).toEqual([]);
  });
});
