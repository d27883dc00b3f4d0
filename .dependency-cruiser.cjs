// The architecture's one-way dependencies (README "Layout", docs/architecture.md),
// enforced by `pnpm lint:arch` rather than by a reviewer. Rules name folders and
// package roots by pattern, never single files, so moving a file within its layer
// keeps it under the same rule. Workspace imports (`@sos/api`) resolve through
// pnpm's symlinks to the real `packages/api/src/…` path, which is what `to.path`
// matches below.

/** A frontend app: every app but the server (institution, review, vendor-portal, …). */
const FRONTEND_APP = "^apps/(?!server/)[^/]+/";
/** Server-only packages: their code must never reach a browser bundle. */
const SERVER_PACKAGE = "^packages/(api|db|auth)/";

/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: "no-package-imports-an-app",
      comment: "Dependencies point from apps to packages, never back.",
      severity: "error",
      from: { path: "^packages/" },
      to: { path: "^apps/" },
    },
    {
      name: "no-app-imports-another-app",
      comment: "Apps share code through packages (web, ui, domain), not through each other.",
      severity: "error",
      from: { path: "^apps/([^/]+)/" },
      to: { path: "^apps/", pathNot: "^apps/$1/" },
    },
    {
      name: "frontend-imports-server-packages-as-types-only",
      comment:
        "Frontends and packages/web may only `import type` from api, db or auth, " +
        "so no server code ships to a browser.",
      severity: "error",
      from: { path: [FRONTEND_APP, "^packages/web/"] },
      to: { path: SERVER_PACKAGE, dependencyTypesNot: ["type-only"] },
    },
    {
      name: "ui-is-the-design-system-only",
      comment: "packages/ui may depend on domain and rules at most: no api, db, auth or web.",
      severity: "error",
      from: { path: "^packages/ui/" },
      to: { path: "^packages/(api|db|auth|web)/" },
    },
    {
      name: "domain-is-vocabulary-only",
      comment: "packages/domain depends on rules at most.",
      severity: "error",
      from: { path: "^packages/domain/" },
      to: { path: "^packages/(api|db|auth|ui|web)/" },
    },
    {
      name: "rules-are-pure",
      comment: "packages/rules imports no other workspace package (tooling aside, for tests).",
      severity: "error",
      from: { path: "^packages/rules/" },
      to: { path: "^packages/", pathNot: "^packages/rules/" },
    },
    {
      name: "db-is-below-api",
      comment: "packages/db depends on domain at most: no api, auth, ui or web.",
      severity: "error",
      from: { path: "^packages/db/" },
      to: { path: "^packages/(api|auth|ui|web)/" },
    },
    {
      name: "services-do-not-import-routers",
      comment: "Routers are thin handlers over services; the reverse would make a cycle of layers.",
      severity: "error",
      from: { path: "^packages/api/src/services/" },
      to: { path: "^packages/api/src/routers/" },
    },
    {
      name: "schemas-do-not-import-services",
      comment: "Services return the schemas' types; schemas that read services would make a cycle.",
      severity: "error",
      from: { path: "^packages/api/src/schemas/" },
      to: { path: "^packages/api/src/(services|routers)/" },
    },
    {
      name: "workspace-import-resolves",
      comment:
        "An import of a workspace package or a relative path that cannot be resolved would " +
        "escape every rule above; it is a resolution setup error here, not a lint pass.",
      severity: "error",
      from: {},
      to: { couldNotResolve: true, path: "^(@sos/|#|\\.)" },
    },
  ],
  options: {
    doNotFollow: { path: "node_modules" },
    exclude: { path: "(^|/)(node_modules|dist|storybook-static|\\.data)/" },
    // `import type` must be seen to be allowed where a value import is forbidden.
    tsPreCompilationDeps: true,
    enhancedResolveOptions: {
      // Workspace packages export src/*.ts through `exports`; `#zod` comes from
      // packages/domain's `imports` map.
      exportsFields: ["exports"],
      conditionNames: ["import", "types", "default"],
      extensions: [".ts", ".tsx", ".js", ".mjs", ".cjs", ".d.ts", ".json"],
      mainFields: ["module", "main", "types"],
    },
    skipAnalysisNotInRules: true,
  },
};
