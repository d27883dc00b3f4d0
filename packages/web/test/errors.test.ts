import { TRPCClientError } from "@trpc/client";
import { describe, expect, it, vi } from "vitest";
import {
  domainErrorCode,
  ERROR_MESSAGES,
  errorMessageJa,
  fieldErrorsOf,
  isNetworkError,
  isUnauthorized,
  ServerStatusError,
} from "../src/errors";

/** An error as the client builds it from a tRPC error response. */
function serverError(message: string, data: Record<string, unknown>) {
  return TRPCClientError.from({ error: { message, code: -32600, data } });
}

describe("errorMessageJa", () => {
  it("shows the server's Japanese message for a domain error", () => {
    const error = serverError("ユーザー名またはパスワードが正しくありません。", {
      code: "UNAUTHORIZED",
      httpStatus: 401,
      domainCode: "INVALID_CREDENTIALS",
    });
    expect(errorMessageJa(error)).toBe("ユーザー名またはパスワードが正しくありません。");
    expect(domainErrorCode(error)).toBe("INVALID_CREDENTIALS");
  });

  it("replaces an English message by the Japanese one for its tRPC code", () => {
    expect(errorMessageJa(serverError("FORBIDDEN", { code: "FORBIDDEN", httpStatus: 403 }))).toBe(
      ERROR_MESSAGES.forbidden,
    );
    expect(
      errorMessageJa(serverError("Too many", { code: "TOO_MANY_REQUESTS", httpStatus: 429 })),
    ).toBe(ERROR_MESSAGES.tooManyRequests);
  });

  it("falls back to a general message for an unknown English error", () => {
    expect(
      errorMessageJa(
        serverError("relation does not exist", { code: "INTERNAL_SERVER_ERROR", httpStatus: 500 }),
      ),
    ).toBe(ERROR_MESSAGES.unexpected);
  });

  it("adds the inquiry number of an unexpected server error", () => {
    const error = serverError("サーバーでエラーが発生しました。", {
      code: "INTERNAL_SERVER_ERROR",
      httpStatus: 500,
      requestId: "3f2a",
    });
    expect(errorMessageJa(error)).toBe("サーバーでエラーが発生しました。（問い合わせ番号: 3f2a）");
  });

  it("calls a failed fetch a communication error", () => {
    const offline = TRPCClientError.from(new TypeError("Failed to fetch"));
    expect(isNetworkError(offline)).toBe(true);
    expect(errorMessageJa(offline)).toBe(
      "通信エラーが発生しました。接続を確認して再度お試しください。",
    );
    expect(errorMessageJa(new TypeError("NetworkError when attempting to fetch resource."))).toBe(
      ERROR_MESSAGES.network,
    );
  });

  it("tells a server failing from a connection failing, and from being offline", () => {
    const proxyError = TRPCClientError.from(new ServerStatusError(500));
    // Still no answer from the API (so retried like one), but worded as the server's failure.
    expect(isNetworkError(proxyError)).toBe(true);
    expect(errorMessageJa(proxyError)).toBe(`${ERROR_MESSAGES.server}（サーバーの応答：500）`);
    expect(errorMessageJa(proxyError)).not.toContain("接続を確認");
    expect(errorMessageJa(TRPCClientError.from(new ServerStatusError(503)))).toBe(
      `${ERROR_MESSAGES.unavailable}（サーバーの応答：503）`,
    );

    const failedFetch = TRPCClientError.from(new TypeError("Failed to fetch"));
    const onLine = vi.spyOn(window.navigator, "onLine", "get");
    try {
      onLine.mockReturnValue(false);
      expect(errorMessageJa(failedFetch)).toBe(ERROR_MESSAGES.offline);
      onLine.mockReturnValue(true);
      expect(errorMessageJa(failedFetch)).toBe(ERROR_MESSAGES.network);
    } finally {
      onLine.mockRestore();
    }
  });

  it("never shows a non-tRPC exception's text", () => {
    expect(errorMessageJa(new Error("Cannot read properties of undefined"))).toBe(
      ERROR_MESSAGES.unexpected,
    );
  });
});

describe("error details", () => {
  it("recognises a lost session", () => {
    expect(isUnauthorized(serverError("x", { code: "UNAUTHORIZED", httpStatus: 401 }))).toBe(true);
    expect(isUnauthorized(serverError("x", { code: "FORBIDDEN", httpStatus: 403 }))).toBe(false);
    expect(isUnauthorized(new Error("UNAUTHORIZED"))).toBe(false);
  });

  it("passes on per-field messages", () => {
    const error = serverError("このパスワードは使用できません。", {
      code: "BAD_REQUEST",
      httpStatus: 400,
      domainCode: "PASSWORD_POLICY",
      fieldErrors: { password: ["よく使われるパスワードは使用できません"] },
    });
    expect(fieldErrorsOf(error)).toEqual({ password: ["よく使われるパスワードは使用できません"] });
    expect(fieldErrorsOf(new Error("x"))).toEqual({});
  });
});
