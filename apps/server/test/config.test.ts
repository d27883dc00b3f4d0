import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { ConfigError, loadConfig, REPO_ROOT } from "../src/config";

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
