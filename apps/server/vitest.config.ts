import { testClockConfig } from "@sos/test-clock";
import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    ...testClockConfig(),
    globalSetup: ["@sos/db/testing/global-setup"],
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});
