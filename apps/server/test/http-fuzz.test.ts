import { appRouter } from "@sos/api";
import { createTestUser } from "@sos/api/testing";
import { SESSION_COOKIE_NAME } from "@sos/auth";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { mutate } from "./support/http";
import { startTestServer, type TestServer } from "./support/test-server";

/** Requests per procedure and caller; FUZZ_RUNS raises it. */
const RUNS = Number(process.env.FUZZ_RUNS ?? 6);
const SEED = Number(process.env.FUZZ_SEED ?? 20261207);

let server: TestServer;
/** No cookie for the anonymous caller; a session token for each role. */
const sessions: Record<string, string | undefined> = { anonymous: undefined };
let requests = 0;
let serverErrors = 0;

beforeAll(async () => {
  server = await startTestServer();
  for (const role of ["institution", "prefecture", "ministry", "vendor"] as const) {
    const user = await createTestUser(server.tdb.db, role);
    const signedIn = await mutate(server.url, "auth.signIn", {
      username: user.username,
      password: user.password,
    });
    expect(signedIn.sessionCookie, `${role} signed in`).toMatch(/^[a-z0-9]{20,}$/);
    sessions[role] = signedIn.sessionCookie;
  }
});

afterAll(async () => {
  console.info(`HTTP fuzz: ${requests} requests, ${serverErrors} answered 5xx`);
  await server.close();
});

const nastyText = fc.string({
  unit: fc.oneof(
    fc.constantFrom("\u0000", "\uD800", "\uDFFF", "\u001b", "\u2028", "\ufeff", "'", '"', "\\"),
    fc.constantFrom(..."0123456789-@.abc山田病院東京都"),
    fc.string({ unit: "binary", minLength: 1, maxLength: 1 }),
  ),
  maxLength: 30,
});

const plausible = fc.constantFrom(
  "山田　花子",
  "東京都千代田区1-1",
  "ヤマト運輸",
  "2026-11-25",
  "100-8916",
);

const leaf = fc.oneof(
  { weight: 4, arbitrary: nastyText },
  { weight: 1, arbitrary: fc.jsonValue({ maxDepth: 2 }) },
  { weight: 2, arbitrary: plausible },
  // A value a field takes, with a NUL or a lone surrogate slipped in.
  {
    weight: 2,
    arbitrary: fc
      .tuple(plausible, fc.constantFrom("\u0000", "\uD800", "\uDFFF"))
      .map(([value, poison]) => `${value.slice(0, 2)}${poison}${value.slice(2)}`),
  },
);

interface Procedure {
  path: string;
  type: string;
  keys: string[];
}

/** Every procedure with the top-level keys of its input, read from the router. */
const procedures: Procedure[] = Object.entries(
  appRouter._def.procedures as Record<string, unknown>,
).map(([path, procedure]) => {
  const def = (procedure as { _def: { type: string; inputs: unknown[] } })._def;
  const shape = (def.inputs[0] as { _zod?: { def?: { shape?: object } } } | undefined)?._zod?.def
    ?.shape;
  return { path, type: def.type, keys: Object.keys(shape ?? {}) };
});

/** A body as a client could send it: JSON of the right keys or of anything, or bytes. */
function bodies(keys: string[]): fc.Arbitrary<string | Uint8Array> {
  const shaped =
    keys.length === 0
      ? fc.jsonValue({ maxDepth: 2 })
      : fc.record(Object.fromEntries(keys.map((key) => [key, leaf])), { requiredKeys: [] });
  return fc.oneof(
    { weight: 6, arbitrary: shaped.map((value) => JSON.stringify(value)) },
    { weight: 1, arbitrary: fc.jsonValue().map((value) => JSON.stringify(value)) },
    // Not UTF-8, not JSON, or JSON cut short.
    { weight: 1, arbitrary: fc.uint8Array({ maxLength: 64 }) },
    { weight: 1, arbitrary: shaped.map((value) => JSON.stringify(value).slice(0, -1)) },
  );
}

async function send(procedure: Procedure, body: string | Uint8Array, token: string | undefined) {
  const headers: Record<string, string> = token
    ? { cookie: `${SESSION_COOKIE_NAME}=${token}` }
    : {};
  if (procedure.type === "query") {
    // Queries travel in the URL: bytes are percent-encoded as they are.
    const text = typeof body === "string" ? body : Buffer.from(body).toString("latin1");
    const url = `${server.url}/trpc/${procedure.path}?input=${encodeURIComponent(text)}`;
    return fetch(url, { headers });
  }
  return fetch(`${server.url}/trpc/${procedure.path}`, {
    method: "POST",
    headers: { ...headers, "content-type": "application/json", origin: server.url },
    body,
  });
}

describe("arbitrary bytes and JSON to every procedure over HTTP", () => {
  it.each(procedures)("$path never answers 5xx", async (procedure) => {
    for (const [index, [caller, token]] of Object.entries(sessions).entries()) {
      await fc.assert(
        fc.asyncProperty(bodies(procedure.keys), async (body) => {
          requests += 1;
          const response = await send(procedure, body, token);
          const text = await response.text();
          if (response.status >= 500) serverErrors += 1;
          expect(
            response.status,
            `${procedure.path} as ${caller}: ${text.slice(0, 300)}`,
          ).toBeLessThan(500);
          const parsed = JSON.parse(text) as { error?: { message: string } };
          if (parsed.error) expect(parsed.error.message).toMatch(/[ぁ-んァ-ヶ一-龠]/);
        }),
        { numRuns: RUNS, seed: SEED + index },
      );
    }
  });
});
