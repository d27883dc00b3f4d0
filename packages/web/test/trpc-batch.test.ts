import { MAX_CALLS_PER_REQUEST } from "@sos/domain";
import { describe, expect, it } from "vitest";
import { ERROR_MESSAGES, errorMessageJa } from "../src/errors";
import { createApiClient } from "../src/trpc";

/** Answers every call of a batch with null, recording the procedure paths of each request. */
function recordingFetch(requests: string[][]): typeof globalThis.fetch {
  return async (input) => {
    const url = new URL(String(input), "http://localhost");
    const paths = decodeURIComponent(url.pathname.replace(/^\/trpc\//, "")).split(",");
    requests.push(paths);
    return new Response(JSON.stringify(paths.map(() => ({ result: { data: null } }))), {
      headers: { "content-type": "application/json" },
    });
  };
}

describe("the apps' tRPC link", () => {
  it(`splits calls made together into requests of at most ${MAX_CALLS_PER_REQUEST}, the server's limit`, async () => {
    const requests: string[][] = [];
    const client = createApiClient({
      url: "http://localhost/trpc",
      fetch: recordingFetch(requests),
    });
    const calls = 2 * MAX_CALLS_PER_REQUEST + 3;
    const results = await Promise.all(Array.from({ length: calls }, () => client.auth.me.query()));
    expect(results).toEqual(Array.from({ length: calls }, () => null));
    expect(requests.map((paths) => paths.length)).toEqual([
      MAX_CALLS_PER_REQUEST,
      MAX_CALLS_PER_REQUEST,
      3,
    ]);
  });
});

describe("a server error in front of the API", () => {
  it("reads as the server's failure, not as the user's connection", async () => {
    const client = createApiClient({
      url: "http://localhost/trpc",
      fetch: async () =>
        new Response("<html><body>502 Bad Gateway</body></html>", {
          status: 502,
          headers: { "content-type": "text/html" },
        }),
    });
    const error = await client.auth.me.query().then(
      () => null,
      (caught: unknown) => caught,
    );
    expect(errorMessageJa(error)).toBe(`${ERROR_MESSAGES.unavailable}（サーバーの応答：502）`);
    expect(errorMessageJa(error)).not.toBe(ERROR_MESSAGES.network);
  });
});
