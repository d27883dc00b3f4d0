import { surveyWeekOf } from "@sos/rules";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it, onTestFailed } from "vitest";
import { startTestServer, type TestServer } from "../support/test-server";
import { ACCOUNTS, insertAccounts, PASSWORD } from "./accounts";
import { APPS_DIR, ensureBuilt } from "./app-builds";
import { collectProblems, launchChromium, newPhonePage, screenshot } from "./browser";
import { heading, input } from "./page";

/**
 * Input that is never lost (issue 16): the hospital's staff member types half the
 * survey on a browser new to the account (so the session has the usual 30-minute
 * idle timeout), is warned with 「延長」 before the idle end, extends once, then
 * walks away; the session ends on the server, the page goes to sign-in, and after
 * signing in the survey is back with what was typed. The server's clock and the
 * page's (Playwright's clock) jump forward together.
 */

const MINUTE = 60_000;
/** Tuesday 1 December 2026, 10:00 in Tokyo: the week's survey is open. */
const START = "2026-12-01T10:00:00+09:00";

let clockBase = new Date(START).getTime();
const clockSetAt = Date.now();
const clock = () => new Date(clockBase + (Date.now() - clockSetAt));

let server: TestServer;
let browser: Browser;
let surveyId: string;

/** Both clocks forward by `minutes`: the server's, and the page's (timers due meanwhile fire). */
async function later(page: Page, minutes: number): Promise<void> {
  clockBase += minutes * MINUTE;
  await page.clock.fastForward(minutes * MINUTE);
}

async function insertSurveys(): Promise<void> {
  const db = server.tdb.db;
  const user = await db
    .selectFrom("users")
    .select(["id", "institutionId"])
    .where("username", "=", ACCOUNTS.institution.username)
    .executeTakeFirstOrThrow();
  const institutionId = user.institutionId as string;
  const at = clock();
  const lastWeek = new Date(at.getTime() - 7 * 24 * 60 * MINUTE);
  await db
    .insertInto("weeklySurveys")
    .values({
      institutionId,
      weekStart: surveyWeekOf(lastWeek).weekStart,
      createdAt: lastWeek,
      updatedAt: lastWeek,
      stock: 2400,
      consumption: 1000,
      purchases: 500,
      answeredAt: lastWeek,
      answeredBy: user.id,
    })
    .execute();
  const row = await db
    .insertInto("weeklySurveys")
    .values({ institutionId, weekStart: surveyWeekOf(at).weekStart, createdAt: at, updatedAt: at })
    .returning("id")
    .executeTakeFirstOrThrow();
  surveyId = row.id;
}

beforeAll(async () => {
  await ensureBuilt("institution");
  server = await startTestServer({ appsDir: APPS_DIR, now: clock });
  await insertAccounts(server.tdb.db);
  await insertSurveys();
  browser = await launchChromium();
}, 900_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

async function signIn(page: Page): Promise<void> {
  await input(page, "ユーザー名").fill(ACCOUNTS.institution.username);
  await input(page, /^パスワード/).fill(PASSWORD);
  await page.getByRole("button", { name: "ログイン", exact: true }).click();
}

async function lastSeen(): Promise<number[]> {
  const rows = await server.tdb.db
    .selectFrom("sessions")
    .innerJoin("users", "users.id", "sessions.userId")
    .select("sessions.lastSeenAt")
    .where("users.username", "=", ACCOUNTS.institution.username)
    .execute();
  return rows.map((row) => row.lastSeenAt.getTime());
}

describe("the session ends in the middle of the survey", { timeout: 300_000 }, () => {
  it("warns with 延長, extends on the server, and brings the typed figures back after sign-in", async () => {
    const page = await newPhonePage(browser, clock);
    const problems = collectProblems(page);
    onTestFailed(async () => {
      if (!page.isClosed()) await screenshot(page, "FAILED-session-expiry");
      console.error(`at ${page.url()}; page problems: ${problems.join(" | ") || "none"}`);
    });
    await page.goto(`${server.url}/institution/surveys/${surveyId}`);
    await signIn(page);
    await heading(page, "週次調査").waitFor();
    await input(page, /① 在庫量/).fill("１，５００");
    await input(page, /② 1週間の想定消費量/).fill("800");
    // Enter in a box moves on; nothing is saved.
    await input(page, /② 1週間の想定消費量/).press("Enter");
    const third = await input(page, /③ 1週間の購入見込み量/).getAttribute("id");
    await expect.poll(() => page.evaluate("document.activeElement?.id")).toBe(third);

    // 28 minutes without a request: the warning, 2 minutes before the idle end.
    await later(page, 28);
    const warning = page.getByRole("dialog", { name: "まもなく自動的にログアウトします" });
    await warning.waitFor();
    await screenshot(page, "institution-idle-warning");
    // The check that opened it did not count as a request: the last one is 28 minutes old.
    const [before = 0] = await lastSeen();
    expect(clock().getTime() - before).toBeGreaterThan(27 * MINUTE);
    await warning.getByRole("button", { name: "延長", exact: true }).click();
    await warning.waitFor({ state: "hidden" });
    // 延長 moved the session's last request to now, on the server.
    const [extendedAt = 0] = await lastSeen();
    expect(clock().getTime() - extendedAt).toBeLessThan(MINUTE);

    // Past the old end the page is still signed in; then nobody answers the second warning.
    await later(page, 28);
    await warning.waitFor();
    await later(page, 3);
    await page.getByText("ログインの有効期限が切れました。もう一度ログインしてください").waitFor();
    expect(await lastSeen()).toEqual([]);

    // Signed in again: the same survey, with what was typed and a note saying so.
    await signIn(page);
    await heading(page, "週次調査").waitFor();
    await page.getByText("保存されていない入力内容を復元しました").waitFor();
    await expect(input(page, /① 在庫量/).inputValue()).resolves.toBe("1,500");
    await expect(input(page, /② 1週間の想定消費量/).inputValue()).resolves.toBe("800");
    await screenshot(page, "institution-draft-restored");

    await input(page, /③ 1週間の購入見込み量/).fill("400");
    await page.getByRole("button", { name: "保存", exact: true }).click();
    await page.getByText("週次調査の回答を保存しました。").waitFor();
    const saved = await server.tdb.db
      .selectFrom("weeklySurveys")
      .select(["stock", "consumption", "purchases"])
      .where("id", "=", surveyId)
      .executeTakeFirstOrThrow();
    expect(saved).toEqual({ stock: 1500, consumption: 800, purchases: 400 });
    // Saved: the draft is gone from the browser.
    const drafts = await page.evaluate(
      "Object.keys(localStorage).filter((key) => key.startsWith('sos.draft.'))",
    );
    expect(drafts).toEqual([]);
    await page.context().close();
  });
});
