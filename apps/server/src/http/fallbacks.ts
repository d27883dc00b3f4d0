import { INTERNAL_ERROR_MESSAGE } from "@sos/api";
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { html, page } from "./html";

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
  431: "リクエストの形式が正しくありません。",
  503: "ただいまサービスを利用できません。時間をおいて再度お試しください。",
};

function wantsHtml(request: FastifyRequest): boolean {
  if (request.url.startsWith("/trpc")) return false;
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
  return reply.type("application/json; charset=utf-8").send({
    error: {
      message,
      data: { httpStatus: status, ...(requestId === undefined ? {} : { requestId }) },
    },
  });
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
