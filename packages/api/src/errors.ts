import { MAX_CALLS_PER_REQUEST } from "@sos/domain";
import type { TRPC_ERROR_CODE_KEY } from "@trpc/server";

interface DomainErrorSpec {
  trpc: TRPC_ERROR_CODE_KEY;
  messageJa: string;
}

/**
 * Every failure a handler reports on purpose. The client reads the code from
 * `error.data.domainCode` to choose its wording or its next step; the message is
 * a safe Japanese default it may show as is. Later routers add their codes here.
 */
export const DOMAIN_ERRORS = {
  UNAUTHENTICATED: {
    trpc: "UNAUTHORIZED",
    messageJa:
      "ログインしていないか、ログインの有効期限が切れました。もう一度ログインしてください。",
  },
  INVALID_CREDENTIALS: {
    trpc: "UNAUTHORIZED",
    messageJa: "ユーザー名またはパスワードが正しくありません。",
  },
  SIGN_IN_THROTTLED: {
    trpc: "TOO_MANY_REQUESTS",
    messageJa: "ログイン試行が多すぎます。しばらく時間をおいてから再度お試しください。",
  },
  FORBIDDEN: {
    trpc: "FORBIDDEN",
    messageJa: "この操作を行う権限がありません。",
  },
  CROSS_ORIGIN: {
    trpc: "FORBIDDEN",
    messageJa:
      "別のサイトからの送信のため、処理を中止しました。このサービスの画面から操作してください。",
  },
  NOT_FOUND: {
    trpc: "NOT_FOUND",
    messageJa: "対象のデータが見つかりません。削除されたか、閲覧する権限がありません。",
  },
  CONFLICT: {
    trpc: "CONFLICT",
    messageJa: "他の操作と競合しました。画面を再読み込みしてから再度お試しください。",
  },
  STALE_VERSION: {
    trpc: "CONFLICT",
    messageJa:
      "このデータは他の担当者によって更新されています。画面を再読み込みして最新の内容を確認してください。",
  },
  INVALID_INPUT: {
    trpc: "BAD_REQUEST",
    messageJa: "入力内容に誤りがあります。各項目を確認してください。",
  },
  BATCH_TOO_LARGE: {
    trpc: "BAD_REQUEST",
    messageJa: `一度に送信できる操作は${MAX_CALLS_PER_REQUEST}件までです。画面を再読み込みしてから、もう一度お試しください。`,
  },
  INVALID_STATE: {
    trpc: "PRECONDITION_FAILED",
    messageJa: "現在の状態ではこの操作を行えません。画面を再読み込みしてください。",
  },
  DEADLINE_PASSED: {
    trpc: "PRECONDITION_FAILED",
    messageJa: "受付期限を過ぎているため、この操作は行えません。",
  },
  RESET_TOKEN_INVALID: {
    trpc: "BAD_REQUEST",
    messageJa:
      "パスワード再設定用のリンクが無効か、有効期限が切れています。もう一度パスワード再設定を申請してください。",
  },
  PASSWORD_POLICY: {
    trpc: "BAD_REQUEST",
    messageJa: "このパスワードは使用できません。別のパスワードを入力してください。",
  },
  SHIFT_JIS_UNREPRESENTABLE: {
    trpc: "PRECONDITION_FAILED",
    messageJa:
      "Shift_JIS（CP932）で表せない文字が含まれています。該当箇所を確認し、置き換えを了承する場合は「〓」に置き換えて出力してください。UTF-8 形式なら置き換えずに出力できます。",
  },
  NOTHING_TO_ISSUE: {
    trpc: "PRECONDITION_FAILED",
    messageJa: "販売業者にまだ引き渡していない受付完了の要請はありません。",
  },
  RATE_LIMITED: {
    trpc: "TOO_MANY_REQUESTS",
    messageJa: "短時間に操作が集中しています。しばらく時間をおいてから再度お試しください。",
  },
  REGISTRATION_DUPLICATE: {
    trpc: "CONFLICT",
    messageJa:
      "この医療機関コードは既に登録されています。登録内容の変更は販売業者にお問い合わせください。",
  },
  PURCHASE_LINK_INVALID: {
    trpc: "NOT_FOUND",
    messageJa:
      "このリンクは無効です。有効期限が切れたか、新しいリンクの発行により無効になった可能性があります。最新のご案内メールに記載されたURLをお使いいただくか、販売業者にお問い合わせください。",
  },
  ALREADY_PURCHASED: {
    trpc: "CONFLICT",
    messageJa:
      "この購入リンクでは既に購入手続きが完了しています（購入は1回限りです）。ご注文の内容はこのページで確認できます。",
  },
  OUT_OF_STOCK: {
    trpc: "CONFLICT",
    messageJa: "在庫が不足しています。セット数を減らすか、別のサイズをお選びください。",
  },
  READ_ONLY_MODE: {
    trpc: "SERVICE_UNAVAILABLE",
    messageJa:
      "現在メンテナンスのため、閲覧のみ可能です。登録・変更・送信はできません。メンテナンスの終了後に、もう一度お試しください。",
  },
  OVERLOADED: {
    trpc: "SERVICE_UNAVAILABLE",
    messageJa: "混雑しています。しばらくしてから再度お試しください。",
  },
  IDEMPOTENCY_KEY_REUSED: {
    trpc: "CONFLICT",
    messageJa:
      "この送信は、別の内容の送信として既に受け付けられています。画面を再読み込みして内容を確認してから、もう一度保存してください。",
  },
  CSV_UNREADABLE: {
    trpc: "BAD_REQUEST",
    messageJa:
      "CSVファイルを読み取れませんでした。UTF-8 または Shift_JIS の CSV 形式で、1行目に見出しがあるか確認してください。",
  },
} as const satisfies Record<string, DomainErrorSpec>;

export type DomainErrorCode = keyof typeof DOMAIN_ERRORS;

export interface DomainErrorOptions {
  /** Replaces the default message; must be Japanese and safe to show to anyone. */
  messageJa?: string;
  /** Per-field messages for forms, keyed like zod paths ("password", "lines.0.sets"). */
  fieldErrors?: Record<string, string[]>;
  /** Sent as the HTTP Retry-After header: when a refused request may be tried again. */
  retryAfterSeconds?: number;
  cause?: unknown;
}

/** A failure the user can understand and act on; never carries internals to the client. */
export class DomainError extends Error {
  readonly code: DomainErrorCode;
  readonly messageJa: string;
  readonly fieldErrors: Record<string, string[]> | undefined;
  readonly retryAfterSeconds: number | undefined;

  constructor(code: DomainErrorCode, options: DomainErrorOptions = {}) {
    const messageJa = options.messageJa ?? DOMAIN_ERRORS[code].messageJa;
    super(messageJa, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = "DomainError";
    this.code = code;
    this.messageJa = messageJa;
    this.fieldErrors = options.fieldErrors;
    this.retryAfterSeconds = options.retryAfterSeconds;
  }

  get trpcCode(): TRPC_ERROR_CODE_KEY {
    return DOMAIN_ERRORS[this.code].trpc;
  }
}

export function isDomainError(value: unknown): value is DomainError {
  return value instanceof DomainError;
}
