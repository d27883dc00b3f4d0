import { sosAppBuild } from "@sos/web/vite";
import react from "@vitejs/plugin-react";
import { defineConfig } from "vite";

// apps/server serves the build under /vendor/ and tRPC at /trpc on the same origin;
// in development the proxy keeps that single origin so the session cookie works.
export default defineConfig({
  base: "/vendor/",
  plugins: [react(), sosAppBuild()],
  server: {
    port: 5175,
    strictPort: true,
    proxy: { "/trpc": "http://localhost:3000" },
  },
});
