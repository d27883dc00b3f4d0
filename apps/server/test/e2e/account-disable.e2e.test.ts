import { createTestUser, type TestUser } from "@sos/api/testing";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it, onTestFailed } from "vitest";
import { startTestServer, type TestServer } from "../support/test-server";
import { ACCOUNTS, insertAccounts, PASSWORD } from "./accounts";
import { APPS_DIR, ensureBuilt } from "./app-builds";
import { launchChromium, newDeskPage, screenshot } from "./browser";
import { heading, input } from "./page";

/**
 * The ministry disables an officer whose browser is signed in: the officer's very
 * next click lands on the sign-in page, told in Japanese that the sign-in has
 * ended, and the officer cannot sign in again. The server runs on the real clock.
 */

let server: TestServer;
let browser: Browser;
let officer: TestUser;

beforeAll(async () => {
  await ensureBuilt("review");
  server = await startTestServer({ appsDir: APPS_DIR });
  await insertAccounts(server.tdb.db);
  officer = await createTestUser(server.tdb.db, "prefecture", { prefectureCode: 13 });
  browser = await launchChromium();
}, 600_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

async function signIn(page: Page, username: string, password: string): Promise<void> {
  await page.goto(`${server.url}/review/`);
  await input(page, "ユーザー名").fill(username);
  await input(page, /^パスワード/).fill(password);
  await page.getByRole("button", { name: "ログイン", exact: true }).click();
  await heading(page, "ホーム").waitFor();
}

function keepOnFailure(page: Page, name: string): void {
  onTestFailed(async () => {
    if (!page.isClosed()) await screenshot(page, `FAILED-account-disable-${name}`);
  });
}

describe("disabling an account", { timeout: 240_000 }, () => {
  it("signs the disabled officer out at their next click, with a Japanese message", async () => {
    const officerPage = await newDeskPage(browser);
    keepOnFailure(officerPage, "officer");
    await signIn(officerPage, officer.username, officer.password);

    const ministryPage = await newDeskPage(browser);
    keepOnFailure(ministryPage, "ministry");
    await signIn(ministryPage, ACCOUNTS.ministry.username, PASSWORD);
    await ministryPage
      .getByRole("navigation", { name: "メインメニュー" })
      .getByRole("link", { name: "アカウント管理" })
      .click();
    await heading(ministryPage, "アカウント管理").waitFor();
    const name = officer.user.displayName;
    await ministryPage.getByRole("button", { name: `${name}を利用停止` }).click();
    const dialog = ministryPage.getByRole("dialog", { name: `${name}さんの利用を停止します` });
    await dialog.getByRole("button", { name: "利用を停止する" }).click();
    await ministryPage.getByText(`${name}さんの利用を停止しました。`).waitFor();
    await ministryPage.getByRole("button", { name: `${name}を利用再開` }).waitFor();

    // The officer, still on the home page, opens the queue.
    await officerPage
      .getByRole("navigation", { name: "メインメニュー" })
      .getByRole("link", { name: "確認待ちの要請" })
      .click();
    await officerPage
      .getByText("ログインの有効期限が切れました。もう一度ログインしてください")
      .waitFor();
    expect(new URL(officerPage.url()).pathname).toBe("/review/sign-in");

    await input(officerPage, "ユーザー名").fill(officer.username);
    await input(officerPage, /^パスワード/).fill(officer.password);
    await officerPage.getByRole("button", { name: "ログイン", exact: true }).click();
    await officerPage.getByText("ユーザー名またはパスワードが正しくありません。").waitFor();
    await officerPage.context().close();
    await ministryPage.context().close();
  });
});
