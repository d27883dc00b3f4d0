import { testClockConfig } from "@sos/test-clock";
import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    ...testClockConfig(),
    globalSetup: ["./src/testing/global-setup.ts"],
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});
