import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import iconv from "iconv-lite";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, expect, it, onTestFailed } from "vitest";
import { ensurePrefectures } from "../../src/seed/prefectures";
import { startTestServer, type TestServer } from "../support/test-server";
import { ACCOUNTS, insertAccounts, PASSWORD } from "./accounts";
import { APPS_DIR, ensureBuilt } from "./app-builds";
import { collectProblems, launchChromium, newTestPage, screenshot } from "./browser";
import { heading, input } from "./page";

/**
 * The ministry loads the register in the built review console over the real
 * server: chooses a Shift_JIS file, reads the preview (a wrong row, new, changed
 * with old → new, gone), fixes the file, then 反映する with its confirmation. The
 * registry then says what the file says, and the change notice is in the outbox.
 */

const HEADER = "医療機関コード,名称,種別,都道府県,郵便番号,住所,電話,e-mail";
// The hospital insertAccounts makes (1300000001), now at another address.
const HOSPITAL =
  "1300000001,千代田中央病院,病院,東京都,100-0001,東京都千代田区丸の内2-2,03-1234-5678,hospital-new@example.jp";
const NEW_CLINIC =
  "2710000002,大阪北診療所,診療所,大阪府,530-0001,大阪市北区梅田1-1,06-1234-5678,kita@example.jp";
const WRONG = "12345,名無し病院,病院,東京都,100-0001,千代田区1,03-1234-5678,x@example.jp";

let server: TestServer;
let browser: Browser;
let dir: string;

async function sjisFile(name: string, rows: string[]): Promise<string> {
  const path = join(dir, name);
  await writeFile(path, iconv.encode(`${[HEADER, ...rows].join("\r\n")}\r\n`, "cp932"));
  return path;
}

beforeAll(async () => {
  await ensureBuilt("review");
  server = await startTestServer({ appsDir: APPS_DIR });
  const db = server.tdb.db;
  await insertAccounts(db);
  await ensurePrefectures(db);
  // Gone from the new file: marked inactive, not deleted.
  await db
    .insertInto("institutions")
    .values({
      code: "1300000099",
      name: "閉院した診療所",
      type: "clinic",
      prefectureCode: 13,
      postcode: "1000001",
      address: "東京都千代田区千代田9-9",
      phone: "0399999999",
      email: "closed@example.jp",
    })
    .execute();
  browser = await launchChromium();
  dir = await mkdtemp(join(tmpdir(), "sos-registry-e2e-"));
}, 600_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
  if (dir) await rm(dir, { recursive: true, force: true });
});

async function signIn(page: Page): Promise<void> {
  await page.goto(`${server.url}/review/`);
  await input(page, "ユーザー名").fill(ACCOUNTS.ministry.username);
  await input(page, /^パスワード/).fill(PASSWORD);
  await page.getByRole("button", { name: "ログイン", exact: true }).click();
  await heading(page, "ホーム").waitFor();
}

async function chooseAndRead(page: Page, path: string): Promise<void> {
  await page.getByLabel("名簿のファイル（CSV）").setInputFiles(path);
  await page.getByRole("button", { name: "読み込んで差分を確認する" }).click();
  await page.getByLabel("取り込むファイル").waitFor();
}

it("upload → preview (errors, new, changed, gone) → fix → 反映する", {
  timeout: 300_000,
}, async () => {
  const page = await newTestPage(browser, { viewport: { width: 1280, height: 900 } });
  const problems = collectProblems(page);
  onTestFailed(async () => {
    if (!page.isClosed()) await screenshot(page, "FAILED-registry-import");
    console.error(`at ${page.url()}; page problems: ${problems.join(" | ") || "none"}`);
  });
  await signIn(page);
  await page
    .getByRole("navigation", { name: "メインメニュー" })
    .getByRole("link", { name: "医療機関名簿", exact: true })
    .click();
  await heading(page, "医療機関名簿の取り込み").waitFor();

  // A file with a wrong row: shown with its line, column and what to fix; no apply offered.
  await chooseAndRead(page, await sjisFile("名簿_誤りあり.csv", [HOSPITAL, NEW_CLINIC, WRONG]));
  await expect
    .poll(() => page.getByRole("alert").textContent())
    .toContain("誤りのある行が1件あるため、反映できません。");
  const errors = page.getByRole("table", { name: "誤りのある行" });
  await expect
    .poll(() => errors.textContent())
    .toContain("4行目医療機関コード医療機関コードは10桁の数字で入力してください");
  expect(await page.getByRole("button", { name: "反映する" }).isDisabled()).toBe(true);
  await screenshot(page, "registry-import-errors");

  // The fixed file: new, changed (old → new), gone; then apply with its confirmation.
  await page.getByRole("button", { name: "別のファイルを読み込む" }).click();
  await chooseAndRead(page, await sjisFile("名簿_202612.csv", [HOSPITAL, NEW_CLINIC]));
  const summary = page.getByLabel("取り込むファイル");
  await expect.poll(() => summary.textContent()).toContain("2行（Shift_JIS）");
  await expect
    .poll(() => page.getByRole("table", { name: "新規" }).textContent())
    .toContain("大阪北診療所");
  await page.getByRole("button", { name: /^変更（1件）/ }).click();
  const changed = page.getByRole("table", { name: "変更" });
  await expect
    .poll(() => changed.textContent())
    .toContain("住所：東京都千代田区千代田1-1 → 東京都千代田区丸の内2-2");
  await page.getByRole("button", { name: /^名簿から消えたもの（1件）/ }).click();
  await expect
    .poll(() => page.getByRole("table", { name: "名簿から消えたもの" }).textContent())
    .toContain("閉院した診療所");
  await screenshot(page, "registry-import-preview");

  await page.getByRole("button", { name: "反映する" }).click();
  const dialog = page.getByRole("dialog", { name: "この内容を名簿に反映しますか" });
  await dialog.getByRole("button", { name: "反映する" }).click();
  await expect
    .poll(() => page.getByRole("status").allTextContents())
    .toContainEqual(expect.stringContaining("この内容を名簿に反映しました。"));
  await screenshot(page, "registry-import-applied");

  const db = server.tdb.db;
  const registry = await db
    .selectFrom("institutions")
    .select(["code", "address", "email", "active"])
    .where("code", "in", ["1300000001", "2710000002", "1300000099"])
    .orderBy("code")
    .execute();
  expect(registry).toEqual([
    {
      code: "1300000001",
      address: "東京都千代田区丸の内2-2",
      email: "hospital-new@example.jp",
      active: true,
    },
    {
      code: "1300000099",
      address: "東京都千代田区千代田9-9",
      email: "closed@example.jp",
      active: false,
    },
    { code: "2710000002", address: "大阪市北区梅田1-1", email: "kita@example.jp", active: true },
  ]);
  const notices = await db
    .selectFrom("mailOutbox")
    .select(["kind", "toAddress"])
    .where("kind", "like", "registry_%")
    .orderBy("toAddress")
    .execute();
  expect(notices.map((n) => n.toAddress)).toEqual([
    "hospital-new@example.jp",
    "hospital@example.jp",
  ]);
  expect(notices.every((n) => n.kind === "registry_email_changed")).toBe(true);
  expect(problems).toEqual([]);
});
