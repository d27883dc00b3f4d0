import { testClockConfig } from "@sos/test-clock";
import { defineConfig } from "vitest/config";

/**
 * The suite runs twice: as the server loads the schemas (classic zod) and as the
 * apps' builds do (the "browser" condition maps #zod to zod/mini, see package.json).
 * Both must accept and refuse the same inputs with the same Japanese messages.
 * test/zod-build.test.ts checks that each run really has its build.
 */
const builds = [
  { name: "zod", conditions: [] },
  { name: "zod/mini", conditions: ["browser"] },
] as const;

export default defineConfig({
  test: {
    projects: builds.map(({ name, conditions }) => ({
      // Test files run in Vite's server-side environment, which has its own conditions.
      ...(conditions.length > 0 ? { ssr: { resolve: { conditions: [...conditions] } } } : {}),
      test: {
        name,
        include: ["test/**/*.test.ts"],
        env: { EXPECTED_ZOD_BUILD: name },
        ...testClockConfig(),
      },
    })),
  },
});
