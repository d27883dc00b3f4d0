import { existsSync, mkdirSync } from "node:fs";
import { join } from "node:path";
import { CHROMIUM_PATH, chromiumLaunchOptions } from "@sos/chromium";
import { type Browser, chromium, type Page } from "playwright-core";

/** A phone (iPhone X/11 Pro logical size): the institution side must work on one. */
export const PHONE_VIEWPORT = { width: 375, height: 812 };

export const ARTIFACTS_DIR =
  process.env.TEST_ARTIFACTS_DIR ?? join(import.meta.dirname, "..", "..", "test-artifacts");

export async function launchChromium(): Promise<Browser> {
  if (!existsSync(CHROMIUM_PATH)) {
    throw new Error(
      `Chromium not found at ${CHROMIUM_PATH}: install it (apt-get install chromium fonts-noto-cjk) or set CHROMIUM_PATH`,
    );
  }
  return chromium.launch({ ...chromiumLaunchOptions(), headless: true });
}

/** A fresh context (own cookies) per scenario, at phone size, in Japanese and Tokyo time. */
export async function newPhonePage(browser: Browser): Promise<Page> {
  const context = await browser.newContext({
    viewport: PHONE_VIEWPORT,
    deviceScaleFactor: 2,
    isMobile: true,
    hasTouch: true,
    locale: "ja-JP",
    timezoneId: "Asia/Tokyo",
  });
  return context.newPage();
}

export async function screenshot(page: Page, name: string): Promise<void> {
  mkdirSync(ARTIFACTS_DIR, { recursive: true });
  await page.screenshot({ path: join(ARTIFACTS_DIR, `${name}.png`), fullPage: true });
}

/** True when the page is wider than the viewport (the user would have to scroll sideways). */
export async function scrollsSideways(page: Page): Promise<boolean> {
  // A string, because the server's TypeScript has no DOM types; it runs in the page.
  return page.evaluate<boolean>(
    "document.documentElement.scrollWidth > document.documentElement.clientWidth",
  );
}

/** Messages the page logged as errors, and requests that failed, for a useful failure. */
export function collectProblems(page: Page): string[] {
  const problems: string[] = [];
  page.on("console", (message) => {
    if (message.type() === "error") problems.push(`console: ${message.text()}`);
  });
  page.on("pageerror", (error) => problems.push(`page error: ${error.message}`));
  return problems;
}
