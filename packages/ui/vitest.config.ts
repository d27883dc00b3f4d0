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
    name: "unit",
    include: ["src/**/*.test.{ts,tsx}"],
    browser: {
      enabled: true,
      headless: true,
      // Debian's chromium, never a downloaded browser (see /work/shared/docs/stack-notes.md).
      provider: playwright({
        launchOptions: {
          executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
          args: [
            "--no-sandbox",
            "--disable-gpu",
            "--disable-quic",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
          ],
        },
      }),
      instances: [{ browser: "chromium" }],
    },
  },
});
