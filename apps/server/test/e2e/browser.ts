import { existsSync, mkdirSync } from "node:fs";
import { join } from "node:path";
import { CHROMIUM_PATH, chromiumLaunchOptions } from "@sos/chromium";
import { type Browser, chromium, type Page } from "playwright-core";

/** A phone (iPhone X/11 Pro logical size): the institution side must work on one. */
export const PHONE_VIEWPORT = { width: 375, height: 812 };
export const DESK_VIEWPORT = { width: 1280, height: 900 };

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

export interface TestPageOptions {
  /**
   * The clock of the server under test. The page's clock starts at its now and ticks on
   * from there (Playwright's clock), so the browser and the server agree on the time,
   * whether the server runs on a fixed instant or on the (possibly shifted) test clock.
   */
  now?: () => Date;
  viewport?: { width: number; height: number };
  /** A phone: touch, a mobile viewport and a dense screen. */
  phone?: boolean;
  /** For axe: the apps' Content-Security-Policy forbids the script it injects. */
  bypassCSP?: boolean;
  acceptDownloads?: boolean;
}

/** A fresh context (own cookies) per scenario, in Japanese and Tokyo time, on the server's clock. */
export async function newTestPage(browser: Browser, options: TestPageOptions = {}): Promise<Page> {
  const { now = () => new Date(), viewport, phone = false, bypassCSP, acceptDownloads } = options;
  const context = await browser.newContext({
    viewport: viewport ?? (phone ? PHONE_VIEWPORT : DESK_VIEWPORT),
    locale: "ja-JP",
    timezoneId: "Asia/Tokyo",
    ...(phone ? { deviceScaleFactor: 2, isMobile: true, hasTouch: true } : {}),
    ...(bypassCSP === undefined ? {} : { bypassCSP }),
    ...(acceptDownloads === undefined ? {} : { acceptDownloads }),
  });
  await context.clock.install({ time: now() });
  return context.newPage();
}

/** The institution side works on a phone. */
export function newPhonePage(browser: Browser, now?: () => Date): Promise<Page> {
  return newTestPage(browser, { phone: true, ...(now ? { now } : {}) });
}

/** Officers and the vendor's operator work at a desk. */
export function newDeskPage(browser: Browser, now?: () => Date): Promise<Page> {
  return newTestPage(browser, now ? { now } : {});
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
