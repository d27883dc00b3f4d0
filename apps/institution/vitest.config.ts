import { testClockConfig } from "@sos/test-clock";
import { defineConfig } from "vitest/config";

export default defineConfig({
  // Resolve packages as the browser build does (react-router ships one copy per condition).
  resolve: { conditions: ["module", "browser", "development|production"] },
  test: { environment: "node", ...testClockConfig() },
});
