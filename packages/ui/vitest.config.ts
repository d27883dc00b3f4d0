import { chromiumLaunchOptions } from "@sos/chromium";
import { testClockConfig } from "@sos/test-clock";
import react from "@vitejs/plugin-react";
import { playwright } from "@vitest/browser-playwright";
import { defineConfig } from "vitest/config";

// The stories run as tests in tooling/storybook, with the app screens.
export default defineConfig({
  plugins: [react()],
  // Pre-bundled up front: a dependency discovered mid-run makes Vite re-optimise and
  // reload the browser page, which fails whatever test was running.
  optimizeDeps: {
    include: ["react", "react-dom/client", "react-hook-form", "@hookform/resolvers/zod"],
  },
  test: {
    ...testClockConfig(),
    name: "unit",
    include: ["src/**/*.test.{ts,tsx}"],
    browser: {
      enabled: true,
      headless: true,
      provider: playwright({ launchOptions: chromiumLaunchOptions() }),
      instances: [{ browser: "chromium" }],
    },
  },
});
