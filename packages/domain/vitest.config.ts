import { testClockConfig } from "@sos/test-clock";
import { defineConfig } from "vitest/config";

export default defineConfig({ test: testClockConfig() });
