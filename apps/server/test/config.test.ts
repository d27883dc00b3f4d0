import { join } from "node:path";
import { describe, expect, it } from "vitest";
import {
  ConfigError,
  DEV_INBOX_ON_HTTPS_MESSAGE,
  loadConfig,
  REPO_ROOT,
  startMode,
} from "../src/config";

describe("loadConfig", () => {
  it("has defaults that let a newcomer start with nothing set", () => {
    const config = loadConfig({});
    expect(config).toMatchObject({
      port: 3000,
      host: "127.0.0.1",
      databaseUrl: null,
      dataDir: join(REPO_ROOT, ".data"),
      embeddedPgPort: 54329,
      publicBaseUrl: "http://localhost:3000",
      publicOrigin: "http://localhost:3000",
      smtpUrl: null,
      mailFrom: "noreply@sos-supply.example",
      inboxSmtpPort: 1025,
      sessionSecure: false,
      worker: true,
      trustProxy: false,
      appsDir: join(REPO_ROOT, "apps"),
    });
  });

  it("derives the public URL from PORT, and Secure cookies from https", () => {
    expect(loadConfig({ PORT: "8080" }).publicBaseUrl).toBe("http://localhost:8080");
    const https = loadConfig({ PUBLIC_BASE_URL: "https://sos.example.jp/" });
    expect(https.publicBaseUrl).toBe("https://sos.example.jp");
    expect(https.publicOrigin).toBe("https://sos.example.jp");
    expect(https.sessionSecure).toBe(true);
    expect(
      loadConfig({ PUBLIC_BASE_URL: "https://sos.example.jp", SESSION_SECURE: "false" })
        .sessionSecure,
    ).toBe(false);
  });

  it("reads the optional services and switches", () => {
    const config = loadConfig({
      DATABASE_URL: "postgres://app@db:5432/sos",
      SMTP_URL: "smtp://mail.example.jp:587",
      WORKER: "false",
      TRUST_PROXY: "10.0.0.0/8, 192.168.0.1",
      DATA_DIR: "/var/lib/sos",
    });
    expect(config.databaseUrl).toBe("postgres://app@db:5432/sos");
    expect(config.smtpUrl).toBe("smtp://mail.example.jp:587");
    expect(config.worker).toBe(false);
    expect(config.trustProxy).toEqual(["10.0.0.0/8", "192.168.0.1"]);
    expect(config.dataDir).toBe("/var/lib/sos");
    expect(loadConfig({ TRUST_PROXY: "1" }).trustProxy).toBe(true);
    expect(loadConfig({ TRUST_PROXY: "2" }).trustProxy).toBe(2);
    expect(loadConfig({ DATABASE_URL: "" }).databaseUrl).toBeNull();
  });

  it("prepares the hot statements unless DATABASE_URL goes through a pooler, and sizes the answer gate", () => {
    const direct = loadConfig({ DATABASE_URL: "postgres://app@db:5432/sos" });
    expect(direct.databasePreparedStatements).toBe(true);
    expect(direct.answerAdmission).toEqual({ concurrency: 8, queueLimit: 2000 });
    const pooled = loadConfig({
      DATABASE_URL: "postgres://app@pgbouncer:6432/sos",
      DATABASE_WORKER_URL: "postgres://app@db:5432/sos",
    });
    expect(pooled.databasePreparedStatements).toBe(false);
    expect(
      loadConfig({
        DATABASE_URL: "postgres://app@pgbouncer:6432/sos",
        DATABASE_WORKER_URL: "postgres://app@db:5432/sos",
        DATABASE_PREPARED_STATEMENTS: "1",
        ANSWER_CONCURRENCY: "4",
        ANSWER_QUEUE_LIMIT: "0",
      }),
    ).toMatchObject({
      databasePreparedStatements: true,
      answerAdmission: { concurrency: 4, queueLimit: 0 },
    });
    expect(() => loadConfig({ ANSWER_CONCURRENCY: "0" })).toThrow(/ANSWER_CONCURRENCY/);
  });

  it("refuses nonsense with every problem listed, in Japanese", () => {
    let error: unknown;
    try {
      loadConfig({
        PORT: "http",
        PUBLIC_BASE_URL: "ftp://x",
        MAIL_FROM: "nobody",
        WORKER: "maybe",
      });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ConfigError);
    const problems = (error as ConfigError).problems.join("\n");
    expect(problems).toContain("PORT");
    expect(problems).toContain("PUBLIC_BASE_URL");
    expect(problems).toContain("MAIL_FROM");
    expect(problems).toContain("WORKER");
    expect(problems).toMatch(/メールアドレス/);
  });
});

