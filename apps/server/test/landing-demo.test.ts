import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createTestDatabase, type TestDatabase } from "@sos/db/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildServer } from "../src/app";
import type { BannerAccount } from "../src/cli/banner";
import { type DevInbox, startDevInbox } from "../src/mail/dev-inbox";
import { testSettings } from "./support/test-server";

const ACCOUNTS: BannerAccount[] = [
  {
    role: "医療機関",
    username: "demo-hospital",
    password: "Sakura-Hosp-2026",
    url: "http://localhost:3000/institution/",
  },
];

let tdb: TestDatabase;
let inbox: DevInbox;
let storeDir: string;

beforeAll(async () => {
  tdb = await createTestDatabase();
  storeDir = await mkdtemp(join(tmpdir(), "sos-landing-"));
  inbox = await startDevInbox({ port: 0, storeDir });
});

afterAll(async () => {
  await inbox.stop();
  await rm(storeDir, { recursive: true, force: true });
  await tdb.destroy();
});

async function landing(withInbox: boolean, demoAccounts: BannerAccount[] | null): Promise<string> {
  const app = await buildServer({
    db: tdb.db,
    config: testSettings("http://localhost:3000"),
    inbox: withInbox ? inbox : null,
    demoAccounts,
    logger: false,
  });
  try {
    return (await app.inject({ method: "GET", url: "/" })).body;
  } finally {
    await app.close();
  }
}

// Which starts pass the sign-ins (a local demo, or DEMO_DATA=1) is test/demo-start.test.ts.
describe("the landing page's demo sign-ins", () => {
  it("are listed when the start seeded the demo", async () => {
    const html = await landing(true, ACCOUNTS);
    expect(html).toContain("デモ用アカウント");
    expect(html).toContain("<code>demo-hospital</code>");
    expect(html).toContain("<code>Sakura-Hosp-2026</code>");
    expect(html).toContain('href="http://localhost:3000/institution/"');
    // DEMO_DATA=1 with real mail: the demo was asked for, its sign-ins are shown.
    expect(await landing(false, ACCOUNTS)).toContain("<code>Sakura-Hosp-2026</code>");
  });

  it("are not listed when no demo was seeded, even with the dev inbox", async () => {
    for (const accounts of [null, []]) {
      const html = await landing(true, accounts);
      expect(html).toContain("開発用メール受信箱");
      expect(html).not.toContain("デモ用アカウント");
      expect(html).not.toContain("Sakura-Hosp-2026");
    }
  });
});
