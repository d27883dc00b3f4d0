import { APP_NAMES } from "@sos/api";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it, onTestFailed } from "vitest";
import { startTestServer, type TestServer } from "../support/test-server";
import { ACCOUNTS, insertAccounts, PASSWORD, RESET_ACCOUNT } from "./accounts";
import { APPS_DIR, bundleFiles, ensureAllBuilt } from "./app-builds";
import {
  collectProblems,
  launchChromium,
  newPhonePage,
  screenshot,
  scrollsSideways,
} from "./browser";

/**
 * The three built apps, served by the real server over a fresh database, driven by
 * Chromium at phone size: what a user on a phone actually gets.
 */

let server: TestServer;
let browser: Browser;

beforeAll(async () => {
  await ensureAllBuilt();
  server = await startTestServer({ appsDir: APPS_DIR });
  await insertAccounts(server.tdb.db);
  browser = await launchChromium();
}, 600_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

/** A fresh phone page; if the test fails, what the page showed is kept for the reader. */
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

/** A text box by its label; the label also reads 必須, and the 表示 toggle names the field. */
function input(page: Page, label: string | RegExp) {
  return page.locator("input").and(page.getByLabel(label));
}

async function signIn(page: Page, username: string, password: string): Promise<void> {
  await input(page, "ユーザー名").fill(username);
  await input(page, /^パスワード/).fill(password);
  await page.getByRole("button", { name: "ログイン", exact: true }).click();
}

async function signOut(page: Page): Promise<void> {
  // On a phone the user box and ログアウト sit behind the header's menu button.
  await page.getByRole("button", { name: "メニュー" }).click();
  await page.getByRole("button", { name: "ログアウト" }).click();
}

/** Requests the browser made that failed or were refused (not counting our 401s). */
function unexpected(problems: string[]): string[] {
  return problems.filter((problem) => !problem.includes("Failed to load resource"));
}

describe("the built apps", () => {
  it.each(APP_NAMES)("%s ships no server code to the browser", (app) => {
    const files = bundleFiles(app);
    expect(files.some((file) => file.name.endsWith(".js"))).toBe(true);
    for (const { name, text } of files) {
      for (const marker of ["kysely", "argon2", "pg-protocol", "pg-pool", "fastify", "graphile"]) {
        expect(text.includes(marker), `${app}/dist/${name} contains "${marker}"`).toBe(false);
      }
      expect(/["']pg["']/.test(text), `${app}/dist/${name} imports "pg"`).toBe(false);
    }
  });

  it.each(APP_NAMES)("%s is a Japanese page sized for phones", (app) => {
    const html = bundleFiles(app).find((file) => file.name === "index.html")?.text ?? "";
    expect(html).toContain('<html lang="ja">');
    expect(html).toMatch(/<meta name="viewport" content="width=device-width, initial-scale=1"/);
    expect(html).toMatch(/<title>[^<]*向け[^<]*<\/title>/);
  });
});

describe("signing in on a phone", { timeout: 120_000 }, () => {
  it.each([
    { app: "institution", account: ACCOUNTS.institution },
    { app: "review", account: ACCOUNTS.prefecture },
    { app: "review", account: ACCOUNTS.ministry },
    { app: "vendor", account: ACCOUNTS.vendor },
  ] as const)(
    "$app app: $account.role signs in, sees the home page, signs out",
    async ({ app, account }) => {
      const { page, problems } = await openPage();

      await page.goto(`${server.url}/${app}/`);
      await page.waitForURL(`${server.url}/${app}/sign-in`);
      await page.getByRole("heading", { level: 1, name: "ログイン" }).waitFor();
      expect(await scrollsSideways(page)).toBe(false);
      if (account.role !== "ministry") await screenshot(page, `${app}-sign-in`);

      await signIn(page, account.username, PASSWORD);
      await page.waitForURL(`${server.url}/${app}/`);
      await page.getByRole("heading", { level: 1, name: "ホーム" }).waitFor();
      await expect(page.getByRole("main").textContent()).resolves.toContain(account.displayName);
      await expect.poll(() => page.title()).toContain("ホーム");
      expect(await scrollsSideways(page)).toBe(false);
      await screenshot(page, `${app}-home-${account.role}`);

      await signOut(page);
      await page.waitForURL(`${server.url}/${app}/sign-in`);
      await page.getByRole("heading", { level: 1, name: "ログイン" }).waitFor();
      await page.getByRole("status").filter({ hasText: "ログアウトしました。" }).waitFor();

      // The session is gone on the server too, not just forgotten by the page.
      await page.goto(`${server.url}/${app}/`);
      await page.waitForURL(`${server.url}/${app}/sign-in`);
      expect(unexpected(problems)).toEqual([]);
      await page.context().close();
    },
  );

  it("a wrong password is refused with a Japanese message", async () => {
    const { page, problems } = await openPage();
    await page.goto(`${server.url}/institution/sign-in`);
    await signIn(page, ACCOUNTS.institution.username, "Machigai2026");
    const alert = page
      .getByRole("alert")
      .filter({ hasText: "ユーザー名またはパスワードが正しくありません" });
    await alert.waitFor();
    expect(page.url()).toBe(`${server.url}/institution/sign-in`);
    expect(await scrollsSideways(page)).toBe(false);
    await screenshot(page, "institution-sign-in-wrong-password");
    expect(unexpected(problems)).toEqual([]);
    await page.context().close();
  });

  it("a vendor signing in to the institution app is shown the way to the vendor app", async () => {
    const { page, problems } = await openPage();
    await page.goto(`${server.url}/institution/`);
    await page.waitForURL(`${server.url}/institution/sign-in`);
    await signIn(page, ACCOUNTS.vendor.username, PASSWORD);
    await page
      .getByRole("heading", { level: 1, name: "医療機関向けのページは利用できません" })
      .waitFor();
    await screenshot(page, "institution-wrong-role");

    await page.getByRole("link", { name: "販売業者向けのページへ移動" }).click();
    await page.waitForURL(`${server.url}/vendor/`);
    await page.getByRole("heading", { level: 1, name: "ホーム" }).waitFor();
    await expect(page.getByRole("main").textContent()).resolves.toContain(
      ACCOUNTS.vendor.displayName,
    );
    expect(unexpected(problems)).toEqual([]);
    await page.context().close();
  });

  it("after signing in, the user is back on the page they first asked for", async () => {
    const { page, problems } = await openPage();
    await page.goto(`${server.url}/review/no-such-page?from=mail`);
    await page.waitForURL(/\/review\/sign-in\?next=/);
    await signIn(page, ACCOUNTS.prefecture.username, PASSWORD);
    await page.waitForURL(`${server.url}/review/no-such-page?from=mail`);
    await page.getByRole("heading", { level: 1, name: "ページが見つかりません" }).waitFor();
    expect(unexpected(problems)).toEqual([]);
    await page.context().close();
  });

  it("a forgotten password is reset through the emailed link", async () => {
    const { page, problems } = await openPage();
    await page.goto(`${server.url}/review/sign-in`);
    await page.getByRole("link", { name: "パスワードをお忘れですか？" }).click();
    await page.waitForURL(`${server.url}/review/forgot-password`);
    await page.getByRole("heading", { level: 1, name: "パスワードをお忘れの方" }).waitFor();
    await input(page, "ユーザー名").fill(RESET_ACCOUNT.username);
    await page.getByRole("button", { name: "再設定用のメールを送信" }).click();
    await page.getByText("パスワード再設定用のメールを送信しました", { exact: false }).waitFor();
    await screenshot(page, "review-forgot-password-sent");

    const mail = await server.tdb.db
      .selectFrom("mailOutbox")
      .select("textBody")
      .where("toAddress", "=", `${RESET_ACCOUNT.username}@example.jp`)
      .executeTakeFirstOrThrow();
    const link = /https?:\/\/\S+\/reset-password\?token=\S+/.exec(mail.textBody)?.[0];
    expect(link?.startsWith(`${server.url}/review/reset-password?token=`)).toBe(true);

    await page.goto(link ?? "");
    await page.getByRole("heading", { level: 1, name: "パスワード再設定" }).waitFor();
    // The token leaves the address bar (and so the history) as soon as it is read.
    expect(page.url()).toBe(`${server.url}/review/reset-password`);
    const newPassword = "Atarashii2027";
    await input(page, /^新しいパスワード(?!（確認）)/).fill(newPassword);
    await input(page, "新しいパスワード（確認）").fill(newPassword);
    await screenshot(page, "review-reset-password");
    await page.getByRole("button", { name: "パスワードを変更する" }).click();

    await page.waitForURL(`${server.url}/review/sign-in`);
    await page.getByRole("heading", { level: 1, name: "ログイン" }).waitFor();
    await page.getByRole("status").filter({ hasText: "パスワードを変更しました" }).waitFor();
    await signIn(page, RESET_ACCOUNT.username, newPassword);
    await page.waitForURL(`${server.url}/review/`);
    await expect(page.getByRole("main").textContent()).resolves.toContain(
      RESET_ACCOUNT.displayName,
    );
    expect(unexpected(problems)).toEqual([]);
    await page.context().close();
  });
});
