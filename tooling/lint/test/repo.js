import { execFile } from "node:child_process";
import { mkdirSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";

const run = promisify(execFile);

export const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "../../..");

/** The frontend apps of today (every app but the server), whatever they are named. */
export function frontendApps() {
  return readdirSync(join(REPO_ROOT, "apps")).filter((name) => name !== "server");
}

/**
 * Writes `files` (repository-relative path → content) into the real tree, runs `fn`
 * and removes them again: the rules must resolve imports the way the repository
 * really does, through pnpm's workspace links, so a copy elsewhere would prove less.
 * Names carry the process id, so two runs never share a file.
 */
export async function withFixtures(files, fn) {
  const written = [];
  try {
    for (const [path, content] of Object.entries(files)) {
      const absolute = join(REPO_ROOT, path);
      mkdirSync(dirname(absolute), { recursive: true });
      writeFileSync(absolute, content, { flag: "wx" });
      written.push(absolute);
    }
    return await fn();
  } finally {
    for (const absolute of written) rmSync(absolute, { force: true });
  }
}

export function fixtureName(stem) {
  return `${stem}-arch-fixture-${process.pid}.ts`;
}

/**
 * dependency-cruiser with the repository's config; resolves to its violations.
 * `maxDepth: 1` checks only the edges leaving `paths`, which is all a fixture needs.
 */
export async function cruise(paths, { maxDepth } = {}) {
  const bin = join(REPO_ROOT, "node_modules/dependency-cruiser/bin/dependency-cruise.mjs");
  const args = [bin, ...paths, "--config", ".dependency-cruiser.cjs", "--output-type", "json"];
  if (maxDepth !== undefined) args.push("--max-depth", String(maxDepth));
  let stdout;
  try {
    ({ stdout } = await run(process.execPath, args, {
      cwd: REPO_ROOT,
      maxBuffer: 256 * 1024 * 1024,
    }));
  } catch (error) {
    // A non-zero exit is how violations are reported; the JSON is still on stdout.
    if (typeof error.stdout !== "string" || !error.stdout.startsWith("{")) throw error;
    stdout = error.stdout;
  }
  return JSON.parse(stdout).summary.violations.map((v) => ({
    rule: v.rule.name,
    from: v.from,
    to: v.to,
  }));
}