/** startMode's verdict for an environment, or the problems it refuses it with. */
function modeOf(env: NodeJS.ProcessEnv) {
  try {
    return startMode(loadConfig(env));
  } catch (error) {
    if (error instanceof ConfigError) return { refused: error.problems.join("\n") };
    throw error;
  }
}

const REAL_MAIL = { SMTP_URL: "smtp://mail.example.jp:587" };
const HTTPS = { PUBLIC_BASE_URL: "https://sos.example.jp" };

describe("startMode: the demo and the dev inbox stay on a local demo", () => {
  it("gives the README's quick start, with nothing set, the demo and the inbox", () => {
    expect(modeOf({})).toEqual({ devInbox: true, demoData: true });
  });

  it("gives .ci/smoke-start (a plain-http public URL, no SMTP_URL) the demo and the inbox", () => {
    expect(modeOf({ PUBLIC_BASE_URL: "http://127.0.0.1:3917" })).toEqual({
      devInbox: true,
      demoData: true,
    });
  });

  it("seeds no demo where real mail goes out, over http or https", () => {
    expect(modeOf(REAL_MAIL)).toEqual({ devInbox: false, demoData: false });
    expect(modeOf({ ...REAL_MAIL, ...HTTPS })).toEqual({ devInbox: false, demoData: false });
  });

  it("seeds the demo where real mail goes out only when DEMO_DATA asks for it", () => {
    expect(modeOf({ ...REAL_MAIL, ...HTTPS, DEMO_DATA: "1" })).toEqual({
      devInbox: false,
      demoData: true,
    });
    expect(modeOf({ ...REAL_MAIL, DEMO_DATA: "true" })).toMatchObject({ demoData: true });
  });

  it("turns the demo off on a local demo with DEMO_DATA=0", () => {
    expect(modeOf({ DEMO_DATA: "0" })).toEqual({ devInbox: true, demoData: false });
    expect(modeOf({ DEMO_DATA: "false" })).toMatchObject({ demoData: false });
  });

  it("refuses an https public URL without SMTP_URL, naming the variables in Japanese", () => {
    const mode = modeOf(HTTPS);
    expect(mode).toEqual({ refused: `  ${DEV_INBOX_ON_HTTPS_MESSAGE}` });
    expect(DEV_INBOX_ON_HTTPS_MESSAGE).toMatch(/^SMTP_URL: PUBLIC_BASE_URL が https/);
    expect(DEV_INBOX_ON_HTTPS_MESSAGE).toContain("SMTP_URL（例: smtp://");
    expect(DEV_INBOX_ON_HTTPS_MESSAGE).toContain("ALLOW_DEV_INBOX_ON_HTTPS=1");
    // DEMO_DATA does not lift the refusal: mail would still go to the public inbox.
    expect(modeOf({ ...HTTPS, DEMO_DATA: "1" })).toHaveProperty("refused");
    expect(modeOf({ ...HTTPS, ALLOW_DEV_INBOX_ON_HTTPS: "0" })).toHaveProperty("refused");
  });

  it("serves the inbox behind https only when explicitly allowed, and even then seeds no demo unless asked", () => {
    const allowed = { ...HTTPS, ALLOW_DEV_INBOX_ON_HTTPS: "1" };
    expect(modeOf(allowed)).toEqual({ devInbox: true, demoData: false });
    expect(modeOf({ ...allowed, DEMO_DATA: "1" })).toEqual({ devInbox: true, demoData: true });
  });

  it("refuses a DEMO_DATA or ALLOW_DEV_INBOX_ON_HTTPS that is not a switch", () => {
    expect(() => loadConfig({ DEMO_DATA: "maybe" })).toThrow(ConfigError);
    expect(() => loadConfig({ ALLOW_DEV_INBOX_ON_HTTPS: "please" })).toThrow(
      /ALLOW_DEV_INBOX_ON_HTTPS/,
    );
  });
});
