import { STATUS_CODES } from "node:http";
import type { Socket } from "node:net";
import { httpErrorShape, INTERNAL_ERROR_MESSAGE } from "@sos/api";
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { html, page } from "./html";
import { securityHeaders } from "./security-headers";
import { TRPC_PREFIX } from "./trpc";

export const NOT_FOUND_MESSAGE = "お探しのページが見つかりません。URL をご確認ください。";

/** Fastify's own messages are English and may echo input: the client gets these instead. */
const MESSAGE_BY_STATUS: Record<number, string> = {
  400: "リクエストの形式が正しくありません。",
  401: "ログインしてください。",
  403: "この操作を行う権限がありません。",
  404: NOT_FOUND_MESSAGE,
  405: "この方法では操作を実行できません。",
  406: "リクエストの形式が正しくありません。",
  408: "リクエストが時間内に届きませんでした。再度お試しください。",
  413: "送信されたデータが大きすぎます。",
  414: "URL が長すぎます。",
  415: "リクエストの形式が正しくありません。",
  429: "短時間に操作が集中しています。しばらく時間をおいてから再度お試しください。",
  431: "送信されたヘッダー（Cookie など）が大きすぎます。ブラウザの Cookie を削除してから再度お試しください。",
  503: "ただいまサービスを利用できません。時間をおいて再度お試しください。",
};

function isApiRequest(request: FastifyRequest): boolean {
  return request.url.startsWith(TRPC_PREFIX);
}

function wantsHtml(request: FastifyRequest): boolean {
  if (isApiRequest(request)) return false;
  return (request.headers.accept ?? "").includes("text/html");
}

/** One error answer for the whole server: Japanese, no internals, HTML for browsers. */
export function sendSafeError(
  request: FastifyRequest,
  reply: FastifyReply,
  status: number,
  message: string,
  requestId?: string,
): FastifyReply {
  reply.code(status).header("cache-control", "no-store");
  if (wantsHtml(request)) {
    const body = html`<h1>${message}</h1>
${requestId === undefined ? null : html`<p class="muted">お問い合わせの際は次の番号をお伝えください: <code>${requestId}</code></p>`}
<p><a href="/">トップページへ戻る</a></p>`;
    return reply.type("text/html; charset=utf-8").send(page({ title: message, body }));
  }
  // The apps' tRPC client reads only errors in tRPC's shape; other clients read message and data.
  const error = isApiRequest(request)
    ? httpErrorShape(status, message)
    : { message, data: { httpStatus: status } };
  if (requestId !== undefined) Object.assign(error.data, { requestId });
  return reply.type("application/json; charset=utf-8").send({ error });
}

export function registerFallbacks(app: FastifyInstance): void {
  app.setNotFoundHandler((request, reply) => sendSafeError(request, reply, 404, NOT_FOUND_MESSAGE));
  app.setErrorHandler((error: FastifyError, request, reply) => {
    const status =
      typeof error.statusCode === "number" && error.statusCode >= 400 && error.statusCode < 600
        ? error.statusCode
        : 500;
    if (status >= 500) {
      request.log.error({ err: error }, "unhandled error");
      return sendSafeError(
        request,
        reply,
        status,
        MESSAGE_BY_STATUS[status] ?? INTERNAL_ERROR_MESSAGE,
        request.id,
      );
    }
    request.log.info({ status, code: error.code }, "client error");
    return sendSafeError(
      request,
      reply,
      status,
      MESSAGE_BY_STATUS[status] ?? MESSAGE_BY_STATUS[400] ?? "",
    );
  });
}

/**
 * Fastify's own answers to a URL it cannot route (a path segment past
 * maxParamLength, broken percent-encoding) echo the whole path and name Fastify's
 * error code. These run before any hook, so the security headers are set here.
 */
export function frameworkErrorHandler(options: { https: boolean }) {
  const headers = securityHeaders(options);
  return (error: FastifyError, request: FastifyRequest, reply: FastifyReply) => {
    reply.headers(headers).header("x-request-id", request.id);
    const status = error.code === "FST_ERR_MAX_PARAM_LENGTH" ? 414 : 400;
    request.log.info({ status, code: error.code }, "unroutable URL");
    return sendSafeError(request, reply, status, MESSAGE_BY_STATUS[status] ?? "");
  };
}

/** What Node's HTTP parser could not read at all; the request line may be gone, so no echo. */
function clientErrorStatus(error: NodeJS.ErrnoException): number {
  if (error.code === "HPE_HEADER_OVERFLOW") return 431;
  if (error.code === "ERR_HTTP_REQUEST_TIMEOUT") return 408;
  return 400;
}

/**
 * Replaces Fastify's default clientError answer (English, outside the product's
 * shape). Headers past the server's maxHeaderSize, a URL longer than that, or
 * bytes that are not HTTP end here, before Fastify sees a request, so the
 * security headers every other answer gets are written here too.
 */
export function clientErrorHandler(options: { https: boolean }) {
  const headers = Object.entries(securityHeaders(options)).map(
    ([name, value]) => `${name}: ${value}`,
  );
  return (error: NodeJS.ErrnoException, socket: Socket): void => {
    if (error.code === "ECONNRESET" || socket.destroyed) return;
    const status = clientErrorStatus(error);
    const body = JSON.stringify({
      error: httpErrorShape(status, MESSAGE_BY_STATUS[status] ?? MESSAGE_BY_STATUS[400] ?? ""),
    });
    if (socket.writable) {
      socket.write(
        [
          `HTTP/1.1 ${status} ${STATUS_CODES[status] ?? ""}`,
          "content-type: application/json; charset=utf-8",
          `content-length: ${Buffer.byteLength(body)}`,
          "cache-control: no-store",
          ...headers,
          "connection: close",
          "",
          body,
        ].join("\r\n"),
      );
    }
    socket.destroy();
  };
}
