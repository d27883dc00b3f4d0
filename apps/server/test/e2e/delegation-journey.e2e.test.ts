import { createTestDelegateOrganisation, createTestUser, type TestUser } from "@sos/api/testing";
import { surveyWeekOf } from "@sos/rules";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it, onTestFailed } from "vitest";
import { startTestServer, type TestServer } from "../support/test-server";
import { APPS_DIR, ensureBuilt } from "./app-builds";
import {
  collectProblems,
  launchChromium,
  newPhonePage,
  PHONE_VIEWPORT,
  screenshot,
  scrollsSideways,
} from "./browser";
import { heading, input } from "./page";

/**
 * 代理入力 in the built app: a clinic lets its medical association enter for it; the
 * association's user picks the clinic and answers this week's survey; the clinic sees
 * who answered for it; the clinic takes the consent back, and the association's next
 * save is refused in Japanese with nothing changed. The server runs on the real clock.
 */

const ASSOCIATION = "千代田区医師会";

let server: TestServer;
let browser: Browser;
let clinic: TestUser;
let delegate: TestUser;
let clinicName: string;

beforeAll(async () => {
  await ensureBuilt("institution");
  server = await startTestServer({ appsDir: APPS_DIR });
  const db = server.tdb.db;
  clinic = await createTestUser(db, "institution");
  const organisation = await createTestDelegateOrganisation(db, { name: ASSOCIATION });
  delegate = await createTestUser(db, "delegate", { delegateOrganisationId: organisation.id });
  const row = await db
    .selectFrom("institutions")
    .select("name")
    .where("id", "=", clinic.user.institutionId ?? "")
    .executeTakeFirstOrThrow();
  clinicName = row.name;
  browser = await launchChromium();
}, 600_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

async function openPage(who: string): Promise<Page> {
  const page = await newPhonePage(browser);
  const problems = collectProblems(page);
  onTestFailed(async () => {
    if (page.isClosed()) return;
    await screenshot(page, `FAILED-delegation-journey-${who}`);
    console.error(`${who}: at ${page.url()}; page problems: ${problems.join(" | ") || "none"}`);
  });
  return page;
}

async function step(page: Page, name: string): Promise<void> {
  expect(await scrollsSideways(page), `${name} scrolls sideways`).toBe(false);
  await screenshot(page, `delegation-journey-${name}`);
}

/** On a phone, an action must sit within the screen's width, not behind a sideways scroll. */
async function clickInReach(page: Page, name: string): Promise<void> {
  const button = page.getByRole("button", { name, exact: true });
  await button.waitFor();
  const box = await button.boundingBox();
  expect(box, `${name} is shown`).not.toBeNull();
  expect((box?.x ?? 0) + (box?.width ?? 0), `${name} within the screen`).toBeLessThanOrEqual(
    PHONE_VIEWPORT.width,
  );
  await button.click();
}

async function signIn(page: Page, user: TestUser): Promise<void> {
  await page.goto(`${server.url}/institution/`);
  await input(page, "ユーザー名").fill(user.username);
  await input(page, /^パスワード/).fill(user.password);
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

function thisWeeksSurvey() {
  return server.tdb.db
    .selectFrom("weeklySurveys")
    .select(["stock", "consumption", "purchases", "answeredBy", "updatedAt"])
    .where("institutionId", "=", clinic.user.institutionId ?? "")
    .where("weekStart", "=", surveyWeekOf(new Date()).weekStart)
    .executeTakeFirst();
}

describe("代理入力 on a phone", { timeout: 240_000 }, () => {
  it("grant, answer for the clinic, shown to the clinic, revoke, refused", async () => {
    // The clinic finds its medical association and consents.
    const clinicPage = await openPage("clinic");
    await signIn(clinicPage, clinic);
    await heading(clinicPage, "ホーム").waitFor();
    await openFromMenu(clinicPage, "代理入力の許可");
    await clinicPage.getByText("代理入力を許可している団体はありません。").waitFor();
    await input(clinicPage, "団体名または団体コード").fill("千代田区");
    await clinicPage.getByRole("button", { name: "検索", exact: true }).click();
    await clickInReach(clinicPage, `「${ASSOCIATION}」に許可する`);
    const grantDialog = clinicPage.getByRole("dialog", {
      name: `「${ASSOCIATION}」に代理入力を許可しますか`,
    });
    await grantDialog.getByRole("button", { name: "許可する", exact: true }).click();
    await clinicPage.getByText(`「${ASSOCIATION}」に代理入力を許可しました。`).waitFor();
    await clinicPage.getByRole("button", { name: `「${ASSOCIATION}」の許可を取り消す` }).waitFor();
    await step(clinicPage, "01-clinic-granted");

    // The association's user picks the clinic and answers this week's survey for it.
    const delegatePage = await openPage("delegate");
    await signIn(delegatePage, delegate);
    await heading(delegatePage, "代理入力する医療機関の選択").waitFor();
    await delegatePage.getByRole("list", { name: "代理入力を許可している医療機関" }).waitFor();
    await step(delegatePage, "02-delegate-home");
    await clickInReach(delegatePage, `${clinicName} の代理で入力する`);
    await heading(delegatePage, "ホーム").waitFor();
    await delegatePage.getByText(`${clinicName} の代理で入力しています`).waitFor();
    await step(delegatePage, "03-delegate-acting-home");
    await delegatePage
      .getByRole("region", { name: "今週の週次調査" })
      .getByRole("link", { name: "週次調査に回答する" })
      .click();
    await heading(delegatePage, "週次調査").waitFor();
    await delegatePage.getByText(`${clinicName} の代理で入力しています`).waitFor();
    await input(delegatePage, /① 在庫量/).fill("３，０００");
    await input(delegatePage, /② 1週間の想定消費量/).fill("1200");
    await input(delegatePage, /③ 1週間の購入見込み量/).fill("500");
    await delegatePage.getByRole("button", { name: "保存", exact: true }).click();
    await delegatePage
      .getByRole("status")
      .filter({ hasText: "週次調査の回答を保存しました。" })
      .waitFor();
    await step(delegatePage, "04-delegate-answered");
    const answered = await thisWeeksSurvey();
    expect(answered).toMatchObject({
      stock: 3000,
      consumption: 1200,
      purchases: 500,
      answeredBy: delegate.user.id,
    });

    // The clinic sees who answered for it.
    await openFromMenu(clinicPage, "週次調査");
    await clinicPage
      .getByRole("list", { name: "週次調査の一覧" })
      .getByRole("listitem")
      .first()
      .getByRole("link")
      .click();
    await heading(clinicPage, "週次調査").waitFor();
    await clinicPage.getByText(`${ASSOCIATION} が ${clinicName} の代理で`).waitFor();
    await step(clinicPage, "05-clinic-sees-on-behalf");

    // The clinic takes the consent back.
    await openFromMenu(clinicPage, "代理入力の許可");
    await clickInReach(clinicPage, `「${ASSOCIATION}」の許可を取り消す`);
    const revokeDialog = clinicPage.getByRole("dialog", {
      name: `「${ASSOCIATION}」の代理入力の許可を取り消しますか`,
    });
    await revokeDialog.getByRole("button", { name: "許可を取り消す", exact: true }).click();
    await clinicPage.getByText(`「${ASSOCIATION}」の代理入力の許可を取り消しました。`).waitFor();
    await clinicPage.getByText("代理入力を許可している団体はありません。").waitFor();
    await step(clinicPage, "06-clinic-revoked");

    // The association's next save is refused in Japanese; nothing changes.
    await input(delegatePage, /① 在庫量/).fill("9999");
    await delegatePage.getByRole("button", { name: "保存", exact: true }).click();
    await delegatePage
      .getByText("この医療機関の代理入力は許可されていません。", { exact: false })
      .first()
      .waitFor();
    await step(delegatePage, "07-delegate-refused");
    expect(await thisWeeksSurvey()).toEqual(answered);

    // Choosing again: the clinic is no longer offered.
    await delegatePage.getByRole("button", { name: "代理入力する医療機関を選び直す" }).click();
    await heading(delegatePage, "代理入力する医療機関の選択").waitFor();
    await delegatePage
      .getByText("代理入力を許可している医療機関はありません。", { exact: false })
      .waitFor();
    await step(delegatePage, "08-delegate-no-clients");
    await clinicPage.context().close();
    await delegatePage.context().close();
  });
});
