import { existsSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { APP_NAMES, type AppName } from "@sos/api";
import { beforeAll, describe, expect, it } from "vitest";
import { distDir } from "../src/http/static-apps";
import { APPS_DIR, bundleFiles, ensureAllBuilt } from "./e2e/app-builds";

/**
 * What a browser downloads before an app can show anything: the script index.html
 * names and the modules it preloads, compressed as the server sends them. A size
 * budget of the built apps (issue 13), not a timing.
 */
const FIRST_LOAD_BUDGET_BYTES = 150_000;

interface ManifestChunk {
  file: string;
  src?: string;
  isEntry?: boolean;
  isDynamicEntry?: boolean;
  imports?: string[];
}
type Manifest = Record<string, ManifestChunk>;

function manifestOf(app: AppName): Manifest {
  return JSON.parse(readFileSync(join(distDir(APPS_DIR, app), ".vite", "manifest.json"), "utf8"));
}

/** The files a chunk needs before it runs: itself and its static imports, transitively. */
function staticClosure(manifest: Manifest, keys: readonly string[]): Set<string> {
  const files = new Set<string>();
  const visit = (key: string) => {
    const chunk = manifest[key];
    if (chunk === undefined || files.has(chunk.file)) return;
    files.add(chunk.file);
    for (const imported of chunk.imports ?? []) visit(imported);
  };
  for (const key of keys) visit(key);
  return files;
}

/** The JavaScript index.html loads: its module script and every modulepreload. */
function firstLoadScripts(app: AppName): string[] {
  const html = readFileSync(join(distDir(APPS_DIR, app), "index.html"), "utf8");
  const urls = [
    ...html.matchAll(/<script type="module"[^>]*\ssrc="([^"]+)"/g),
    ...html.matchAll(/<link rel="modulepreload"[^>]*\shref="([^"]+)"/g),
  ].map((match) => match[1] ?? "");
  return urls.map((url) => {
    expect(url.startsWith(`/${app}/`), url).toBe(true);
    return url.slice(app.length + 2);
  });
}

function sizeOf(app: AppName, file: string): number {
  const path = join(distDir(APPS_DIR, app), file);
  expect(existsSync(path), `${app}/dist/${file} is missing`).toBe(true);
  return statSync(path).size;
}

beforeAll(async () => {
  await ensureAllBuilt();
}, 600_000);

describe.each(APP_NAMES)("%s app", (app) => {
  it("loads at most 150 kB of JavaScript before its first page, gzip as sent", () => {
    const scripts = firstLoadScripts(app);
    const manifest = manifestOf(app);
    const entry = Object.keys(manifest).filter((key) => manifest[key]?.isEntry);
    expect(entry).toEqual(["index.html"]);
    // Everything the entry imports statically is preloaded, so nothing escapes the count.
    expect(new Set(scripts)).toEqual(staticClosure(manifest, entry));

    const gzip = scripts.reduce((sum, file) => sum + sizeOf(app, `${file}.gz`), 0);
    const brotli = scripts.reduce((sum, file) => sum + sizeOf(app, `${file}.br`), 0);
    const raw = scripts.reduce((sum, file) => sum + sizeOf(app, file), 0);
    const figures = `${scripts.length} files, ${raw} bytes raw, ${gzip} gzip, ${brotli} brotli`;
    expect(gzip, figures).toBeLessThanOrEqual(FIRST_LOAD_BUDGET_BYTES);
    expect(brotli, figures).toBeLessThan(gzip);
  });

  it("fetches each page's code on its first visit, not with the first load", () => {
    const manifest = manifestOf(app);
    const firstLoad = new Set(firstLoadScripts(app));
    const pages = Object.values(manifest).filter((chunk) => chunk.isDynamicEntry);
    // The app's home and the shared sign-in page at least.
    expect(pages.map((page) => page.src)).toEqual(
      expect.arrayContaining([
        "src/home/home-page.tsx",
        "../../packages/web/src/pages/sign-in-page.tsx",
      ]),
    );
    for (const page of pages) expect(firstLoad.has(page.file), page.src).toBe(false);
  });

  it("ships zod/mini, not classic zod, to the browser", () => {
    const scripts = bundleFiles(app).filter((file) => file.name.endsWith(".js"));
    // Classic zod registers its schema classes by these names; zod/mini as ZodMini….
    for (const { name, text } of scripts) {
      expect(/[`"']Zod(String|Object|Pipe)[`"']/.test(text), `${app}/dist/${name}`).toBe(false);
    }
    expect(scripts.some(({ text }) => text.includes("ZodMiniObject"))).toBe(true);
  });
});

describe("vendor storefront", () => {
  it("loads none of the back office's pages", () => {
    const manifest = manifestOf("vendor");
    const pages = Object.entries(manifest).filter(([, chunk]) => chunk.isDynamicEntry);
    const storefront = pages.filter(([key]) => key.startsWith("src/storefront/"));
    const backOffice = pages.filter(
      ([key]) => key.startsWith("src/") && !key.startsWith("src/storefront/"),
    );
    expect(storefront.length).toBeGreaterThanOrEqual(3);
    expect(backOffice.length).toBeGreaterThanOrEqual(5);

    const loaded = staticClosure(manifest, ["index.html", ...storefront.map(([key]) => key)]);
    for (const [key, chunk] of backOffice) expect(loaded.has(chunk.file), key).toBe(false);
  });
});
