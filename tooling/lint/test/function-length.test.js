import { execFile } from "node:child_process";
import { join } from "node:path";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";
import { REPO_ROOT, withFixtures } from "./repo.js";

const run = promisify(execFile);
const RULE = "lint/complexity/noExcessiveLinesPerFunction";

/** A function whose body, between the braces, is `lines` lines: what Biome counts. */
function functionOf(lines) {
  const body = Array.from({ length: lines - 2 }, (_, i) => `  n += ${i};`);
  return ["export function long(): number {", "  let n = 0;", ...body, "  return n;", "}", ""].join(
    "\n",
  );
}

/** The rules Biome, with the repository's config, reports on `path` holding `source`. */
async function biomeRules(path, source) {
  return withFixtures({ [path]: source }, async () => {
    const bin = join(REPO_ROOT, "node_modules/@biomejs/biome/bin/biome");
    const result = await run(bin, ["lint", "--colors=off", path], { cwd: REPO_ROOT }).catch(
      (error) => error,
    );
    return [...`${result.stdout}${result.stderr}`.matchAll(/lint\/[\w/]+/g)].map((m) => m[0]);
  });
}

describe("the function-length budget (biome.jsonc)", () => {
  const name = `length-fixture-${process.pid}.ts`;

  it("fails a production function of 121 lines", async () => {
    expect(await biomeRules(`packages/rules/src/${name}`, functionOf(121))).toContain(RULE);
    expect(await biomeRules(`apps/server/src/${name}`, functionOf(121))).toContain(RULE);
  });

  it("passes one of 120", async () => {
    expect(await biomeRules(`packages/rules/src/${name}`, functionOf(120))).toEqual([]);
  });

  it("leaves test helpers alone", async () => {
    expect(await biomeRules(`packages/db/src/testing/${name}`, functionOf(200))).toEqual([]);
  });
});
