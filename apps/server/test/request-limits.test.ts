import { request } from "node:http";
import { DOMAIN_ERRORS } from "@sos/api";
import { SESSION_COOKIE_NAME } from "@sos/auth";
import { MAX_CALLS_PER_REQUEST } from "@sos/domain";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { expectSecurityHeaders } from "./support/security-headers";
import { startTestServer, type TestServer } from "./support/test-server";

let server: TestServer;

beforeAll(async () => {
  server = await startTestServer();
});

afterAll(async () => {
  await server.close();
});

interface RawResponse {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  text: string;
}

/**
 * A request on its own connection, sent as given: fetch would refuse some of these
 * headers and would reuse a connection the server closes after a parse error.
 */
function send(
  path: string,
  options: { method?: string; headers?: Record<string, string>; body?: string; to?: string } = {},
): Promise<RawResponse> {
  const url = new URL(options.to ?? server.url);
  return new Promise((resolve, reject) => {
    const req = request(
      {
        host: url.hostname,
        port: url.port,
        path,
        method: options.method ?? "GET",
        headers: options.headers ?? {},
        agent: false,
      },
      (res) => {
        let text = "";
        res.setEncoding("utf8");
        res.on("data", (chunk: string) => {
          text += chunk;
        });
        res.on("end", () => resolve({ status: res.statusCode ?? 0, headers: res.headers, text }));
      },
    );
    req.on("error", reject);
    req.end(options.body);
  });
}

function batchPath(procedure: string, calls: number, separator = ","): string {
  return `/trpc/${Array.from({ length: calls }, () => procedure).join(separator)}?batch=1`;
}

/** The shape every API error has, whoever answered; nothing of the request echoed back. */
function expectProductError(
  response: RawResponse,
  status: number,
  message: string,
  echoed: readonly string[],
) {
  expect(response.status).toBe(status);
  expect(response.headers["content-type"]).toContain("application/json");
  expect(response.headers["cache-control"]).toBe("no-store");
  const body = JSON.parse(response.text) as {
    error: { message: string; code: number; data: { code: string; httpStatus: number } };
  };
  expect(body.error.message).toBe(message);
  expect(typeof body.error.code).toBe("number");
  expect(body.error.data.httpStatus).toBe(status);
  expect(response.text).not.toMatch(/fastify|FST_|node_modules|trpc/i);
  for (const fragment of echoed) expect(response.text).not.toContain(fragment);
  return body;
}

describe(`tRPC batches are limited to ${MAX_CALLS_PER_REQUEST} calls`, () => {
  const batchMessage = DOMAIN_ERRORS.BATCH_TOO_LARGE.messageJa;

  it("answers a batch at the limit call by call", async () => {
    const response = await send(batchPath("auth.me", MAX_CALLS_PER_REQUEST));
    expect(response.status).toBe(200);
    expect(JSON.parse(response.text)).toHaveLength(MAX_CALLS_PER_REQUEST);
  });

  it("refuses one call more in the product's shape, with the Japanese message", async () => {
    const response = await send(batchPath("auth.me", MAX_CALLS_PER_REQUEST + 1));
    const body = expectProductError(response, 400, batchMessage, ["auth.me"]);
    expect(body.error.data).toEqual({
      code: "BAD_REQUEST",
      httpStatus: 400,
      domainCode: "BATCH_TOO_LARGE",
    });
    expect(response.headers["x-content-type-options"]).toBe("nosniff");
  });

  it("refuses before any context is built: a stale session cookie is not even looked at", async () => {
    const cookie = { cookie: `${SESSION_COOKIE_NAME}=abcdefghijklmnopqrstuvwxyz234567` };
    // Within the limit the context reads the cookie, finds no session and clears it…
    const within = await send(batchPath("auth.me", MAX_CALLS_PER_REQUEST), { headers: cookie });
    expect(within.status).toBe(200);
    expect(String(within.headers["set-cookie"])).toContain(`${SESSION_COOKIE_NAME}=;`);
    // …past it nothing reads it.
    const over = await send(batchPath("auth.me", MAX_CALLS_PER_REQUEST + 1), { headers: cookie });
    expect(over.status).toBe(400);
    expect(over.headers["set-cookie"]).toBeUndefined();
  });

  it("refuses a batch of sign-ins before any is tried; one within the limit is tried", async () => {
    const auditRows = async () =>
      (await server.tdb.db.selectFrom("auditLog").select("id").execute()).length;
    const signIns = (calls: number) =>
      send(batchPath("auth.signIn", calls), {
        method: "POST",
        headers: { "content-type": "application/json", origin: server.url },
        body: JSON.stringify(
          Object.fromEntries(
            Array.from({ length: calls }, (_, i) => [
              i,
              { username: "someone", password: "Wrong-1234" },
            ]),
          ),
        ),
      });
    const before = await auditRows();
    // 400 calls name a path longer than the router takes: 414, in the same shape.
    expectProductError(await signIns(400), 414, "URL が長すぎます。", ["auth.signIn", "someone"]);
    expectProductError(await signIns(MAX_CALLS_PER_REQUEST + 1), 400, batchMessage, [
      "auth.signIn",
      "someone",
    ]);
    expect(await auditRows()).toBe(before);
    // The control: within the limit every failed sign-in is recorded.
    expect((await signIns(2)).status).toBe(401);
    expect(await auditRows()).toBe(before + 2);
  });

  it("counts commas as tRPC does, encoded ones included", async () => {
    for (const separator of ["%2C", "%252C"]) {
      const response = await send(batchPath("auth.me", MAX_CALLS_PER_REQUEST + 1, separator));
      expectProductError(response, 400, batchMessage, ["auth.me"]);
    }
  });

  it("leaves a path without ?batch=1 to tRPC, which treats it as one (unknown) procedure", async () => {
    const response = await send(
      `/trpc/${Array.from({ length: MAX_CALLS_PER_REQUEST + 1 }, () => "auth.me").join(",")}`,
    );
    expect(response.status).toBe(404);
    expect(response.text).not.toContain("auth.me");
  });
});

