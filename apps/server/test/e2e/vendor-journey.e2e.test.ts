import { createCaller } from "@sos/api";
import { createTestContext } from "@sos/api/testing";
import { hashPassword, toSessionUser } from "@sos/auth";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it, onTestFailed } from "vitest";
import { type MailChain, startMailChain } from "../support/mail-chain";
import type { SmtpSink } from "../support/smtp-sink";
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
 * The vendor's part of the scheme in the built app, over the real server, a fresh
 * database and a real SMTP server the job worker delivers to: the hospital of
 * accounts.ts is accepted and handed over (through the API, as the officers would);
 * it registers on the storefront on a phone; the vendor sends the purchase link;
 * the emailed link is opened and used on the phone; the vendor ships.
 */

const REGISTRATION = {
  // The hospital's address on the ministry's list: the only one a purchase link may go to.
  email: "hospital@example.jp",
  // What a phone's IME in full-width mode gives; matched with the ministry's list after normalisation.
  facilityName: "千代田中央病院",
  code: "１３０００００００１",
  postcode: "１００－０００１",
  address: "東京都千代田区千代田１－１",
  phone: "０３－１２３４－５６７８",
} as const;

const PRODUCT = "ニトリル手袋（パウダーフリー）100枚入×10箱";

/** The vendor's customer list as its own system exports it: one good row, one bad code. */
const CUSTOMERS_CSV = [
  "医療機関コード,施設名,郵便番号,住所,電話番号,メールアドレス,お支払い方法",
  "1300000002,麹町こどもクリニック,102-0083,東京都千代田区麹町3-3,03-3222-1111,info@kojimachi-kids.example.jp,銀行振込",
  "12345,番号誤りクリニック,101-0047,東京都千代田区内神田2-2,03-3234-0000,wrong@example.jp,請求書払い",
].join("\r\n");

let server: TestServer;
let chain: MailChain;
let sink: SmtpSink;
let browser: Browser;

/** The API as an officer or the institution: their screens are other apps. */
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
      config: { publicBaseUrl: server.url },
    }),
  );
}

/** A second institution of the list, which the vendor knows under an older address. */
const CLINIC = {
  username: "e2e-kojimachi",
  code: "1300000002",
  name: "麹町こどもクリニック",
  address: "東京都千代田区麹町2-2",
} as const;

