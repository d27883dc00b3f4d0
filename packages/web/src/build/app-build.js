// Plain JavaScript: the apps' vite.config.ts load it through Node without a TypeScript
// step. Node-side only: no browser code imports this module.
import { readFile, writeFile } from "node:fs/promises";
import { join, resolve } from "node:path";
import { promisify } from "node:util";
import { brotliCompress, constants, gzip } from "node:zlib";

const BUILD = {
  outDir: "dist",
  emptyOutDir: true,
  // Which files each page loads, for apps/server's bundle-budget test.
  manifest: true,
  rolldownOptions: {
    output: {
      codeSplitting: {
        groups: [
          {
            // The libraries every first load needs (React, the router, TanStack
            // Query, tRPC) in one file of their own: a release that changes only
            // the app's code leaves its name, and the browser's copy, as they were.
            name: "vendor",
            test: /[\\/]node_modules[\\/]/,
            tags: ["$initial"],
            priority: 2,
          },
          {
            // The rest of the first load (the frame, the session check, the app's
            // routes) in one file, rather than a few small ones the pages share.
            name: "shell",
            tags: ["$initial"],
            priority: 1,
          },
        ],
      },
    },
  },
};

/** The build settings the three apps share, as a plugin of their vite.config.ts. */
function appBuild() {
  return {
    name: "sos:app-build",
    config(_config, env) {
      if (env.command === "build" && env.mode === "production") {
        // A production build ships React's production code even when the build runs
        // under a test runner, whose NODE_ENV=test would otherwise give the
        // development build (several times larger). Vite reads it after this hook.
        process.env.NODE_ENV = "production";
      }
      return { build: BUILD };
    },
  };
}

const COMPRESSIBLE = /\.(js|css|html|svg|json)$/;
const gzipAsync = promisify(gzip);
const brotliAsync = promisify(brotliCompress);

async function writeCompressed(path) {
  const content = await readFile(path);
  const [gz, br] = await Promise.all([
    gzipAsync(content, { level: constants.Z_BEST_COMPRESSION }),
    brotliAsync(content, {
      params: {
        [constants.BROTLI_PARAM_MODE]: constants.BROTLI_MODE_TEXT,
        [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY,
        [constants.BROTLI_PARAM_SIZE_HINT]: content.length,
      },
    }),
  ]);
  // A file too small to gain is served as it is.
  if (gz.length < content.length) await writeFile(`${path}.gz`, gz);
  if (br.length < content.length) await writeFile(`${path}.br`, br);
}

/**
 * Writes file.gz and file.br beside every text file of the build, compressed once at
 * the highest levels, so the server sends them as they are (@fastify/static's
 * preCompressed) instead of compressing on every request or not at all.
 */
function precompress() {
  let outDir = "";
  return {
    name: "sos:precompress",
    apply: "build",
    configResolved(config) {
      outDir = resolve(config.root, config.build.outDir);
    },
    async writeBundle(_options, bundle) {
      const files = Object.keys(bundle).filter(
        (file) => COMPRESSIBLE.test(file) && !file.startsWith(".vite/"),
      );
      await Promise.all(files.map((file) => writeCompressed(join(outDir, file))));
    },
  };
}

/**
 * The apps' shared build (their vite.config.ts: `plugins: [react(), sosAppBuild()]`):
 * chunks that cache well, the manifest, and precompressed files.
 */
export function sosAppBuild() {
  return [appBuild(), precompress()];
}
