import { testClockConfig } from "@sos/test-clock";
import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    ...testClockConfig(),
    globalSetup: ["@sos/db/testing/global-setup"],
    testTimeout: 30_000,
    // Test files mostly wait (on PostgreSQL, a browser, a port): one per core, not cores − 1.
    maxWorkers: "100%",
    // Files share a worker's loaded modules instead of importing the whole API again each
    // (that import was 40 % of the suite's time). Each file still has its own database.
    isolate: false,
    hookTimeout: 60_000,
  },
});
