import { fileURLToPath } from "node:url";
import { testClockConfig } from "@sos/test-clock";
import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    ...testClockConfig(),
    // Starts an embedded PostgreSQL when DATABASE_URL is unset.
    globalSetup: [fileURLToPath(new URL("../db/src/testing/global-setup.ts", import.meta.url))],
    // A guard against a hang, not a timing: a wrong guess at an unknown user still pays a
    // full argon2id hash (so timing tells nothing), and 50 of them passed 30 s at load 16.
    testTimeout: 120_000,
    // Test files mostly wait (on PostgreSQL, a browser, a port): one per core, not cores − 1.
    maxWorkers: "100%",
    hookTimeout: 60_000,
  },
});
