// `pnpm screenshots`: the README's pictures, taken from the screen stories rather than by
// hand, so they show the screens as they are today, on the stories' fixed clock and data.
// Builds the Storybook, serves it on a free port, and photographs each story below after
// its play function has finished, at a phone's or a desk's width.
import { execFileSync } from "node:child_process";
import { createReadStream, existsSync, mkdirSync, readFileSync, statSync } from "node:fs";
import { createServer } from "node:http";
import { dirname, extname, join, normalize, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { chromiumLaunchOptions } from "@sos/chromium";
import { chromium } from "playwright-core";

const here = dirname(fileURLToPath(import.meta.url));
const STORYBOOK_DIR = resolve(here, "..");
const STATIC_DIR = join(STORYBOOK_DIR, "storybook-static");
const OUT_DIR = resolve(STORYBOOK_DIR, "../../docs/screenshots");

const PHONE = { width: 375, height: 812 };
const DESK = { width: 1280, height: 800 };

/** File name → the story (its title's end and its export name) and the width it is seen at. */
const SHOTS = [
  ["institution-survey.png", "週次調査/回答", "AnswerWithFullWidthDigits", PHONE],
  ["institution-self-check.png", "自己チェック", "SignedInAnswered", PHONE],
  ["institution-request.png", "緊急配布要請/詳細", "Reviewing", PHONE],
  ["institution-home-shipped.png", "ホーム", "RequestAcceptedShipped", PHONE],
  ["institution-allocation.png", "割当のセット数", "AllocatedSets", PHONE],
  ["review-queue.png", "要請の一覧", "Prefecture", DESK],
  ["review-request.png", "要請の確認（都道府県）", "AwaitingInput", DESK],
  ["review-progress.png", "進捗状況", "CurrentRound", DESK],
  ["review-allocation.png", "供給不足時の割当", "SupplyPreviewCommit", DESK],
  ["vendor-batch.png", "リストの医療機関", "EveryState", DESK],
  ["vendor-purchase.png", "購入手続き", "ChooseSizesAndOrder", PHONE],
];

/** "AnswerWithFullWidthDigits" → "answer-with-full-width-digits", as Storybook names ids. */
function kebab(exportName) {
  return exportName
    .replace(/([a-z0-9])([A-Z])/g, "$1-$2")
    .replace(/([A-Z])([A-Z][a-z])/g, "$1-$2")
    .toLowerCase();
}

function storyId(index, titleEnd, exportName) {
  const ids = Object.values(index.entries).filter(
    (entry) =>
      entry.type === "story" &&
      entry.title.endsWith(titleEnd) &&
      entry.id.endsWith(`--${kebab(exportName)}`),
  );
  if (ids.length !== 1) {
    throw new Error(`${titleEnd} / ${exportName}: ${ids.length} stories match, expected one`);
  }
  return ids[0].id;
}

const TYPES = { ".html": "text/html", ".js": "text/javascript", ".css": "text/css" };

function serve(root) {
  const server = createServer((request, response) => {
    const path = normalize(decodeURIComponent(new URL(request.url, "http://x").pathname));
    const file = join(root, path === "/" ? "index.html" : path);
    if (!file.startsWith(root) || !existsSync(file) || !statSync(file).isFile()) {
      response.writeHead(404).end();
      return;
    }
    const type = TYPES[extname(file)] ?? "application/octet-stream";
    response.writeHead(200, { "content-type": type });
    createReadStream(file).pipe(response);
  });
  return new Promise((done) => server.listen(0, "127.0.0.1", () => done(server)));
}

/** Resolves once the story has rendered and its play function has run (or throws). */
async function storyFinished(page) {
  await page.waitForFunction(
    () => {
      const renders = globalThis.__STORYBOOK_PREVIEW__?.storyRenders ?? [];
      return renders.some((render) => ["finished", "errored", "aborted"].includes(render.phase));
    },
    null,
    { timeout: 60_000 },
  );
  const phase = await page.evaluate(
    () => globalThis.__STORYBOOK_PREVIEW__.storyRenders.at(-1).phase,
  );
  if (phase !== "finished") throw new Error(`the story ended ${phase}`);
}

if (!process.argv.includes("--no-build")) {
  execFileSync("pnpm", ["run", "build"], { cwd: STORYBOOK_DIR, stdio: "inherit" });
}
const index = JSON.parse(readFileSync(join(STATIC_DIR, "index.json"), "utf8"));
const server = await serve(STATIC_DIR);
const base = `http://127.0.0.1:${server.address().port}`;
const browser = await chromium.launch(chromiumLaunchOptions());
mkdirSync(OUT_DIR, { recursive: true });
try {
  for (const [file, titleEnd, exportName, viewport] of SHOTS) {
    const context = await browser.newContext({ viewport, locale: "ja-JP", deviceScaleFactor: 1 });
    const page = await context.newPage();
    const id = storyId(index, titleEnd, exportName);
    await page.goto(`${base}/iframe.html?id=${encodeURIComponent(id)}&viewMode=story`);
    await storyFinished(page);
    await page.waitForLoadState("networkidle");
    await page.screenshot({ path: join(OUT_DIR, file), fullPage: true });
    console.log(`${file}  ← ${id}`);
    await context.close();
  }
} finally {
  await browser.close();
  server.close();
}