describe("requests too large to route or parse", () => {
  it("a path segment past the router's limit: 414 in the product's shape, nothing echoed", async () => {
    const response = await send(batchPath("auth.me", 300));
    expectProductError(response, 414, "URL が長すぎます。", ["auth.me"]);
    // Fastify answers these before any hook runs: the headers are set by the handler itself.
    expectSecurityHeaders(response.headers);
    expect(response.headers["x-request-id"]).toMatch(/^[0-9a-f-]{36}$/);
  });

  it("a broken percent-encoding: 400 in the product's shape, nothing echoed", async () => {
    const response = await send("/trpc/auth.me%E0%A4%A?batch=1");
    expectProductError(response, 400, "リクエストの形式が正しくありません。", ["%E0", "auth.me"]);
    expectSecurityHeaders(response.headers);
    const page = await send("/institution/%E0%A4%A");
    expect(page.status).toBe(400);
    expect(page.text).not.toContain("%E0");
    expect(page.text).not.toMatch(/fastify|FST_/i);
  });

  it("headers past 16 KB: 431 in the product's shape, nothing echoed", async () => {
    const response = await send("/trpc/auth.me", {
      headers: { "x-filler": "secret-filler-".repeat(1500) },
    });
    expectProductError(
      response,
      431,
      "送信されたヘッダー（Cookie など）が大きすぎます。ブラウザの Cookie を削除してから再度お試しください。",
      ["secret-filler"],
    );
    // Written to the socket before Fastify sees a request: the same headers as every answer.
    expectSecurityHeaders(response.headers);
  });

  it("a URL longer than the header limit: 431, the URL not echoed", async () => {
    const response = await send(`/trpc/auth.me?input=${"long-query-".repeat(2000)}`);
    expect(response.status).toBe(431);
    expect(response.text).not.toContain("long-query");
    expect(response.text).not.toMatch(/fastify/i);
    expectSecurityHeaders(response.headers);
  });

  it("bytes that are not HTTP: 400 in the product's shape", async () => {
    const text = await sendBytes(server.url, "NOT HTTP AT ALL secret-payload\r\n\r\n");
    expect(text.startsWith("HTTP/1.1 400 Bad Request\r\n")).toBe(true);
    const body = JSON.parse(text.slice(text.indexOf("\r\n\r\n") + 4)) as {
      error: { message: string; data: { httpStatus: number } };
    };
    expect(body.error).toMatchObject({
      message: "リクエストの形式が正しくありません。",
      data: { httpStatus: 400 },
    });
    expect(text).not.toContain("secret-payload");
    expectSecurityHeaders(rawHeaders(text));
  });
});

describe("the raw-socket answers behind an https public URL", () => {
  let secure: TestServer;

  beforeAll(async () => {
    secure = await startTestServer({
      settings: {
        publicBaseUrl: "https://sos.example.jp",
        publicOrigin: "https://sos.example.jp",
        sessionSecure: true,
      },
    });
  });

  afterAll(async () => {
    await secure.close();
  });

  it("carry HSTS and the rest, like every other answer: 431, 400, and Fastify's 414", async () => {
    const tooLarge = await send("/trpc/auth.me", {
      to: secure.url,
      headers: { "x-filler": "filler-".repeat(3000) },
    });
    expect(tooLarge.status).toBe(431);
    expectSecurityHeaders(tooLarge.headers, { https: true });
    const notHttp = await sendBytes(secure.url, "NOT HTTP AT ALL\r\n\r\n");
    expect(notHttp.startsWith("HTTP/1.1 400 ")).toBe(true);
    expectSecurityHeaders(rawHeaders(notHttp), { https: true });
    const unroutable = await send(batchPath("auth.me", 300), { to: secure.url });
    expect(unroutable.status).toBe(414);
    expectSecurityHeaders(unroutable.headers, { https: true });
  });
});

/** Bytes written straight to a new connection; everything the server writes back until it closes. */
async function sendBytes(base: string, bytes: string): Promise<string> {
  const { Socket } = await import("node:net");
  const url = new URL(base);
  return new Promise<string>((resolve, reject) => {
    const socket = new Socket();
    let received = "";
    socket.setEncoding("utf8");
    socket.on("data", (chunk: string) => {
      received += chunk;
    });
    socket.on("close", () => resolve(received));
    socket.on("error", reject);
    socket.connect(Number(url.port), url.hostname, () => {
      socket.write(bytes);
    });
  });
}

/** The header lines of a raw HTTP answer, by lower-case name. */
function rawHeaders(text: string): Record<string, string> {
  const lines = text.slice(0, text.indexOf("\r\n\r\n")).split("\r\n").slice(1);
  return Object.fromEntries(
    lines.map((line) => {
      const colon = line.indexOf(":");
      return [line.slice(0, colon).trim().toLowerCase(), line.slice(colon + 1).trim()];
    }),
  );
}
