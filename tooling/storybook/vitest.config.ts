import path from "node:path";
import { fileURLToPath } from "node:url";
import { chromiumLaunchOptions } from "@sos/chromium";
import { testClockConfig } from "@sos/test-clock";
import { storybookTest } from "@storybook/addon-vitest/vitest-plugin";
import { playwright } from "@vitest/browser-playwright";
import { defineConfig } from "vitest/config";

const dirname = path.dirname(fileURLToPath(import.meta.url));

export default defineConfig({
  // Separate caches let two runs (e.g. one per app's stories) pre-bundle side by side.
  ...(process.env.STORYBOOK_CACHE_DIR ? { cacheDir: process.env.STORYBOOK_CACHE_DIR } : {}),
  // Pre-bundled up front: a dependency discovered mid-run makes Vite re-optimise and
  // reload the browser page, which fails whatever test was running.
  optimizeDeps: {
    include: [
      "react",
      "react-dom/client",
      "react-hook-form",
      "@hookform/resolvers/zod",
      "@tanstack/react-query",
      "@trpc/client",
      "@trpc/tanstack-react-query",
      "react-router",
      "react-router/dom",
    ],
  },
  // Every story becomes a test: it must render, and its play function must pass.
  plugins: [storybookTest({ configDir: path.join(dirname, ".storybook") })],
  test: {
    ...testClockConfig(),
    name: "storybook",
    // Two story files at a time in the one browser: a story mostly waits on rendering.
    maxWorkers: "100%",
    browser: {
      enabled: true,
      headless: true,
      provider: playwright({ launchOptions: chromiumLaunchOptions() }),
      instances: [{ browser: "chromium" }],
    },
  },
});
