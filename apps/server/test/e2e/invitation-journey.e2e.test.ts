import { importRegistry } from "@sos/api";
import { createTestDatabase, type TestDatabase } from "@sos/db/testing";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEMO_ACCOUNTS, seedDemo } from "../../src/seed/demo";
import { type MailChain, startMailChain } from "../support/mail-chain";
import type { SmtpSink } from "../support/smtp-sink";
import { startTestServer, type TestServer } from "../support/test-server";
import { APPS_DIR, ensureAllBuilt } from "./app-builds";
import { launchChromium, newDeskPage, newPhonePage, screenshot, scrollsSideways } from "./browser";
import { heading, input } from "./page";

/**
 * From the registry to the first answer: the ministry's register is imported
 * (the registry service, as `pnpm registry:import --apply` runs it), the ministry
 * invites every institution in one action in the review console, the invitation
 * mail arrives at the registry's address on a real SMTP server, the clinic opens
 * the link on a phone, sets its name and password, lands on this week's survey
 * and saves a first answer.
 */

const CLINIC = {
  code: "1312345678",
  name: "招待テスト診療所",
  email: "clinic-invite@example.jp",
};
const MINISTRY = DEMO_ACCOUNTS.find((account) => account.username === "demo-ministry");

let tdb: TestDatabase;
let chain: MailChain;
let sink: SmtpSink;
let server: TestServer;
let browser: Browser;

function registryCsv(): Uint8Array {
  const lines = [
    "医療機関コード,名称,種別,都道府県,郵便番号,住所,電話,e-mail",
    `${CLINIC.code},${CLINIC.name},診療所,東京都,1000001,東京都千代田区千代田1-1,0312345678,${CLINIC.email}`,
    "2712345670,招待テスト病院,病院,大阪府,5300001,大阪府大阪市北区梅田1-1,0612345678,hospital-invite@example.jp",
  ];
  return new TextEncoder().encode(`${lines.join("\r\n")}\r\n`);
}

beforeAll(async () => {
  await ensureAllBuilt();
  tdb = await createTestDatabase();
  await seedDemo(tdb.db, { log: () => {} });
  const report = await importRegistry(tdb.db, registryCsv(), { apply: true });
  expect(report.errors).toEqual([]);
  // Started after the import, so the start-up survey fill gives the new clinic this week's record.
  chain = await startMailChain(tdb, { name: "sos-e2e-invitation-worker" });
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

const INVITATION_URL = /(http:\/\/127\.0\.0\.1:\d+\/institution\/invitation\/[a-z2-7]{32})/;

describe("registry → bulk invitation → mail → accept on a phone → first answer", {
  timeout: 600_000,
}, () => {
  it("takes a clinic from the register to its first saved survey answer", async () => {
    if (MINISTRY === undefined) throw new Error("no demo ministry account");
    const desk = await newDeskPage(browser);
    await desk.goto(`${server.url}/review/invitations`);
    await input(desk, "ユーザー名").fill(MINISTRY.username);
    await input(desk, /^パスワード/).fill(MINISTRY.password);
    await desk.getByRole("button", { name: "ログイン", exact: true }).click();
    await heading(desk, "医療機関の招待").waitFor();
    await desk.getByRole("button", { name: "一括招待する" }).click();
    // The action asks first: both registry institutions, at the run's pace.
    const confirm = desk.getByRole("dialog", { name: "2機関に招待メールを送りますか" });
    await confirm.waitFor();
    await confirm.getByRole("button", { name: "招待メールの送信を始める" }).click();
    // The progress bar is polled until the run has invited both registry institutions.
    await desk
      .getByTestId("invited")
      .filter({ hasText: /^2 \/ \d+$/ })
      .waitFor({ timeout: 60_000 });
    await screenshot(desk, "invitation-01-ministry-progress");

    const mail = await sink.waitFor((m) => m.to === CLINIC.email, 60_000);
    expect(mail.subject).toContain("アカウント登録のご案内");
    expect(mail.text).toContain(CLINIC.name);
    expect(mail.text).toContain("日本時間");
    const link = INVITATION_URL.exec(mail.text)?.[1];
    if (link === undefined) throw new Error(`no invitation link in ${mail.text}`);

    const phone = await newPhonePage(browser);
    await phone.goto(link);
    await heading(phone, "アカウント登録（招待）").waitFor();
    await expect(phone.getByTestId("invitation-username").textContent()).resolves.toBe(CLINIC.code);
    expect(await scrollsSideways(phone)).toBe(false);
    await screenshot(phone, "invitation-02-accept-page");
    await input(phone, /^氏名/).fill("山田　花子");
    await input(phone, /^パスワード$|^パスワード必須$|^パスワード(?!（)/).fill(
      "Tebukuro-Haru-2026",
    );
    await input(phone, /パスワード（確認）/).fill("Tebukuro-Haru-2026");
    await phone.getByRole("button", { name: "登録してログイン" }).click();

    await heading(phone, "週次調査").waitFor();
    await input(phone, /① 在庫量/).fill("２，０００");
    await input(phone, /② 1週間の想定消費量/).fill("１，０００");
    await input(phone, /③ 1週間の購入見込み量/).fill("４００");
    await phone.getByRole("button", { name: "保存", exact: true }).click();
    await phone.getByRole("status").filter({ hasText: "週次調査の回答を保存しました。" }).waitFor();
    await screenshot(phone, "invitation-03-first-answer");

    const answered = await tdb.db
      .selectFrom("weeklySurveys")
      .innerJoin("institutions", "institutions.id", "weeklySurveys.institutionId")
      .innerJoin("users", "users.id", "weeklySurveys.answeredBy")
      .select(["weeklySurveys.stock", "users.username", "users.displayName"])
      .where("institutions.code", "=", CLINIC.code)
      .where("weeklySurveys.answeredAt", "is not", null)
      .executeTakeFirstOrThrow();
    expect(answered).toEqual({ stock: 2000, username: CLINIC.code, displayName: "山田　花子" });
  });
});
