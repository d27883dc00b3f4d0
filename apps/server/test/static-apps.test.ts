import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { brotliCompressSync, brotliDecompressSync, gunzipSync, gzipSync } from "node:zlib";
import { request } from "undici";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestServer, type TestServer } from "./support/test-server";

let server: TestServer;
let appsDir: string;

const INDEX =
  '<!doctype html><html lang="ja"><head><script type="module" src="/institution/assets/index-Ab12Cd34.js"></script></head><body><div id="root"></div></body></html>';
const SCRIPT = `console.log(${JSON.stringify("アプリ".repeat(200))});`;

/** A file of the fake build with the .br and .gz the real build writes beside it. */
async function writeWithCompressed(path: string, content: string): Promise<void> {
  await writeFile(path, content);
  await writeFile(`${path}.br`, brotliCompressSync(content));
  await writeFile(`${path}.gz`, gzipSync(content));
}

beforeAll(async () => {
  // A fake build of one app; the other two are deliberately missing.
  appsDir = await mkdtemp(join(tmpdir(), "sos-apps-"));
  const dist = join(appsDir, "institution", "dist");
  await mkdir(join(dist, "assets"), { recursive: true });
  await writeWithCompressed(join(dist, "index.html"), INDEX);
  await writeWithCompressed(join(dist, "assets", "index-Ab12Cd34.js"), SCRIPT);
  // No compressed copies: the build skips a file that compression would not shrink.
  await writeFile(join(dist, "assets", "tiny-Ef56Gh78.js"), "export{};");
  await writeFile(join(dist, "favicon.svg"), "<svg xmlns='http://www.w3.org/2000/svg'/>");
  // The build's manifest (for the bundle-budget test), not for browsers.
  await mkdir(join(dist, ".vite"));
  await writeFile(join(dist, ".vite", "manifest.json"), "{}");
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

  it("does not serve the build's manifest", async () => {
    const response = await fetch(`${server.url}/institution/.vite/manifest.json`);
    expect(response.status).toBe(404);
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

/** The raw bytes and headers, without the decompression fetch would do. */
async function getRaw(path: string, acceptEncoding?: string) {
  const response = await request(`${server.url}${path}`, {
    headers: acceptEncoding === undefined ? {} : { "accept-encoding": acceptEncoding },
  });
  const body = Buffer.from(await response.body.arrayBuffer());
  const header = (name: string) => {
    const value = response.headers[name];
    return Array.isArray(value) ? value.join(", ") : value;
  };
  return { status: response.statusCode, body, header };
}

describe("precompressed files", () => {
  const script = "/institution/assets/index-Ab12Cd34.js";

  it("sends the .br file to a browser that accepts brotli, with its type and cache time", async () => {
    for (const accepted of ["br", "gzip, deflate, br, zstd"]) {
      const response = await getRaw(script, accepted);
      expect(response.status).toBe(200);
      expect(response.header("content-encoding")).toBe("br");
      expect(response.header("vary")).toMatch(/accept-encoding/i);
      expect(response.header("content-type")).toContain("javascript");
      expect(response.header("cache-control")).toBe("public, max-age=31536000, immutable");
      expect(brotliDecompressSync(response.body).toString()).toBe(SCRIPT);
    }
  });

  it("sends the .gz file to a browser that accepts gzip only", async () => {
    const response = await getRaw(script, "gzip, deflate");
    expect(response.status).toBe(200);
    expect(response.header("content-encoding")).toBe("gzip");
    expect(response.header("vary")).toMatch(/accept-encoding/i);
    expect(gunzipSync(response.body).toString()).toBe(SCRIPT);
  });

  it("sends the file as it is when no compression is accepted, still varying on it", async () => {
    for (const accepted of [undefined, "identity", "br;q=0, gzip;q=0"]) {
      const response = await getRaw(script, accepted);
      expect(response.status).toBe(200);
      expect(response.header("content-encoding")).toBeUndefined();
      expect(response.header("vary")).toMatch(/accept-encoding/i);
      expect(response.body.toString()).toBe(SCRIPT);
    }
  });

  it("sends a file without compressed copies as it is to a browser that accepts them", async () => {
    const response = await getRaw("/institution/assets/tiny-Ef56Gh78.js", "gzip, deflate, br");
    expect(response.status).toBe(200);
    expect(response.header("content-encoding")).toBeUndefined();
    expect(response.body.toString()).toBe("export{};");
  });

  it("compresses the app page too, at the root and for client-side routes, never cached unchecked", async () => {
    for (const path of ["/institution/", "/institution/requests/123/edit"]) {
      const response = await getRaw(path, "gzip, deflate, br");
      expect(response.status).toBe(200);
      expect(response.header("content-encoding")).toBe("br");
      expect(response.header("vary")).toMatch(/accept-encoding/i);
      expect(response.header("content-type")).toContain("text/html");
      expect(response.header("cache-control")).toBe("no-cache");
      expect(brotliDecompressSync(response.body).toString()).toBe(INDEX);
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
