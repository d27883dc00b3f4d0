import { createTestUser } from "@sos/api/testing";
import type { Db } from "@sos/db";
import { createTestDatabase, type TestDatabase } from "@sos/db/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildServer } from "../src/app";
import { demoSignIns } from "../src/cli/demo-sign-ins";
import { loadConfig, startMode } from "../src/config";
import { DEMO_ACCOUNTS } from "../src/seed/demo";
import { testSettings } from "./support/test-server";

// Thursday 26 November 2026, 12:00 in Tokyo: the demo's survey weeks hang on the clock.
const NOW = new Date("2026-11-26T03:00:00Z");
const BASE = "http://localhost:3000";

/** What `pnpm start` does with the demo for an environment: startMode, then demoSignIns. */
async function start(db: Db, env: NodeJS.ProcessEnv) {
  const lines: string[] = [];
  const mode = startMode(loadConfig({ PUBLIC_BASE_URL: BASE, ...env }));
  const accounts = await demoSignIns(db, {
    demoData: mode.demoData,
    publicBaseUrl: BASE,
    log: (line) => lines.push(line),
    now: NOW,
  });
  return { accounts, log: lines.join("\n") };
}

async function userCount(db: Db): Promise<number> {
  const row = await db
    .selectFrom("users")
    .select((eb) => eb.fn.countAll<number>().as("n"))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

async function landing(db: Db, demoAccounts: Awaited<ReturnType<typeof start>>["accounts"]) {
  const app = await buildServer({ db, config: testSettings(BASE), demoAccounts, logger: false });
  try {
    return (await app.inject({ method: "GET", url: "/" })).body;
  } finally {
    await app.close();
  }
}

describe("pnpm start's demo data", () => {
  let tdb: TestDatabase;

  beforeAll(async () => {
    tdb = await createTestDatabase();
  });
  afterAll(async () => {
    await tdb.destroy();
  });

  // In this order: the first start finds the database empty.
  it("is not seeded where real mail goes out, even into an empty database", async () => {
    const { accounts } = await start(tdb.db, { SMTP_URL: "smtp://mail.example.jp:587" });
    expect(accounts).toBeNull();
    expect(await userCount(tdb.db)).toBe(0);
    expect(await landing(tdb.db, accounts)).not.toContain("デモ用アカウント");
  });

  it("is seeded on the local demo (nothing set), and the landing page lists its sign-ins", async () => {
    const { accounts } = await start(tdb.db, {});
    expect(accounts?.map((account) => account.username)).toEqual(
      DEMO_ACCOUNTS.map((account) => account.username),
    );
    expect(accounts?.[0]).toEqual({
      role: "医療機関",
      username: "demo-hospital",
      password: DEMO_ACCOUNTS[0]?.password,
      url: `${BASE}/institution/`,
    });
    const html = await landing(tdb.db, accounts);
    expect(html).toContain("デモ用アカウント");
    expect(html).toContain("<code>demo-ministry</code>");
  });

  it("is listed again by the next start of the local demo, which seeds nothing more", async () => {
    const users = await userCount(tdb.db);
    const { accounts, log } = await start(tdb.db, {});
    expect(accounts).toHaveLength(DEMO_ACCOUNTS.length);
    expect(log).toContain("デモデータは投入しません");
    expect(await userCount(tdb.db)).toBe(users);
  });

  it("is neither listed nor offered where real mail goes out, and the accounts left behind are named in a warning", async () => {
    const { accounts, log } = await start(tdb.db, { SMTP_URL: "smtp://mail.example.jp:587" });
    expect(accounts).toBeNull();
    expect(log).toMatch(/^警告: パスワードが公開されているデモ用アカウント/);
    expect(log).toContain("demo-ministry");
    expect(await landing(tdb.db, accounts)).not.toContain("demo-ministry");
  });

  it("is seeded where real mail goes out when DEMO_DATA=1 asks for it", async () => {
    const other = await createTestDatabase();
    try {
      const { accounts } = await start(other.db, {
        SMTP_URL: "smtp://mail.example.jp:587",
        DEMO_DATA: "1",
      });
      expect(accounts).toHaveLength(DEMO_ACCOUNTS.length);
    } finally {
      await other.destroy();
    }
  });

  it("offers no sign-in on a local demo whose database was filled otherwise", async () => {
    const other = await createTestDatabase();
    try {
      await createTestUser(other.db, "ministry");
      const { accounts } = await start(other.db, {});
      expect(accounts).toEqual([]);
      expect(await landing(other.db, accounts)).not.toContain("デモ用アカウント");
    } finally {
      await other.destroy();
    }
  });
});
