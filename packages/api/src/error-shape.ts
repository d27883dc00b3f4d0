import { type TRPC_ERROR_CODE_KEY, type TRPC_ERROR_CODE_NUMBER, TRPCError } from "@trpc/server";
import { getHTTPStatusCodeFromError } from "@trpc/server/http";
import { TRPC_ERROR_CODES_BY_KEY } from "@trpc/server/rpc";
import { DOMAIN_ERRORS, DomainError, type DomainErrorCode, isDomainError } from "./errors";

export const INTERNAL_ERROR_MESSAGE =
  "サーバーでエラーが発生しました。時間をおいて再度お試しください。";

const INVALID_INPUT_MESSAGE = DOMAIN_ERRORS.INVALID_INPUT.messageJa;

const MALFORMED_REQUEST_MESSAGE = "リクエストの形式が正しくありません。";

/**
 * What the client sees for errors no handler described itself (tRPC's own are
 * English). A BAD_REQUEST that reaches this table carries no validation issues:
 * tRPC raised it for a malformed request (broken JSON, oversized batch).
 */
const MESSAGE_BY_TRPC_CODE: Record<TRPC_ERROR_CODE_KEY, string> = {
  PARSE_ERROR: MALFORMED_REQUEST_MESSAGE,
  BAD_REQUEST: MALFORMED_REQUEST_MESSAGE,
  UNPROCESSABLE_CONTENT: INVALID_INPUT_MESSAGE,
  UNAUTHORIZED: DOMAIN_ERRORS.UNAUTHENTICATED.messageJa,
  PAYMENT_REQUIRED: INTERNAL_ERROR_MESSAGE,
  FORBIDDEN: DOMAIN_ERRORS.FORBIDDEN.messageJa,
  NOT_FOUND: "お探しの機能またはデータが見つかりません。",
  METHOD_NOT_SUPPORTED: "この方法では操作を実行できません。",
  TIMEOUT: "処理が時間内に終わりませんでした。時間をおいて再度お試しください。",
  CONFLICT: DOMAIN_ERRORS.CONFLICT.messageJa,
  PRECONDITION_FAILED: DOMAIN_ERRORS.INVALID_STATE.messageJa,
  PRECONDITION_REQUIRED: DOMAIN_ERRORS.INVALID_STATE.messageJa,
  PAYLOAD_TOO_LARGE: "送信されたデータが大きすぎます。",
  UNSUPPORTED_MEDIA_TYPE: MALFORMED_REQUEST_MESSAGE,
  TOO_MANY_REQUESTS: DOMAIN_ERRORS.RATE_LIMITED.messageJa,
  CLIENT_CLOSED_REQUEST: "リクエストが中断されました。",
  INTERNAL_SERVER_ERROR: INTERNAL_ERROR_MESSAGE,
  NOT_IMPLEMENTED: INTERNAL_ERROR_MESSAGE,
  BAD_GATEWAY: INTERNAL_ERROR_MESSAGE,
  SERVICE_UNAVAILABLE: "ただいまサービスを利用できません。時間をおいて再度お試しください。",
  GATEWAY_TIMEOUT: INTERNAL_ERROR_MESSAGE,
};

export interface SafeErrorData {
  code: TRPC_ERROR_CODE_KEY;
  httpStatus: number;
  domainCode?: DomainErrorCode;
  fieldErrors?: Record<string, string[]>;
  /** Only on unexpected errors: lets support find the logged details. */
  requestId?: string;
}

export interface SafeErrorShape {
  message: string;
  code: TRPC_ERROR_CODE_NUMBER;
  data: SafeErrorData;
}

interface Issue {
  message: string;
  path: ReadonlyArray<PropertyKey | { key: PropertyKey }>;
}

/** zod (and any Standard Schema) validation failures carry `issues`. */
function validationIssues(cause: unknown): Issue[] | null {
  if (typeof cause !== "object" || cause === null || !("issues" in cause)) return null;
  const issues = (cause as { issues: unknown }).issues;
  if (!Array.isArray(issues)) return null;
  return issues.filter(
    (issue): issue is Issue =>
      typeof issue === "object" &&
      issue !== null &&
      typeof (issue as Issue).message === "string" &&
      Array.isArray((issue as Issue).path),
  );
}

