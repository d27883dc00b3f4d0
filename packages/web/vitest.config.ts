import { testClockConfig } from "@sos/test-clock";
import { defineConfig } from "vitest/config";

export default defineConfig({
  // Resolve packages as the apps' browser build does. Under Node's conditions
  // react-router and react-router/dom load as two copies (ES and CommonJS) with two
  // router contexts, and nothing under the RouterProvider can find its router.
  resolve: { conditions: ["module", "browser", "development|production"] },
  test: {
    environment: "jsdom",
    ...testClockConfig(),
    setupFiles: [...testClockConfig().setupFiles, "./test/setup.ts"],
  },
});
