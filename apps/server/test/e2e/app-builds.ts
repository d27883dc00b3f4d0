import { execFile } from "node:child_process";
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { promisify } from "node:util";
import { APP_FOLDERS, APP_NAMES, type AppName } from "@sos/api";
import { REPO_ROOT } from "../../src/config";

const run = promisify(execFile);

export const APPS_DIR = join(REPO_ROOT, "apps");

function appDir(app: AppName): string {
  return join(APPS_DIR, APP_FOLDERS[app]);
}

function distDir(app: AppName): string {
  return join(appDir(app), "dist");
}

/** What an app's bundle is made from: its own files and the packages it bundles. */
function sourcesOf(app: AppName): string[] {
  const packages = join(REPO_ROOT, "packages");
  return [
    join(appDir(app), "src"),
    join(appDir(app), "index.html"),
    join(appDir(app), "vite.config.ts"),
    ...["web", "ui", "domain", "rules"].map((name) => join(packages, name, "src")),
  ];
}

function newestChange(path: string): number {
  if (!existsSync(path)) return 0;
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = stat.mtimeMs;
  for (const entry of readdirSync(path)) newest = Math.max(newest, newestChange(join(path, entry)));
  return newest;
}

function isUpToDate(app: AppName): boolean {
  const index = join(distDir(app), "index.html");
  if (!existsSync(index)) return false;
  const built = statSync(index).mtimeMs;
  return sourcesOf(app).every((source) => newestChange(source) <= built);
}

/**
 * Builds an app with its own Vite when dist/ is missing or older than its sources, so
 * the test always drives the current code, on a fresh clone too. Through turbo the
 * apps are built before this test runs, and nothing is rebuilt here.
 */
export async function ensureBuilt(app: AppName): Promise<void> {
  if (isUpToDate(app)) return;
  const vite = join(appDir(app), "node_modules", "vite", "bin", "vite.js");
  await run(process.execPath, [vite, "build", "--logLevel", "warn"], { cwd: appDir(app) });
}

export async function ensureAllBuilt(): Promise<void> {
  // One after the other: the machine has two cores and builds are CPU-bound.
  for (const app of APP_NAMES) await ensureBuilt(app);
}

/** Every JavaScript file the browser may load for the app. */
export function bundleFiles(app: AppName): { name: string; text: string }[] {
  const files: { name: string; text: string }[] = [];
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (/\.(m?js|html)$/.test(entry.name)) {
        files.push({ name: path.slice(distDir(app).length + 1), text: readFileSync(path, "utf8") });
      }
    }
  };
  walk(distDir(app));
  return files;
}
