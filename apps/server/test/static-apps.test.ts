import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestServer, type TestServer } from "./support/test-server";

let server: TestServer;
let appsDir: string;

const INDEX =
  '<!doctype html><html lang="ja"><head><script type="module" src="/institution/assets/index-Ab12Cd34.js"></script></head><body><div id="root"></div></body></html>';

beforeAll(async () => {
  // A fake build of one app; the other two are deliberately missing.
  appsDir = await mkdtemp(join(tmpdir(), "sos-apps-"));
  const dist = join(appsDir, "institution", "dist");
  await mkdir(join(dist, "assets"), { recursive: true });
  await writeFile(join(dist, "index.html"), INDEX);
  await writeFile(join(dist, "assets", "index-Ab12Cd34.js"), "console.log('app');");
  await writeFile(join(dist, "favicon.svg"), "<svg xmlns='http://www.w3.org/2000/svg'/>");
  server = await startTestServer({ appsDir });
});

afterAll(async () => {
  await server.close();
  await rm(appsDir, { recursive: true, force: true });
});

describe("built apps", () => {
  it("serves index.html at the app root, never cached without revalidation", async () => {
    const response = await fetch(`${server.url}/institution/`);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toContain("text/html");
    expect(response.headers.get("cache-control")).toBe("no-cache");
    expect(await response.text()).toBe(INDEX);
  });

  it("falls back to index.html for the app's client-side routes", async () => {
    for (const path of [
      "/institution/reset-password?token=abc",
      "/institution/requests/123/edit",
    ]) {
      const response = await fetch(`${server.url}${path}`);
      expect(response.status).toBe(200);
      expect(response.headers.get("cache-control")).toBe("no-cache");
      expect(await response.text()).toBe(INDEX);
    }
  });

  it("caches hashed assets for a year, and other files only with revalidation", async () => {
    const asset = await fetch(`${server.url}/institution/assets/index-Ab12Cd34.js`);
    expect(asset.status).toBe(200);
    expect(asset.headers.get("content-type")).toContain("javascript");
    expect(asset.headers.get("cache-control")).toBe("public, max-age=31536000, immutable");
    const icon = await fetch(`${server.url}/institution/favicon.svg`);
    expect(icon.status).toBe(200);
    expect(icon.headers.get("cache-control")).toBe("no-cache");
  });

  it("answers 404 (not the app page) for a missing file", async () => {
    const response = await fetch(`${server.url}/institution/assets/gone-00000000.js`);
    expect(response.status).toBe(404);
    expect(await response.text()).not.toContain('<div id="root">');
  });

  it("does not serve files outside the build folder", async () => {
    const response = await fetch(`${server.url}/institution/%2e%2e/%2e%2e/package.json`);
    expect([400, 403, 404]).toContain(response.status);
    expect(await response.text()).not.toContain('"name"');
  });

  it("answers 503 with how to build for an app that is not built", async () => {
    for (const path of ["/review/", "/vendor/orders"]) {
      const response = await fetch(`${server.url}${path}`);
      expect(response.status).toBe(503);
      const html = await response.text();
      expect(html).toContain("pnpm build");
      expect(html).toContain("まだビルドされていません");
    }
  });
});

describe("landing page", () => {
  it("explains the three apps in Japanese and links to them", async () => {
    const response = await fetch(`${server.url}/`);
    expect(response.status).toBe(200);
    const html = await response.text();
    expect(html).toContain('<html lang="ja">');
    for (const app of ["institution", "review", "vendor"])
      expect(html).toContain(`href="/${app}/"`);
    expect(html).toContain("医療機関向け");
    expect(html).toContain("都道府県・国向け");
    expect(html).toContain("販売業者向け");
    // Only the two unbuilt apps carry the build hint.
    expect(html.match(/未ビルド/g)).toHaveLength(2);
    // No inbox in this server: no link to it.
    expect(html).not.toContain('href="/inbox"');
    // The page must work under the CSP: no inline script or style.
    expect(html).not.toMatch(/<script|<style|style="/);
  });

  it("serves its stylesheet as a file", async () => {
    const response = await fetch(`${server.url}/_server/site.css`);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toContain("text/css");
  });
});
