import { defineConfig } from "vitest/config";
import { testClockConfig } from "./index.js";

export default defineConfig({ test: testClockConfig() });
