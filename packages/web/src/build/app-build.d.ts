import type { PluginOption } from "vite";

/**
 * The apps' shared build: a vendor chunk that caches well, the manifest, a production
 * React whatever NODE_ENV says, and file.br / file.gz beside every text file.
 */
export function sosAppBuild(): PluginOption;