async function insertClinic(): Promise<void> {
  const db = server.tdb.db;
  const clinic = await db
    .insertInto("institutions")
    .values({
      code: CLINIC.code,
      name: CLINIC.name,
      type: "clinic",
      prefectureCode: 13,
      postcode: "1020083",
      address: CLINIC.address,
      phone: "0332221111",
      email: "info@kojimachi-kids.example.jp",
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  await db
    .insertInto("users")
    .values({
      username: CLINIC.username,
      displayName: "小林 誠",
      email: `${CLINIC.username}@example.jp`,
      role: "institution",
      institutionId: clinic.id,
      prefectureCode: null,
      passwordHash: await hashPassword(PASSWORD),
    })
    .execute();
}

/** This week's request of an institution, filed: its figures give a limit of 4 sets (2,000 × 2). */
async function fileRequest(username: string): Promise<string> {
  const institution = await callerOf(username);
  const survey = await institution.survey.current();
  await institution.survey.answer({
    id: survey.id,
    stock: 2000,
    consumption: 2000,
    purchases: 400,
  });
  const draft = await institution.sos.create({
    contactName: "山田 花子",
    contactPhone: "03-1234-5678",
    notes: "",
    conditionsConfirmed: true,
  });
  const applied = await institution.sos.checkAndApply({ id: draft.id, version: draft.version });
  expect(applied.outcome).toBe("reviewing");
  return draft.id;
}

/**
 * The hospital's and the clinic's requests, completed by Tokyo, approved by the
 * ministry and handed over to the vendor as list 第1号.
 */
async function handOver(): Promise<void> {
  const ids = [
    await fileRequest(ACCOUNTS.institution.username),
    await fileRequest(CLINIC.username),
  ];
  const tokyo = await callerOf(ACCOUNTS.prefecture.username);
  const items = [];
  for (const id of ids) {
    const review = await tokyo.review.get({ id });
    const completed = await tokyo.review.savePrefectureReview({
      id,
      expectedVersion: review.version,
      supplyNeeded: true,
      quantitySets: null,
      complete: true,
    });
    items.push({ id, expectedVersion: completed.version });
  }
  const ministry = await callerOf(ACCOUNTS.ministry.username);
  await ministry.review.approve({ items });
  const batch = await ministry.targetList.issue();
  expect(batch.number).toBe(1);
}

beforeAll(async () => {
  await ensureBuilt("vendor");
  await ensureBuilt("institution");
  server = await startTestServer({ appsDir: APPS_DIR });
  await insertAccounts(server.tdb.db);
  await insertClinic();
  await handOver();
  chain = await startMailChain(server.tdb, { name: "sos-e2e-vendor-worker" });
  sink = chain.sink;
  browser = await launchChromium();
}, 600_000);

afterAll(async () => {
  await browser?.close();
  await chain?.close();
  await server?.close();
});

function watch(page: Page, who: string): string[] {
  const problems = collectProblems(page);
  onTestFailed(async ({ task }) => {
    if (page.isClosed()) return;
    await screenshot(page, `FAILED ${who} ${task.name}`.replace(/[^\p{L}\p{N}]+/gu, "-"));
    console.error(
      `${task.name}: at ${page.url()}; page problems: ${problems.join(" | ") || "none"}`,
    );
  });
  return problems;
}

/** Screenshot of the step, after checking nothing on it makes the screen scroll sideways. */
async function step(page: Page, name: string): Promise<void> {
  expect(await scrollsSideways(page), `${name} scrolls sideways`).toBe(false);
  await screenshot(page, `vendor-journey-${name}`);
}

/** Requests that failed on purpose (a refused link answers 404) are not page problems. */
function unexpected(problems: string[]): string[] {
  return problems.filter((problem) => !problem.includes("Failed to load resource"));
}

const PURCHASE_URL = /(http:\/\/127\.0\.0\.1:\d+\/vendor\/purchase\/[a-z2-7]{32})/;

describe("the vendor's journey", { timeout: 240_000 }, () => {
  it("registration on a phone, the link by mail, one purchase, shipping", async () => {
    const db = server.tdb.db;

    // ①' The hospital registers on the storefront, on a phone, typing in full width.
    const phone = await newPhonePage(browser);
    const phoneProblems = watch(phone, "phone");
    await phone.goto(`${server.url}/vendor/register`);
    await heading(phone, "購入サイトへの施設登録").waitFor();
    // Facilities have no account here: no sign-in is offered.
    expect(await phone.getByRole("link", { name: "ログインする" }).count()).toBe(0);
    await step(phone, "01-register-empty");
    await input(phone, /施設名/).fill(REGISTRATION.facilityName);
    await input(phone, /医療機関コード/).fill(REGISTRATION.code);
    await input(phone, /郵便番号/).fill(REGISTRATION.postcode);
    await input(phone, /住所/).fill(REGISTRATION.address);
    await input(phone, /電話番号/).fill(REGISTRATION.phone);
    await input(phone, /メールアドレス/).fill(REGISTRATION.email);
    await phone.getByRole("radio", { name: "請求書払い" }).check();
    await step(phone, "02-register-typed");
    await phone.getByRole("button", { name: "入力内容を確認する" }).click();
    const check = phone.getByRole("region", { name: "入力内容の確認" });
    await check.waitFor();
    await expect(check.textContent()).resolves.toContain("1300000001");
    await step(phone, "03-register-confirm");
    await check.getByRole("button", { name: "登録する" }).click();
    // Not signed in: the registration counts once confirmed from the ministry's listed address.
    await heading(phone, "確認メールを送信しました").waitFor();
    await step(phone, "04-register-mail-sent");
    const confirmMail = await sink.waitFor(
      (mail) => mail.kind === "vendor_registration_confirm" && mail.to === REGISTRATION.email,
    );
    const confirmUrl = /(http:\/\/127\.0\.0\.1:\d+\/vendor\/register\/confirm\/[a-z2-7]{32})/.exec(
      confirmMail.text,
    )?.[1];
    expect(confirmUrl, "the mail carries the confirmation URL").toBeDefined();
    await phone.goto(confirmUrl as string);
    await heading(phone, "施設登録の確定").waitFor();
    await phone.getByRole("button", { name: "登録を確定する" }).click();
    await heading(phone, "施設登録が完了しました").waitFor();
    await step(phone, "04-register-done");

    const stored = await db
      .selectFrom("vendorRegistrations")
      .select([
        "institutionCode",
        "postcode",
        "address",
        "phone",
        "email",
        "paymentMethod",
        "source",
      ])
      .executeTakeFirstOrThrow();
    expect(stored).toEqual({
      institutionCode: "1300000001",
      postcode: "1000001",
      address: "東京都千代田区千代田1-1",
      phone: "0312345678",
      email: REGISTRATION.email,
      paymentMethod: "invoice",
      source: "web",
    });
    const confirmation = await sink.waitFor(
      (mail) => mail.kind === "vendor_registration_confirmed" && mail.to === REGISTRATION.email,
    );
    expect(confirmation.from).toBe("shop@vendor.sos-supply.example");
    expect(confirmation.text).toContain("医療機関コード：1300000001");

    // The vendor puts the gloves on sale: S and M in stock, SS sold out.
    const desk = await newDeskPage(browser);
    const deskProblems = watch(desk, "desk");
    await desk.goto(`${server.url}/vendor/`);
    await input(desk, "ユーザー名").fill(ACCOUNTS.vendor.username);
    await input(desk, /^パスワード/).fill(PASSWORD);
    await desk.getByRole("button", { name: "ログイン", exact: true }).click();
    await heading(desk, "ホーム").waitFor();
    const stockCard = desk.getByRole("region", { name: "在庫" });
    await stockCard.getByText(/販売中の商品とサイズが登録されていません/).waitFor();
    await step(desk, "05a-home");
    await stockCard.getByRole("link", { name: "商品・在庫へ" }).click();
    await heading(desk, "商品・在庫").waitFor();
    await input(desk, /商品名/).fill(PRODUCT);
    await desk.getByRole("button", { name: "登録する" }).click();
    const sizeForm = desk.getByRole("form", { name: "サイズの追加" });
    for (const [size, stock] of [
      ["SSサイズ", "0"],
      ["Sサイズ", "１０"],
      ["Mサイズ", "5"],
    ] as const) {
      await sizeForm.getByLabel("サイズ").selectOption({ label: size });
      await sizeForm.getByLabel(/在庫数/).fill(stock);
      await sizeForm.getByRole("button", { name: "追加" }).click();
      // Exactly: 「SSサイズを追加しました。」 contains 「Sサイズを追加しました。」.
      await desk
        .getByRole("status")
        .getByText(`${size}を追加しました。`, { exact: true })
        .waitFor();
    }
    const stockTable = desk.getByRole("region", { name: "サイズごとの在庫" });
    await expect(stockTable.getByRole("row").allTextContents()).resolves.toEqual([
      expect.stringContaining("サイズ"),
      expect.stringMatching(/^SSサイズ在庫なし/),
      expect.stringMatching(/^Sサイズ10セット（10,000枚）/),
      expect.stringMatching(/^Mサイズ5セット（5,000枚）/),
    ]);
    await step(desk, "05b-products");

    // ①' Existing customers from the vendor's own records: each row's outcome is shown.
    await desk
      .getByRole("navigation", { name: "メインメニュー" })
      .getByRole("link", { name: "施設登録" })
      .click();
    await heading(desk, "施設登録").waitFor();
    await desk
      .getByRole("region", { name: /施設登録（1件）/ })
      .getByText("千代田中央病院")
      .waitFor();
    await desk.getByLabel("CSVファイル").setInputFiles({
      name: "顧客一覧.csv",
      mimeType: "text/csv",
      buffer: Buffer.from(`\uFEFF${CUSTOMERS_CSV}`, "utf8"),
    });
    await desk.getByRole("button", { name: "取り込む" }).click();
    const outcome = desk.getByRole("region", { name: "行ごとの結果" });
    await outcome.waitFor();
    await expect(outcome.getByRole("row").allTextContents()).resolves.toEqual([
      "行医療機関コード施設名結果理由・変更した項目",
      "2行目1300000002麹町こどもクリニック新規登録—",
      "3行目12345番号誤りクリニック取り込めません医療機関コードは10桁の数字で入力してください",
    ]);
    await desk
      .getByRole("region", { name: /施設登録（2件）/ })
      .getByText("麹町こどもクリニック")
      .waitFor();
    await step(desk, "06-registrations-imported");

    // ④ The list: the hospital is matched with its registration.
    await desk
      .getByRole("navigation", { name: "メインメニュー" })
      .getByRole("link", { name: "対象医療機関リスト" })
      .click();
    await heading(desk, "対象医療機関リスト").waitFor();
    await desk.getByRole("link", { name: "第1号" }).click();
    await heading(desk, "対象医療機関リスト 第1号").waitFor();
    const item = desk.getByRole("listitem").filter({ hasText: "千代田中央病院" });
    await item.getByText("照合済み", { exact: true }).waitFor();
    await expect(item.textContent()).resolves.toContain("上限 4セット（4,000枚）");
    await expect(item.textContent()).resolves.toContain("未送信");
    // The clinic registered under its old address: the difference is shown side by side.
    const clinic = desk.getByRole("listitem").filter({ hasText: CLINIC.name });
    await clinic.getByText("登録内容不一致（1項目）").waitFor();
    const diff = clinic.getByRole("table", { name: /国のリストと施設登録の比較/ });
    await expect(
      diff.getByRole("row").filter({ hasText: "不一致" }).allTextContents(),
    ).resolves.toEqual([`住所${CLINIC.address}東京都千代田区麹町3-3▲ 不一致`]);
    await step(desk, "07-batch-matched");

    // ⑤ The link, sent with a progress display.
    await item.getByRole("checkbox", { name: "千代田中央病院を選択" }).check();
    await desk.getByRole("button", { name: "選択した医療機関に購入リンクを送信（1件）" }).click();
    const sendDialog = desk.getByRole("dialog", { name: "購入リンクを送信しますか？" });
    await sendDialog.waitFor();
    await sendDialog.getByRole("button", { name: "送信を開始する" }).click();
    const progress = desk.getByRole("region", { name: "購入リンクの送信状況" });
    await progress
      .getByRole("status")
      .filter({ hasText: "送信が完了しました（送信 1件）。" })
      .waitFor();
    const bar = progress.getByRole("progressbar");
    await expect(bar.getAttribute("aria-valuetext")).resolves.toBe("1件中 1件 処理済み");
    await item.getByText("送信済み（有効）").waitFor();
    await step(desk, "08-links-sent");

    const linkMail = await sink.waitFor(
      (mail) => mail.kind === "purchase_link" && mail.to === REGISTRATION.email,
    );
    expect(linkMail.from).toBe("shop@vendor.sos-supply.example");
    expect(linkMail.text).toContain("4セット（4,000枚）まで");
    const url = PURCHASE_URL.exec(linkMail.text)?.[1];
    expect(url, "the mail carries the purchase URL").toBeDefined();

    // ⑥ The emailed link, opened on the phone: 2 sets of S and 1 of M.
    await phone.goto(url as string);
    await heading(phone, "ご購入手続き").waitFor();
    const total = phone.getByText(/^合計 \d+ \/ 上限 \d+ セット$/);
    await expect(total.textContent()).resolves.toBe("合計 0 / 上限 4 セット");
    await expect(input(phone, "SSサイズ").isDisabled()).resolves.toBe(true);
    await expect(input(phone, /電話番号/).inputValue()).resolves.toBe("03-1234-5678");
    await expect(phone.getByRole("radio", { name: "請求書払い" }).isChecked()).resolves.toBe(true);
    await step(phone, "09-purchase-empty");
    const plusS = phone.getByRole("button", { name: "Sサイズを1セット増やす", exact: true });
    await plusS.click();
    await plusS.click();
    await input(phone, "Mサイズ").fill("１");
    await expect(total.textContent()).resolves.toBe("合計 3 / 上限 4 セット");
    await step(phone, "10-purchase-chosen");
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
    await step(phone, "11-purchase-confirm");
    await review.getByRole("button", { name: "注文を確定する" }).click();
    await heading(phone, "ご注文を承りました").waitFor();

    const order = await db
      .selectFrom("orders")
      .select(["id", "orderNumber", "totalSets", "status", "paymentMethod"])
      .executeTakeFirstOrThrow();
    expect(order).toMatchObject({ totalSets: 3, status: "ordered", paymentMethod: "invoice" });
    expect(order.orderNumber).toMatch(/^SOS-\d{4}-\d{6}$/);
    await phone.getByText(`注文番号は ${order.orderNumber} です`).waitFor();
    const placed = phone.getByRole("region", { name: "ご注文の詳細と配送状況" });
    await expect(placed.getByRole("table").getByRole("row").allTextContents()).resolves.toEqual([
      "サイズセット数枚数",
      "Sサイズ2セット2,000枚",
      "Mサイズ1セット1,000枚",
      "合計3セット3,000枚",
    ]);
    await step(phone, "12-ordered");
    const stock = await db
      .selectFrom("productSizes")
      .select(["size", "stockSets"])
      .orderBy("sortOrder")
      .execute();
    expect(stock).toEqual([
      { size: "SS", stockSets: 0 },
      { size: "S", stockSets: 8 },
      { size: "M", stockSets: 4 },
    ]);
    const orderMail = await sink.waitFor(
      (mail) => mail.kind === "order_confirmed" && mail.to === REGISTRATION.email,
    );
    expect(orderMail.text).toContain(`注文番号：${order.orderNumber}`);

    // The same link again shows the order, never a second form.
    await phone.goto(url as string);
    await heading(phone, "ご注文の内容").waitFor();
    await phone
      .getByRole("heading", { name: "この購入リンクでのご購入は完了しています" })
      .waitFor();
    await phone.getByText(order.orderNumber, { exact: true }).waitFor();
    expect(await phone.getByRole("button", { name: "注文内容を確認する" }).count()).toBe(0);
    expect(await phone.getByRole("textbox").count()).toBe(0);
    await step(phone, "13-link-again");

    // A link that does not exist is refused in words.
    await phone.goto(`${server.url}/vendor/purchase/${"a".repeat(32)}`);
    await heading(phone, "購入リンクが無効です").waitFor();
    await expect(phone.getByRole("alert").textContent()).resolves.toContain("このリンクは無効です");
    await step(phone, "14-link-invalid");

    // ⑦ Picking totals, then shipped with a tracking number.
    await desk
      .getByRole("navigation", { name: "メインメニュー" })
      .getByRole("link", { name: "注文・出荷" })
      .click();
    await heading(desk, "注文・出荷").waitFor();
    const byPrefecture = desk.getByRole("region", { name: "都道府県別の合計" });
    // The totals read on opening the page include the order just placed on the phone.
    await expect
      .poll(() => byPrefecture.getByRole("row").nth(1).textContent())
      .toBe("東京都1件2セット1セット3セット（3,000枚）");
    await desk.getByRole("button", { name: `${order.orderNumber}を出荷済みにする` }).click();
    const shipDialog = desk.getByRole("dialog", {
      name: `注文 ${order.orderNumber} を出荷済みにする`,
    });
    await shipDialog.getByLabel(/配送業者/).selectOption("ヤマト運輸");
    await shipDialog.getByLabel(/お問い合わせ伝票番号/).fill("１２３４－５６７８－９０１２");
    await step(desk, "15-ship-dialog");
    await shipDialog.getByRole("button", { name: "出荷済みにする" }).click();
    await desk
      .getByRole("status")
      .filter({ hasText: `注文 ${order.orderNumber} を出荷済みにしました。` })
      .waitFor();
    await desk.getByLabel("状態").selectOption({ label: "出荷済み" });
    const shippedRow = desk.getByRole("row").filter({ hasText: order.orderNumber });
    await shippedRow.getByText("ヤマト運輸 1234-5678-9012").waitFor();
    await step(desk, "16-shipped");
    const shippedMail = await sink.waitFor(
      (mail) => mail.kind === "order_shipped" && mail.to === REGISTRATION.email,
    );
    expect(shippedMail.text).toContain("お問い合わせ伝票番号：1234-5678-9012");

    // The buyer's page follows.
    await phone.goto(url as string);
    await heading(phone, "ご注文の内容").waitFor();
    const shipped = phone.getByRole("region", { name: "ご注文の詳細と配送状況" });
    await shipped.locator(".sos-status").getByText("出荷済み").waitFor();
    await expect(shipped.textContent()).resolves.toContain("お問い合わせ伝票番号1234-5678-9012");
    await step(phone, "17-order-shipped");

    // The back office does not scroll sideways on a phone either.
    await desk.setViewportSize({ width: 375, height: 812 });
    for (const path of ["target-lists", "orders", "products", "registrations"]) {
      await desk.goto(`${server.url}/vendor/${path}`);
      await desk.locator("main h1").waitFor();
      await desk
        .getByText(/読み込んでいます/)
        .first()
        .waitFor({ state: "detached" });
      expect(await scrollsSideways(desk), `${path} scrolls sideways at 375 px`).toBe(false);
    }
    await screenshot(desk, "vendor-journey-18-registrations-phone");

    // ⑦ The hospital follows its order in its own app, on a phone: home, then the request.
    const own = await newPhonePage(browser);
    const ownProblems = watch(own, "institution");
    await own.goto(`${server.url}/institution/`);
    await input(own, "ユーザー名").fill(ACCOUNTS.institution.username);
    await input(own, /^パスワード/).fill(PASSWORD);
    await own.getByRole("button", { name: "ログイン", exact: true }).click();
    await heading(own, "ホーム").waitFor();
    await own
      .getByRole("region", { name: "今週の緊急配布要請" })
      .getByText(`購入：注文番号 ${order.orderNumber}（出荷済み）`)
      .waitFor();
    const purchaseCard = own.getByRole("region", { name: "購入・配送" });
    await purchaseCard.getByText(`注文番号 ${order.orderNumber}`, { exact: true }).waitFor();
    await purchaseCard.locator(".sos-status").getByText("出荷済み").waitFor();
    const homeText = await purchaseCard.textContent();
    expect(homeText).toContain("3セット（3,000枚）");
    expect(homeText).toContain("配送業者ヤマト運輸");
    expect(homeText).toContain("お問い合わせ伝票番号1234-5678-9012");
    await step(own, "19-institution-home-shipped");

    const requested = await db
      .selectFrom("orders")
      .innerJoin("targetItems", "targetItems.id", "orders.targetItemId")
      .select("targetItems.requestId")
      .where("orders.id", "=", order.id)
      .executeTakeFirstOrThrow();
    await purchaseCard.getByRole("link", { name: "要請と購入・配送の詳細を見る" }).click();
    await heading(own, "緊急配布要請").waitFor();
    expect(own.url()).toBe(`${server.url}/institution/requests/${requested.requestId}`);
    const onRequest = own
      .getByRole("region", { name: "購入・配送" })
      .getByRole("region", { name: "ご注文の内容と配送状況" });
    await onRequest.getByText(order.orderNumber, { exact: true }).waitFor();
    await onRequest.locator(".sos-status").getByText("出荷済み").waitFor();
    const requestText = await onRequest.textContent();
    expect(requestText).toContain("配送業者ヤマト運輸");
    expect(requestText).toContain("お問い合わせ伝票番号1234-5678-9012");
    await expect(onRequest.getByRole("table").getByRole("row").allTextContents()).resolves.toEqual([
      "サイズセット数枚数",
      "Sサイズ2セット2,000枚",
      "Mサイズ1セット1,000枚",
      "合計3セット3,000枚",
    ]);
    await step(own, "20-institution-request-shipped");
    // The same page, reached by its address (a bookmark, a reload).
    await own.goto(`${server.url}/institution/requests/${requested.requestId}`);
    await heading(own, "緊急配布要請").waitFor();
    // The tracking number opens ヤマト運輸's own tracking page.
    const tracking = onRequest.getByRole("link", { name: /^1234-5678-9012/ });
    await tracking.waitFor();
    expect(await tracking.getAttribute("href")).toBe(
      "https://toi.kuronekoyamato.co.jp/cgi-bin/tneko?number00=1&number01=123456789012",
    );

    expect(unexpected(phoneProblems)).toEqual([]);
    expect(unexpected(deskProblems)).toEqual([]);
    expect(unexpected(ownProblems)).toEqual([]);
  });
});
