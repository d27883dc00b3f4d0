import { gzipSync } from "node:zlib";
import { APP_NAMES } from "@sos/api";
import type { BenchContext } from "../context";
import { LoadClient } from "../load";

const BUDGET_BYTES = 150 * 1024;
const ACCEPT = "gzip, deflate, br";

/** Scripts the page loads before it can run: its module entry and modulepreloads. */
function entryScripts(html: string): string[] {
  const found = new Set<string>();
  for (const match of html.matchAll(/<script[^>]*type="module"[^>]*src="([^"]+)"/g)) {
    if (match[1]) found.add(match[1]);
  }
  for (const match of html.matchAll(/<link[^>]*rel="modulepreload"[^>]*href="([^"]+)"/g)) {
    if (match[1]) found.add(match[1]);
  }
  return [...found];
}

/** Static imports of a module (dynamic import("…") is loaded later, on its route). */
function staticImports(code: string): string[] {
  const found: string[] = [];
  for (const match of code.matchAll(/(?:\bfrom|\bimport)\s*["']([^"']+\.m?js)["']/g)) {
    if (match[1]) found.push(match[1]);
  }
  return found;
}

interface Fetched {
  wireBytes: number;
  encoding: string;
  gzipBytes: number;
}

/**
 * First-load JS per app as the server actually sends it to a browser that
 * accepts gzip and brotli: the bytes on the wire, following the entry's static
 * imports. Goal: at most 150 KB, compressed on the wire.
 */
export async function bundlesPair(context: BenchContext): Promise<void> {
  const { report } = context;
  report.section(`first-load JS per app, Accept-Encoding: ${ACCEPT}`);
  const client = new LoadClient(context.product.baseUrl, 2);
  try {
    for (const app of APP_NAMES) {
      const page = await client.call({ method: "GET", path: `/${app}/`, headers: {} });
      if (page.status !== 200) {
        report.ratio({
          path: `first-load JS, ${app} (bytes on the wire / 150 KB)`,
          product: `the page answered ${page.status}`,
          baseline: "150 KB",
          ratio: null,
          goal: { op: "<=", value: 1 },
        });
        continue;
      }
      const queue = entryScripts(page.body);
      const seen = new Map<string, Fetched>();
      while (queue.length > 0) {
        const path = queue.shift();
        if (path === undefined || seen.has(path)) continue;
        const wire = await client.download({
          method: "GET",
          path,
          headers: { "accept-encoding": ACCEPT },
        });
        const plain = await client.call({ method: "GET", path, headers: {} });
        seen.set(path, {
          wireBytes: wire.bytes,
          encoding: String(wire.headers["content-encoding"] ?? "identity"),
          gzipBytes: gzipSync(plain.body).length,
        });
        for (const imported of staticImports(plain.body)) {
          queue.push(new URL(imported, `http://x${path}`).pathname);
        }
      }
      const files = [...seen.values()];
      const wire = files.reduce((sum, f) => sum + f.wireBytes, 0);
      const gzip = files.reduce((sum, f) => sum + f.gzipBytes, 0);
      const encodings = [...new Set(files.map((f) => f.encoding))].join("+");
      report.info(
        `${app}: ${files.length} script(s), ${(wire / 1024).toFixed(1)} KB on the wire (${encodings}), ${(gzip / 1024).toFixed(1)} KB if gzipped`,
      );
      report.ratio({
        path: `first-load JS, ${app} (bytes on the wire / 150 KB)`,
        product: `${(wire / 1024).toFixed(1)} KB ${encodings}`,
        baseline: "150 KB compressed",
        ratio: wire / BUDGET_BYTES,
        goal: { op: "<=", value: 1 },
      });
    }
  } finally {
    await client.close();
  }
}
