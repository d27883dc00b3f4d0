import { describe, expect, it } from "vitest";
import { MAX_WRITE_ATTEMPTS, retryDelayMs } from "../src/idempotent-retry";
import { createApiClient } from "../src/trpc";

const KEY = "0b6f4b5e-6a4f-4c8e-9d1a-2f3e4d5c6b7a";
const ANSWER = {
  id: "7c9e6679-7425-40de-944b-e07fc1f90ae7",
  stock: "２，０００",
  consumption: 1000,
  purchases: 400,
  idempotencyKey: KEY,
};

const OVERLOADED = {
  error: {
    message: "混雑しています。しばらくしてから再度お試しください。",
    code: -32603,
    data: { code: "SERVICE_UNAVAILABLE", httpStatus: 503, domainCode: "OVERLOADED" },
  },
};

/** Answers each request with the next scripted reply; records every request body. */
function scriptedFetch(
  replies: Array<{ status: number; body: unknown; headers?: Record<string, string> }>,
) {
  const bodies: string[] = [];
  const fetch: typeof globalThis.fetch = async (_input, init) => {
    bodies.push(String(init?.body));
    const reply = replies[Math.min(bodies.length - 1, replies.length - 1)];
    if (!reply) throw new Error("no reply scripted");
    return new Response(JSON.stringify([reply.body]), {
      status: reply.status,
      headers: { "content-type": "application/json", ...reply.headers },
    });
  };
  return { fetch, bodies };
}

/** No real waiting in tests; records the server's Retry-After each retry was given. */
function noWait(seen: Array<number | null> = []) {
  return (_attempt: number, serverDelayMs: number | null) => {
    seen.push(serverDelayMs);
    return 0;
  };
}

describe("writes with an idempotency key", () => {
  it("are sent again with the same key after 混雑 (503), waiting the server's Retry-After", async () => {
    const { fetch, bodies } = scriptedFetch([
      { status: 503, body: OVERLOADED, headers: { "retry-after": "2" } },
      { status: 503, body: OVERLOADED, headers: { "retry-after": "2" } },
      { status: 200, body: { result: { data: { receipt: { number: "20261202-0000001" } } } } },
    ]);
    const waits: Array<number | null> = [];
    const client = createApiClient({
      url: "http://localhost/trpc",
      fetch,
      retryDelay: noWait(waits),
    });
    const saved = await client.survey.answer.mutate(ANSWER);
    expect(saved).toEqual({ receipt: { number: "20261202-0000001" } });
    expect(waits).toEqual([2000, 2000]);
    expect(bodies).toHaveLength(3);
    expect(new Set(bodies).size).toBe(1);
    expect(JSON.parse(bodies[0] ?? "")).toEqual({ 0: ANSWER });
  });

  it(`give up after ${MAX_WRITE_ATTEMPTS} attempts and show the server's message`, async () => {
    const { fetch, bodies } = scriptedFetch([
      { status: 503, body: OVERLOADED, headers: { "retry-after": "1" } },
    ]);
    const client = createApiClient({ url: "http://localhost/trpc", fetch, retryDelay: noWait() });
    await expect(client.survey.answer.mutate(ANSWER)).rejects.toThrow(OVERLOADED.error.message);
    expect(bodies).toHaveLength(MAX_WRITE_ATTEMPTS);
  });

  it("are retried when the connection drops before the answer arrives", async () => {
    let calls = 0;
    const fetch: typeof globalThis.fetch = async () => {
      calls += 1;
      if (calls === 1) throw new TypeError("Failed to fetch");
      return new Response(JSON.stringify([{ result: { data: "ok" } }]), {
        headers: { "content-type": "application/json" },
      });
    };
    const waits: Array<number | null> = [];
    const client = createApiClient({
      url: "http://localhost/trpc",
      fetch,
      retryDelay: noWait(waits),
    });
    await expect(client.survey.answer.mutate(ANSWER)).resolves.toBe("ok");
    expect(waits).toEqual([null]);
    expect(calls).toBe(2);
  });
});

describe("other calls", () => {
  it("a write without a key, or another refusal, is not repeated", async () => {
    const { fetch, bodies } = scriptedFetch([{ status: 503, body: OVERLOADED }]);
    const client = createApiClient({ url: "http://localhost/trpc", fetch, retryDelay: noWait() });
    const { idempotencyKey: _key, ...withoutKey } = ANSWER;
    await expect(client.survey.answer.mutate(withoutKey)).rejects.toThrow(/混雑/);
    expect(bodies).toHaveLength(1);

    const conflict = scriptedFetch([
      {
        status: 409,
        body: {
          error: {
            message: "この送信は、別の内容の送信として既に受け付けられています。",
            code: -32009,
            data: { code: "CONFLICT", httpStatus: 409, domainCode: "IDEMPOTENCY_KEY_REUSED" },
          },
        },
      },
    ]);
    const again = createApiClient({
      url: "http://localhost/trpc",
      fetch: conflict.fetch,
      retryDelay: noWait(),
    });
    await expect(again.survey.answer.mutate(ANSWER)).rejects.toThrow(/既に受け付け/);
    expect(conflict.bodies).toHaveLength(1);
  });
});

describe("the wait before a retry", () => {
  it("is the server's Retry-After, else doubles from a second, spread by up to half again", () => {
    expect(retryDelayMs(1, 5000, () => 0)).toBe(5000);
    expect(retryDelayMs(1, 5000, () => 1)).toBe(7500);
    expect([1, 2, 3].map((attempt) => retryDelayMs(attempt, null, () => 0))).toEqual([
      1000, 2000, 4000,
    ]);
    expect(retryDelayMs(10, null, () => 0)).toBe(30_000);
  });
});
