import { AUTH_MESSAGES, DOMAIN_ERROR_MESSAGES } from "@sos/domain";
import { TRPCClientError } from "@trpc/client";

export const ERROR_MESSAGES = {
  network: "通信エラーが発生しました。接続を確認して再度お試しください。",
  offline:
    "インターネットに接続されていません。接続が戻ってから再度お試しください。入力した内容はこの画面に残っています。",
  server:
    "サーバーでエラーが発生しました。お使いの端末や接続の問題ではありません。しばらく時間をおいてから再度お試しください。",
  unexpected: "システムエラーが発生しました。しばらく時間をおいてから再度お試しください。",
  forbidden: DOMAIN_ERROR_MESSAGES.FORBIDDEN,
  notFound: "対象のデータが見つかりません。",
  badRequest: "入力内容に誤りがあります。内容を確認してください。",
  conflict: "ほかの操作と競合しました。画面を再読み込みしてから再度お試しください。",
  tooManyRequests: "アクセスが集中しています。しばらく時間をおいてから再度お試しください。",
  timeout: "処理に時間がかかっています。しばらく時間をおいてから再度お試しください。",
  unavailable: "ただいまサービスを利用できません。しばらく時間をおいてから再度お試しください。",
} as const;

/** The `data` our API's error formatter attaches (packages/api/src/error-shape.ts). */
interface ErrorData {
  code?: string;
  httpStatus?: number;
  domainCode?: string;
  fieldErrors?: Record<string, string[]>;
  requestId?: string;
}

// Messages written for users contain kana or kanji; tRPC's own defaults are English.
const JAPANESE = /[\u3040-\u30ff\u3400-\u9fff\uff00-\uffef]/;

const MESSAGE_BY_TRPC_CODE: Readonly<Record<string, string>> = {
  UNAUTHORIZED: AUTH_MESSAGES.sessionExpired,
  FORBIDDEN: ERROR_MESSAGES.forbidden,
  NOT_FOUND: ERROR_MESSAGES.notFound,
  BAD_REQUEST: ERROR_MESSAGES.badRequest,
  PARSE_ERROR: ERROR_MESSAGES.badRequest,
  UNPROCESSABLE_CONTENT: ERROR_MESSAGES.badRequest,
  CONFLICT: ERROR_MESSAGES.conflict,
  PRECONDITION_FAILED: ERROR_MESSAGES.conflict,
  TOO_MANY_REQUESTS: ERROR_MESSAGES.tooManyRequests,
  TIMEOUT: ERROR_MESSAGES.timeout,
  SERVICE_UNAVAILABLE: ERROR_MESSAGES.unavailable,
  BAD_GATEWAY: ERROR_MESSAGES.unavailable,
  GATEWAY_TIMEOUT: ERROR_MESSAGES.unavailable,
};

/**
 * A response that was not the API's (a proxy's or load balancer's HTML page) with a
 * 5xx status: the server side failed, the user's connection did not. Thrown by the
 * client's fetch (trpc.ts) so the message can tell the two apart.
 */
export class ServerStatusError extends Error {
  readonly status: number;
  constructor(status: number) {
    super(`HTTP ${status}`);
    this.name = "ServerStatusError";
    this.status = status;
  }
}

function serverStatusOf(error: unknown): number | undefined {
  const cause = error instanceof TRPCClientError ? error.cause : error;
  return cause instanceof ServerStatusError ? cause.status : undefined;
}

/** The browser says it has no connection at all (airplane mode, Wi-Fi gone). */
function browserOffline(): boolean {
  return typeof navigator !== "undefined" && navigator.onLine === false;
}

function errorData(error: TRPCClientError<never>): ErrorData | undefined {
  const data: unknown = error.data;
  return typeof data === "object" && data !== null ? (data as ErrorData) : undefined;
}

/**
 * A request that never produced a tRPC response: fetch rejected (offline, DNS, reset)
 * or something in between answered with a non-tRPC body (a proxy's 502 page).
 */
export function isNetworkError(error: unknown): boolean {
  // A proxy's 5xx page counts here too (retried as before); only its message differs.
  if (serverStatusOf(error) !== undefined) return true;
  if (error instanceof TRPCClientError) return errorData(error) === undefined;
  return error instanceof TypeError;
}

/** No API answer: offline, the server side failing (5xx), or a connection that broke. */
function unansweredMessage(error: unknown): string {
  const status = serverStatusOf(error);
  if (status !== undefined) {
    return status === 502 || status === 503 || status === 504
      ? `${ERROR_MESSAGES.unavailable}（サーバーの応答：${status}）`
      : `${ERROR_MESSAGES.server}（サーバーの応答：${status}）`;
  }
  return browserOffline() ? ERROR_MESSAGES.offline : ERROR_MESSAGES.network;
}

export function trpcErrorCode(error: unknown): string | undefined {
  return error instanceof TRPCClientError ? errorData(error)?.code : undefined;
}

export function isUnauthorized(error: unknown): boolean {
  return trpcErrorCode(error) === "UNAUTHORIZED";
}

/** What to tell the user about a failed query or mutation, always in Japanese. */
export function errorMessageJa(error: unknown): string {
  if (!(error instanceof TRPCClientError)) {
    return isNetworkError(error) ? unansweredMessage(error) : ERROR_MESSAGES.unexpected;
  }
  const data = errorData(error);
  if (data === undefined) return unansweredMessage(error);
  // The server words every error in Japanese (domain errors precisely so); the table is
  // only for a response that did not come through our error formatter.
  const message = JAPANESE.test(error.message)
    ? error.message
    : ((data.code === undefined ? undefined : MESSAGE_BY_TRPC_CODE[data.code]) ??
      ERROR_MESSAGES.unexpected);
  // Quoted by a user to the help desk, it finds the server's log entry.
  return data.requestId ? `${message}（問い合わせ番号: ${data.requestId}）` : message;
}

/** Per-field messages (keys are zod paths such as "password"), when the server gave any. */
export function fieldErrorsOf(error: unknown): Readonly<Record<string, readonly string[]>> {
  if (!(error instanceof TRPCClientError)) return {};
  return errorData(error)?.fieldErrors ?? {};
}

export function domainErrorCode(error: unknown): string | undefined {
  return error instanceof TRPCClientError ? errorData(error)?.domainCode : undefined;
}
