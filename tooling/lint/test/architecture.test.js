import { describe, expect, it } from "vitest";
import { cruise, fixtureName, frontendApps, withFixtures } from "./repo.js";

/** The violations of the edges leaving `from` itself. */
async function violationsFrom(from) {
  return (await cruise([from], { maxDepth: 1 })).filter((v) => v.from === from);
}

describe("the dependency rules (.dependency-cruiser.cjs)", () => {
  it("pass on the tree as it is", async () => {
    expect(await cruise(["apps", "packages"])).toEqual([]);
  });

  it("stop the design system importing the api", async () => {
    const ui = `packages/ui/src/${fixtureName("ui")}`;
    await withFixtures({ [ui]: 'export { appRouter } from "../../api/src/index";\n' }, async () => {
      expect(await violationsFrom(ui)).toEqual([
        { rule: "ui-is-the-design-system-only", from: ui, to: "packages/api/src/index.ts" },
      ]);
    });
  });

  it("stop a service importing a router", async () => {
    const router = `packages/api/src/routers/${fixtureName("router")}`;
    const service = `packages/api/src/services/${fixtureName("service")}`;
    const files = {
      [router]: "export const handler = 1;\n",
      [service]: `export { handler } from "../routers/${fixtureName("router").replace(/\.ts$/, "")}";\n`,
    };
    await withFixtures(files, async () => {
      expect(await violationsFrom(service)).toEqual([
        { rule: "services-do-not-import-routers", from: service, to: router },
      ]);
    });
  });

  it("stop a schema importing a service", async () => {
    const service = `packages/api/src/services/${fixtureName("service")}`;
    const schema = `packages/api/src/schemas/${fixtureName("schema")}`;
    const files = {
      [service]: "export const STATES = [] as const;\n",
      [schema]: `export { STATES } from "../services/${fixtureName("service").replace(/\.ts$/, "")}";\n`,
    };
    await withFixtures(files, async () => {
      expect(await violationsFrom(schema)).toEqual([
        { rule: "schemas-do-not-import-services", from: schema, to: service },
      ]);
    });
  });

  it("let a frontend import only types from @sos/api, resolved through the workspace", async () => {
    const files = {};
    const expected = [];
    for (const app of frontendApps()) {
      const bad = `apps/${app}/src/${fixtureName("value")}`;
      const good = `apps/${app}/src/${fixtureName("type")}`;
      files[bad] = 'export { appRouter } from "@sos/api";\n';
      files[good] = 'export type { AppRouter } from "@sos/api";\n';
      expected.push({
        rule: "frontend-imports-server-packages-as-types-only",
        from: bad,
        to: "packages/api/src/index.ts",
      });
    }
    expect(expected.length).toBeGreaterThan(0);
    await withFixtures(files, async () => {
      const violations = await cruise(Object.keys(files), { maxDepth: 1 });
      const fromFixtures = violations.filter((v) => v.from in files);
      expect(fromFixtures.sort((a, b) => a.from.localeCompare(b.from))).toEqual(
        expected.sort((a, b) => a.from.localeCompare(b.from)),
      );
    });
  });

  it("stop a package importing an app", async () => {
    const domain = `packages/domain/src/${fixtureName("domain")}`;
    await withFixtures(
      { [domain]: 'export * from "../../../apps/server/src/index";\n' },
      async () => {
        const violations = await violationsFrom(domain);
        expect(violations.map((v) => v.rule)).toEqual(["no-package-imports-an-app"]);
      },
    );
  });

  it("treat a workspace import that does not resolve as an error, not a pass", async () => {
    const ui = `packages/ui/src/${fixtureName("unresolved")}`;
    await withFixtures({ [ui]: 'export { appRouter } from "@sos/api";\n' }, async () => {
      expect(await violationsFrom(ui)).toEqual([
        { rule: "workspace-import-resolves", from: ui, to: "@sos/api" },
      ]);
    });
  });
});
