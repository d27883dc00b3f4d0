import { mkdtemp, readdir, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type DevInbox, startDevInbox } from "../src/mail/dev-inbox";
import { createMailTransport } from "../src/mail/transport";
import { startTestServer, type TestServer } from "./support/test-server";

let storeDir: string;
let inbox: DevInbox;
let server: TestServer;

beforeAll(async () => {
  storeDir = await mkdtemp(join(tmpdir(), "sos-inbox-"));
  inbox = await startDevInbox({ port: 0, storeDir });
  server = await startTestServer({ inbox });
});

afterAll(async () => {
  await server.close();
  await inbox.stop();
  await rm(storeDir, { recursive: true, force: true });
});

async function send(subject: string, text: string) {
  const transport = createMailTransport(inbox.smtpUrl);
  try {
    await transport.sendMail({
      from: "noreply@sos-supply.example",
      to: "yodo@hospital.example.jp",
      subject,
      text,
    });
  } finally {
    transport.close();
  }
}

describe("dev inbox", () => {
  it("catches mail over SMTP and lists it, newest first", async () => {
    await send(
      "パスワード再設定のご案内",
      "次のリンクから設定してください。\nhttp://localhost:3000/institution/reset-password?token=abc123\n",
    );
    await send("2通目 <script>", "本文 & <b>タグ</b>");
    const list = inbox.list();
    expect(list.map((m) => m.subject)).toEqual(["2通目 <script>", "パスワード再設定のご案内"]);
    expect(list[1]).toMatchObject({
      from: "noreply@sos-supply.example",
      to: "yodo@hospital.example.jp",
    });
    expect(await readdir(storeDir)).toHaveLength(2);
  });

  it("shows a Japanese list page and a detail page with clickable links, escaping the mail", async () => {
    const listPage = await fetch(`${server.url}/inbox`);
    expect(listPage.status).toBe(200);
    const listHtml = await listPage.text();
    expect(listHtml).toContain("開発用メール受信箱");
    expect(listHtml).toContain("2通目 &lt;script&gt;");
    expect(listHtml).not.toContain("<script>");

    const reset = inbox.list().find((m) => m.subject === "パスワード再設定のご案内");
    const detail = await fetch(`${server.url}/inbox/${reset?.id}`);
    expect(detail.status).toBe(200);
    const html = await detail.text();
    expect(html).toContain(
      '<a href="http://localhost:3000/institution/reset-password?token=abc123">http://localhost:3000/institution/reset-password?token=abc123</a>',
    );
    const other = inbox.list().find((m) => m.subject.startsWith("2通目"));
    const otherHtml = await (await fetch(`${server.url}/inbox/${other?.id}`)).text();
    expect(otherHtml).toContain("本文 &amp; &lt;b&gt;タグ&lt;/b&gt;");

    expect((await fetch(`${server.url}/inbox/000000000000000-deadbeef`)).status).toBe(404);
  });

  it("links to the inbox from the landing page when it runs", async () => {
    const html = await (await fetch(`${server.url}/`)).text();
    expect(html).toContain('href="/inbox"');
  });

  it("keeps the mail across a restart", async () => {
    const again = await startDevInbox({ port: 0, storeDir });
    try {
      expect(again.list().map((m) => m.subject)).toEqual(inbox.list().map((m) => m.subject));
      expect(again.list()[1]?.text).toContain("reset-password?token=abc123");
    } finally {
      await again.stop();
    }
  });

  it("waitFor resolves when a matching mail arrives", async () => {
    const waiting = inbox.waitFor((m) => m.subject === "後から届く");
    await send("後から届く", "本文");
    expect((await waiting).subject).toBe("後から届く");
  });
});
