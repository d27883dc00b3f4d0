import { defineConfig } from "vitest/config";

// Each test runs a linter over the whole repository or part of it: seconds, not milliseconds.
export default defineConfig({ test: { testTimeout: 60_000 } });