function pathKey(path: Issue["path"]): string {
  return path
    .map((segment) => String(typeof segment === "object" ? segment.key : segment))
    .join(".");
}

function groupIssues(issues: Issue[]): { fieldErrors: Record<string, string[]>; root: string[] } {
  const fieldErrors: Record<string, string[]> = {};
  const root: string[] = [];
  for (const issue of issues) {
    const key = pathKey(issue.path);
    let bucket = root;
    if (key !== "") {
      bucket = fieldErrors[key] ?? [];
      fieldErrors[key] = bucket;
    }
    if (!bucket.includes(issue.message)) bucket.push(issue.message);
  }
  return { fieldErrors, root };
}

function shapeFor(code: TRPC_ERROR_CODE_KEY, message: string): SafeErrorShape {
  return {
    message,
    code: TRPC_ERROR_CODES_BY_KEY[code],
    data: { code, httpStatus: getHTTPStatusCodeFromError(new TRPCError({ code })) },
  };
}

/**
 * Builds the only error shape that ever leaves the server: a Japanese message,
 * the codes, and field messages. Built from scratch (not from tRPC's default
 * shape) so no stack, SQL text or library message can slip through, whatever
 * NODE_ENV says.
 */
export function formatError(error: TRPCError, requestId?: string): SafeErrorShape {
  const cause = error.cause;
  if (isDomainError(cause)) {
    const trpcCode = cause.trpcCode;
    const shape = shapeFor(trpcCode, cause.messageJa);
    shape.data.domainCode = cause.code;
    if (cause.fieldErrors) shape.data.fieldErrors = cause.fieldErrors;
    return shape;
  }
  if (error.code === "BAD_REQUEST") {
    const issues = validationIssues(cause);
    if (issues) {
      const { fieldErrors, root } = groupIssues(issues);
      const shape = shapeFor("BAD_REQUEST", root[0] ?? INVALID_INPUT_MESSAGE);
      shape.data.domainCode = "INVALID_INPUT";
      if (Object.keys(fieldErrors).length > 0) shape.data.fieldErrors = fieldErrors;
      return shape;
    }
  }
  const shape = shapeFor(error.code, MESSAGE_BY_TRPC_CODE[error.code]);
  if (isUnexpected(error) && requestId !== undefined) shape.data.requestId = requestId;
  return shape;
}

/** The shape of a DomainError raised outside any procedure (e.g. by the HTTP layer). */
export function domainErrorShape(code: DomainErrorCode): SafeErrorShape {
  const cause = new DomainError(code);
  return formatError(new TRPCError({ code: cause.trpcCode, message: cause.messageJa, cause }));
}

const TRPC_CODE_BY_STATUS = new Map<number, TRPC_ERROR_CODE_KEY>();
for (const key of Object.keys(TRPC_ERROR_CODES_BY_KEY) as TRPC_ERROR_CODE_KEY[]) {
  const status = getHTTPStatusCodeFromError(new TRPCError({ code: key }));
  if (!TRPC_CODE_BY_STATUS.has(status)) TRPC_CODE_BY_STATUS.set(status, key);
}

/**
 * The same shape for an answer the HTTP server gives before tRPC runs (URL or
 * headers too long, unreadable request), so the apps' client reads it like any
 * other error. Statuses tRPC has no code for (414, 431) keep their status and
 * take the nearest code.
 */
export function httpErrorShape(httpStatus: number, message: string): SafeErrorShape {
  const code =
    TRPC_CODE_BY_STATUS.get(httpStatus) ??
    (httpStatus >= 500 ? "INTERNAL_SERVER_ERROR" : "BAD_REQUEST");
  return { message, code: TRPC_ERROR_CODES_BY_KEY[code], data: { code, httpStatus } };
}

/** An error no code path anticipated: it must be logged with its details. */
export function isUnexpected(error: TRPCError): boolean {
  if (isDomainError(error.cause)) return false;
  return getHTTPStatusCodeFromError(error) >= 500;
}
