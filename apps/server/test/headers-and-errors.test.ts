import { SESSION_COOKIE_NAME } from "@sos/auth";
import { createDb } from "@sos/db";
import { createTestDatabase, type TestDatabase } from "@sos/db/testing";
import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildServer } from "../src/app";
import { expectSecurityHeaders } from "./support/security-headers";
import { startTestServer, type TestServer, testSettings } from "./support/test-server";

let server: TestServer;

beforeAll(async () => {
  server = await startTestServer();
});

afterAll(async () => {
  await server.close();
});

function expectNoInternals(text: string) {
  expect(text).not.toMatch(/stack|relation|select |sessions|\.ts:\d|node_modules|at [A-Za-z]+ \(/i);
}

describe("security headers", () => {
  it("are on every kind of response", async () => {
    for (const path of [
      "/",
      "/healthz",
      "/readyz",
      "/trpc/auth.me",
      "/no/such/page",
      "/institution/",
    ]) {
      const response = await fetch(`${server.url}${path}`);
      expectSecurityHeaders(response.headers);
    }
    const refused = await fetch(`${server.url}/trpc/auth.signOut`, { method: "POST" });
    expect(refused.status).toBe(403);
    expectSecurityHeaders(refused.headers);
  });

  it("never let another origin read an answer: no Access-Control-Allow-Origin, whatever it asks", async () => {
    const foreign = "https://evil.example";
    const asked = [
      fetch(`${server.url}/trpc/auth.me`, { headers: { origin: foreign } }),
      fetch(`${server.url}/healthz`, { headers: { origin: foreign } }),
      fetch(`${server.url}/`, { headers: { origin: "null" } }),
      // A preflight for a credentialed JSON mutation.
      fetch(`${server.url}/trpc/auth.signIn`, {
        method: "OPTIONS",
        headers: {
          origin: foreign,
          "access-control-request-method": "POST",
          "access-control-request-headers": "content-type",
        },
      }),
      // The mutation itself, refused by the Origin check.
      fetch(`${server.url}/trpc/auth.signIn`, {
        method: "POST",
        headers: { origin: foreign, "content-type": "application/json" },
        body: JSON.stringify({ username: "someone", password: "Gloves-2026-ok" }),
      }),
    ];
    for (const response of await Promise.all(asked)) {
      expectSecurityHeaders(response.headers);
      expect(response.headers.get("access-control-allow-methods")).toBeNull();
      expect(response.headers.get("access-control-allow-headers")).toBeNull();
    }
  });

  it("forbid caching of API answers", async () => {
    const response = await fetch(`${server.url}/trpc/auth.me`);
    expect(response.headers.get("cache-control")).toBe("no-store");
  });

  it("add HSTS and upgrade-insecure-requests when the public URL is https", async () => {
    const tdb = await createTestDatabase();
    const app = await buildServer({
      db: tdb.db,
      config: testSettings("https://sos.example.jp", { sessionSecure: true }),
      logger: false,
    });
    try {
      for (const url of ["/healthz", "/no/such/page", "/trpc/auth.me"]) {
        const response = await app.inject({ url });
        expectSecurityHeaders(response.headers, { https: true });
      }
    } finally {
      await app.close();
      await tdb.destroy();
    }
  });
});

describe("error answers", () => {
  it("404: Japanese JSON for API clients, an HTML page for browsers", async () => {
    const json = await fetch(`${server.url}/no/such/page`);
    expect(json.status).toBe(404);
    expect(await json.json()).toEqual({
      error: {
        message: "お探しのページが見つかりません。URL をご確認ください。",
        data: { httpStatus: 404 },
      },
    });
    const page = await fetch(`${server.url}/no/such/page`, { headers: { accept: "text/html" } });
    expect(page.status).toBe(404);
    expect(page.headers.get("content-type")).toContain("text/html");
    const html = await page.text();
    expect(html).toContain('<html lang="ja">');
    expect(html).toContain("お探しのページが見つかりません。");
  });

  it("a request Fastify cannot parse gets a Japanese 4xx without details", async () => {
    const response = await fetch(`${server.url}/trpc/auth.signIn`, {
      method: "POST",
      headers: { "content-type": "application/xml", origin: server.url },
      body: "<x/>",
    });
    expect(response.status).toBeGreaterThanOrEqual(400);
    expect(response.status).toBeLessThan(500);
    const text = await response.text();
    expect(text).toMatch(/[ぁ-んァ-ン一-龥]/);
    expect(text).not.toContain("application/xml");
    expectNoInternals(text);
  });

  it("a database failure becomes a generic 500 with a request id, never SQL or a stack", async () => {
    const saved = process.env.NODE_ENV;
    delete process.env.NODE_ENV;
    const tdb: TestDatabase = await createTestDatabase();
    const broken = await startTestServer({ tdb });
    try {
      await sql`drop table sessions cascade`.execute(tdb.db);
      const response = await fetch(`${broken.url}/trpc/auth.me`, {
        headers: { cookie: `${SESSION_COOKIE_NAME}=abcdefghijklmnopqrstuvwxyz234567` },
      });
      expect(response.status).toBe(500);
      const text = await response.text();
      expectNoInternals(text);
      const body = JSON.parse(text) as {
        error: { message: string; data: Record<string, unknown> };
      };
      expect(body.error.message).toBe(
        "サーバーでエラーが発生しました。時間をおいて再度お試しください。",
      );
      expect(body.error.data).toMatchObject({ code: "INTERNAL_SERVER_ERROR", httpStatus: 500 });
      for (const key of Object.keys(body.error.data)) {
        expect(["code", "httpStatus", "requestId"]).toContain(key);
      }
      // Support can match what the user reports with the logged error.
      expect(response.headers.get("x-request-id")).toMatch(/^[0-9a-f-]{36}$/);
    } finally {
      if (saved !== undefined) process.env.NODE_ENV = saved;
      await broken.close();
      await tdb.destroy();
    }
  });
});

describe("health", () => {
  it("/healthz answers while the process runs; /readyz checks database and schema", async () => {
    const live = await fetch(`${server.url}/healthz`);
    expect(live.status).toBe(200);
    expect(await live.json()).toEqual({ status: "ok" });
    const ready = await fetch(`${server.url}/readyz`);
    expect(ready.status).toBe(200);
    expect(await ready.json()).toEqual({
      status: "ok",
      checks: { database: { ok: true }, migrations: { ok: true } },
    });
  });

  it("/readyz answers 503 when a migration is missing", async () => {
    const tdb = await createTestDatabase();
    const app = await buildServer({
      db: tdb.db,
      config: testSettings("http://localhost:3000"),
      logger: false,
    });
    try {
      await sql`delete from kysely_migration where name = '0001_foundation'`.execute(tdb.db);
      const response = await app.inject({ url: "/readyz" });
      expect(response.statusCode).toBe(503);
      expect(response.json()).toMatchObject({
        status: "unavailable",
        checks: { database: { ok: true }, migrations: { ok: false } },
      });
      expect(response.json().checks.migrations.reason).toContain("0001_foundation");
    } finally {
      await app.close();
      await tdb.destroy();
    }
  });

  it("/readyz answers 503 when the database is unreachable, /healthz still 200", async () => {
    // Port 1 on loopback: nothing listens there, so every connection is refused.
    const db = createDb("postgres://postgres@127.0.0.1:1/postgres", { max: 1 });
    const app = await buildServer({
      db,
      config: testSettings("http://localhost:3000"),
      logger: false,
    });
    try {
      const ready = await app.inject({ url: "/readyz" });
      expect(ready.statusCode).toBe(503);
      expect(ready.json().checks.database).toEqual({
        ok: false,
        reason: "データベースに接続できません",
      });
      expect((await app.inject({ url: "/healthz" })).statusCode).toBe(200);
    } finally {
      await app.close();
      await db.destroy();
    }
  });
});
