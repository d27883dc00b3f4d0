import { createTestUser, type TestUser } from "@sos/api/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { mutate, query } from "./support/http";
import { type MailChain, startMailChain } from "./support/mail-chain";
import type { SmtpSink } from "./support/smtp-sink";
import { startTestServer, type TestServer } from "./support/test-server";

let server: TestServer;
let chain: MailChain;
let sink: SmtpSink;
let user: TestUser;

beforeAll(async () => {
  server = await startTestServer();
  chain = await startMailChain(server.tdb, {
    name: "sos-test-password-reset-worker",
    concurrency: 1,
  });
  sink = chain.sink;
  user = await createTestUser(server.tdb.db, "institution", { email: "yodo@hospital.example.jp" });
});

afterAll(async () => {
  await chain?.close();
  await server.close();
});

describe("password reset, end to end", () => {
  it("mails a link whose token sets a new password; the old one and old sessions stop working", async () => {
    const before = await mutate(server.url, "auth.signIn", {
      username: user.username,
      password: user.password,
    });
    const oldToken = before.sessionCookie ?? "";
    expect(oldToken).not.toBe("");

    const requested = await mutate(server.url, "auth.requestPasswordReset", {
      username: user.username,
    });
    expect(requested.status).toBe(200);
    expect(requested.body.result?.data).toEqual({ ok: true });
    // A name that does not exist gets the very same answer.
    const unknown = await mutate(server.url, "auth.requestPasswordReset", {
      username: "no-such-user",
    });
    expect([unknown.status, unknown.body]).toEqual([requested.status, requested.body]);
    expect(unknown.headers.getSetCookie()).toEqual(requested.headers.getSetCookie());

    const mail = await sink.waitFor((m) => m.to === "yodo@hospital.example.jp");
    expect(mail.from).toBe("noreply@sos-supply.example");
    expect(mail.subject).toMatch(/パスワード/);
    const link = /https?:\/\/\S+/.exec(mail.text)?.[0] ?? "";
    const url = new URL(link);
    expect(`${url.origin}${url.pathname}`).toBe(`${server.url}/institution/reset-password`);
    const token = url.searchParams.get("token") ?? "";

    const reset = await mutate(server.url, "auth.resetPassword", {
      token,
      password: "Fresh-Gloves-2026",
    });
    expect(reset.status).toBe(200);
    expect(reset.body.result?.data).toEqual({ ok: true });
    // The browser that proved the mailbox is trusted from now on (device cookie).
    expect(reset.headers.getSetCookie().some((c) => /^sos_device=[a-z2-7]{32};/.test(c))).toBe(
      true,
    );

    // The session that existed before the reset has ended.
    expect(
      (await query(server.url, "auth.me", undefined, { token: oldToken })).body.result?.data,
    ).toBeNull();

    const oldPassword = await mutate(server.url, "auth.signIn", {
      username: user.username,
      password: user.password,
    });
    expect(oldPassword.status).toBe(401);

    const signedIn = await mutate(server.url, "auth.signIn", {
      username: user.username,
      password: "Fresh-Gloves-2026",
    });
    expect(signedIn.status).toBe(200);
    const me = await query(server.url, "auth.me", undefined, {
      token: signedIn.sessionCookie ?? "",
    });
    expect(me.body.result?.data).toMatchObject({ id: user.user.id });

    const replay = await mutate(server.url, "auth.resetPassword", {
      token,
      password: "Another-Gloves-2026",
    });
    expect(replay.status).toBe(400);
    expect(replay.body.error?.data).toMatchObject({ domainCode: "RESET_TOKEN_INVALID" });
  });

  it("answers a weak new password with the field's Japanese message", async () => {
    const result = await mutate(server.url, "auth.resetPassword", {
      token: "abcdefghijklmnopqrstuvwxyz234567",
      password: "weak",
    });
    expect(result.status).toBe(400);
    expect(result.body.error?.data).toMatchObject({
      domainCode: "INVALID_INPUT",
      fieldErrors: {
        password: [
          "パスワードは8文字以上で、半角英大文字・英小文字・数字をそれぞれ1文字以上含めてください",
        ],
      },
    });
  });
});
