import { createTestDatabase, type TestDatabase } from "@sos/db/testing";
import { fetchRequestHandler } from "@trpc/server/adapters/fetch";
import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";
import { INTERNAL_ERROR_MESSAGE } from "../src/error-shape";
import { DomainError } from "../src/errors";
import { appRouter } from "../src/root";
import { createTestContext } from "../src/testing";
import { mergeRouters, publicProcedure, router } from "../src/trpc";

let tdb: TestDatabase;

// Procedures that fail in each of the ways the formatter must handle.
const failures = router({
  sqlError: publicProcedure.mutation(async ({ ctx }) => {
    await sql`select secret_column from table_that_does_not_exist`.execute(ctx.db);
    return "unreachable";
  }),
  thrown: publicProcedure.query(() => {
    throw new Error("internal detail: password=hunter2 at /srv/app.ts:12");
  }),
  domain: publicProcedure.query(() => {
    throw new DomainError("STALE_VERSION");
  }),
  domainWithFields: publicProcedure.mutation(() => {
    throw new DomainError("INVALID_INPUT", {
      messageJa: "数量が上限を超えています。",
      fieldErrors: { "lines.0.sets": ["上限は 30 セットです。"] },
    });
  }),
  badOutput: publicProcedure
    .output(z.object({ n: z.number() }))
    .query(() => ({ n: "not a number" }) as unknown as { n: number }),
  nested: publicProcedure
    .input(z.object({ lines: z.array(z.object({ sets: z.number().int().min(1) })) }))
    .mutation(() => "ok"),
});
const testRouter = mergeRouters(appRouter, router({ fail: failures }));

type ErrorBody = {
  error: {
    message: string;
    code: number;
    data: Record<string, unknown> & { code: string; httpStatus: number };
  };
};

async function call(
  path: string,
  init: { method?: "GET" | "POST"; input?: unknown; body?: string; contentType?: string } = {},
) {
  const method = init.method ?? "POST";
  const url = new URL(`http://localhost/trpc/${path}`);
  if (method === "GET" && init.input !== undefined) {
    url.searchParams.set("input", JSON.stringify(init.input));
  }
  const request = new Request(url, {
    method,
    headers: { "content-type": init.contentType ?? "application/json" },
    ...(method === "POST" ? { body: init.body ?? JSON.stringify(init.input ?? null) } : {}),
  });
  const response = await fetchRequestHandler({
    endpoint: "/trpc",
    req: request,
    router: testRouter,
    createContext: () => createTestContext(tdb.db),
  });
  const text = await response.text();
  return { status: response.status, text, body: JSON.parse(text) as ErrorBody };
}

function expectNoInternals(text: string) {
  expect(text).not.toMatch(
    /stack|select|table_that_does_not_exist|secret_column|hunter2|\.ts:|at \w/i,
  );
}

beforeAll(async () => {
  tdb = await createTestDatabase();
});

afterAll(async () => {
  await tdb.destroy();
});

describe("error formatter", () => {
  it("hides a SQL error behind a generic Japanese message (NODE_ENV unset)", async () => {
    const saved = process.env.NODE_ENV;
    delete process.env.NODE_ENV;
    try {
      const { status, text, body } = await call("fail.sqlError");
      expect(status).toBe(500);
      expect(body.error).toEqual({
        message: INTERNAL_ERROR_MESSAGE,
        code: -32603,
        data: { code: "INTERNAL_SERVER_ERROR", httpStatus: 500, requestId: "test-request" },
      });
      expectNoInternals(text);
    } finally {
      if (saved !== undefined) process.env.NODE_ENV = saved;
    }
  });

  it("hides the message of any unexpected exception and of an output that breaks its schema", async () => {
    for (const path of ["fail.thrown", "fail.badOutput"]) {
      const { status, text, body } = await call(path, { method: "GET" });
      expect(status).toBe(500);
      expect(body.error.message).toBe(INTERNAL_ERROR_MESSAGE);
      expect(body.error.data.fieldErrors).toBeUndefined();
      expectNoInternals(text);
    }
  });

  it("maps a DomainError to its tRPC code, HTTP status and domain code", async () => {
    const { status, body } = await call("fail.domain", { method: "GET" });
    expect(status).toBe(409);
    expect(body.error).toEqual({
      message: "他の担当者が先に更新しました。最新の内容を確認してください。",
      code: -32009,
      data: { code: "CONFLICT", httpStatus: 409, domainCode: "STALE_VERSION" },
    });
  });

  it("passes a DomainError's field messages through", async () => {
    const { status, body } = await call("fail.domainWithFields");
    expect(status).toBe(400);
    expect(body.error.message).toBe("数量が上限を超えています。");
    expect(body.error.data.fieldErrors).toEqual({ "lines.0.sets": ["上限は 30 セットです。"] });
  });

  it("turns zod issues into Japanese field errors keyed by path", async () => {
    const { status, body } = await call("auth.signIn", { input: { username: "ab", password: "" } });
    expect(status).toBe(400);
    expect(body.error.data).toEqual({
      code: "BAD_REQUEST",
      httpStatus: 400,
      domainCode: "INVALID_INPUT",
      fieldErrors: {
        username: ["ユーザー名は半角英数字・記号で3〜64文字で入力してください"],
        password: ["パスワードを入力してください"],
      },
    });
    expect(body.error.message).toBe("入力内容に誤りがあります。各項目を確認してください。");

    const nested = await call("fail.nested", { input: { lines: [{ sets: 2 }, { sets: 0 }] } });
    expect(Object.keys(nested.body.error.data.fieldErrors as object)).toEqual(["lines.1.sets"]);
    // Schemas without their own wording still answer in Japanese (zod's ja locale).
    const [message] = (nested.body.error.data.fieldErrors as Record<string, string[]>)[
      "lines.1.sets"
    ] ?? [""];
    expect(message).toMatch(/[ぁ-んァ-ン一-龥]/);
  });

  it("answers a body that is not an object (a form post, say) in Japanese", async () => {
    const { status, body } = await call("auth.signIn", { body: "[1,2,3]" });
    expect(status).toBe(400);
    expect(body.error.message).toMatch(/[ぁ-んァ-ン一-龥]/);
  });

  it("translates tRPC's own errors: unknown procedure, wrong method, unsupported media", async () => {
    const unknown = await call("nope.nothing", { method: "GET" });
    expect(unknown.status).toBe(404);
    expect(unknown.body.error.message).toBe("お探しの機能またはデータが見つかりません。");
    expectNoInternals(unknown.text);
    expect(unknown.text).not.toContain("nope.nothing");

    const wrongMethod = await call("auth.signOut", { method: "GET" });
    expect(wrongMethod.status).toBe(405);
    expect(wrongMethod.body.error.message).toBe("この方法では操作を実行できません。");

    const media = await call("auth.signOut", { body: "x=1", contentType: "text/plain" });
    expect(media.status).toBe(415);
    expect(media.body.error.message).toBe("リクエストの形式が正しくありません。");

    const parse = await call("auth.signIn", { body: "{not json" });
    expect(parse.status).toBe(400);
    expect(parse.body.error.message).toBe("リクエストの形式が正しくありません。");
  });
});
