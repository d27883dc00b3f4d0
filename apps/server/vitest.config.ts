import { testClockConfig } from "@sos/test-clock";
import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    ...testClockConfig(),
    globalSetup: ["@sos/db/testing/global-setup"],
    testTimeout: 30_000,
    // Test files mostly wait (on PostgreSQL, a browser, a port): one per core, not cores − 1.
    maxWorkers: "100%",
    hookTimeout: 60_000,
  },
});
