import { dirname, isAbsolute, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { PAYMENT_METHOD_LABELS, PAYMENT_METHODS, type PaymentMethod } from "@sos/domain";
import { tokyoTime } from "@sos/rules";
import { z } from "zod";

/** The repository root (apps/server/src → ../../..), where .data/ and apps/*\/dist live. */
export const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "..", "..", "..");

const flag = <T extends boolean | null>(fallback: T) =>
  z
    .enum(["1", "0", "true", "false", "yes", "no", "on", "off", ""], {
      error: "true / false (1 / 0) のいずれかを指定してください",
    })
    .optional()
    .transform((value): boolean | T =>
      value === undefined || value === "" ? fallback : ["1", "true", "yes", "on"].includes(value),
    );

const port = (fallback: number) =>
  z.coerce
    .number({ error: "ポート番号は数値で指定してください" })
    .int({ error: "ポート番号は整数で指定してください" })
    .min(0)
    .max(65535, { error: "ポート番号は 0〜65535 で指定してください" })
    .default(fallback);

const optionalText = z
  .string()
  .trim()
  .optional()
  .transform((value) => (value === undefined || value === "" ? null : value));

const postgresUrl = optionalText.pipe(
  z
    .string()
    .regex(/^postgres(ql)?:\/\//, { error: "postgres:// で始まる接続文字列を指定してください" })
    .nullable(),
);

/** "2": that many server processes; unset, "" or "auto": chosen from the cores (see process-count.ts). */
const processCount = z
  .string()
  .trim()
  .optional()
  .transform((value, ctx): number | null => {
    if (value === undefined || value === "" || value === "auto") return null;
    const n = /^[0-9]+$/.test(value) ? Number(value) : Number.NaN;
    if (!Number.isSafeInteger(n) || n < 1 || n > 64) {
      ctx.addIssue({ code: "custom", message: "1〜64 の整数、または auto を指定してください" });
      return z.NEVER;
    }
    return n;
  });

const emailAddress = z.email({ error: "メールアドレスの形式が正しくありません" });

const httpUrl = z
  .url({ protocol: /^https?$/, error: "http:// または https:// で始まる URL を指定してください" })
  .transform((value) => value.replace(/\/+$/, ""));

/** "invoice,bank_transfer": the storefront's payment methods in display order. */
const paymentMethods = z
  .string()
  .trim()
  .optional()
  .transform((value, ctx): PaymentMethod[] => {
    if (value === undefined || value === "") return [...PAYMENT_METHODS];
    const methods = [...new Set(value.split(",").map((part) => part.trim()))].filter(
      (m) => m !== "",
    );
    const unknown = methods.filter((m) => !(PAYMENT_METHODS as readonly string[]).includes(m));
    if (unknown.length > 0 || methods.length === 0) {
      ctx.addIssue({
        code: "custom",
        message: `${PAYMENT_METHODS.map((m) => `${m}（${PAYMENT_METHOD_LABELS.ja[m]}）`).join("、")} をカンマ区切りで指定してください`,
      });
      return z.NEVER;
    }
    return methods as PaymentMethod[];
  });

/**
 * The end of sale for purchase links: "2026-12-25" means until 23:59:59 that
 * day in Tokyo; a full ISO 8601 instant with an offset is taken as it is.
 */
const endOfSale = z
  .string()
  .trim()
  .optional()
  .transform((value, ctx): Date | null => {
    if (value === undefined || value === "") return null;
    const date = /^\d{4}-\d{2}-\d{2}$/.test(value)
      ? new Date(tokyoTime(value, 23, 59).getTime() + 59_999)
      : /^\d{4}-\d{2}-\d{2}T.+(Z|[+-]\d{2}:\d{2})$/.test(value)
        ? new Date(value)
        : null;
    if (date === null || Number.isNaN(date.getTime())) {
      ctx.addIssue({
        code: "custom",
        message:
          "YYYY-MM-DD（その日の23:59まで）または 2026-12-25T17:00:00+09:00 の形式で指定してください",
      });
      return z.NEVER;
    }
    return date;
  });

const EnvSchema = z.object({
  PORT: port(3000),
  HOST: z.string().trim().min(1).default("127.0.0.1"),
  DATABASE_URL: postgresUrl,
  DATABASE_WORKER_URL: postgresUrl,
  DATABASE_READ_URL: postgresUrl,
  DATABASE_PREPARED_STATEMENTS: flag(null),
  SERVER_PROCESSES: processCount,
  DATA_DIR: optionalText,
  EMBEDDED_PG_PORT: port(54329),
  PUBLIC_BASE_URL: optionalText.pipe(httpUrl.nullable()),
  SMTP_URL: optionalText.pipe(
    z
      .string()
      .regex(/^smtps?:\/\//, { error: "smtp:// または smtps:// で始まる URL を指定してください" })
      .nullable(),
  ),
  MAIL_FROM: emailAddress.default("noreply@sos-supply.example"),
  VENDOR_MAIL_FROM: emailAddress.default("shop@vendor.sos-supply.example"),
  MAIL_INBOX_SMTP_PORT: port(1025),
  ALLOW_DEV_INBOX_ON_HTTPS: flag(false),
  DEMO_DATA: flag(null),
  SESSION_SECURE: z.enum(["1", "0", "true", "false", ""]).optional(),
  WORKER: flag(true),
  WORKER_CONCURRENCY: z.coerce.number().int().min(1).max(50).default(4),
  ANSWER_CONCURRENCY: z.coerce.number().int().min(1).max(100).default(8),
  ANSWER_QUEUE_LIMIT: z.coerce.number().int().min(0).max(100_000).default(2000),
  TRUST_PROXY: optionalText,
  LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
  PAYMENT_METHODS: paymentMethods,
  PURCHASE_LINK_EXPIRES_AT: endOfSale,
  PURCHASE_LINK_TTL_DAYS: z.coerce
    .number({ error: "日数は数値で指定してください" })
    .int({ error: "日数は整数で指定してください" })
    .min(1, { error: "日数は1以上で指定してください" })
    .max(365, { error: "日数は365以下で指定してください" })
    .default(14),
  // The ministry's bulk invitation: invitations per batch, and seconds between batches.
  INVITATION_BATCH_SIZE: z.coerce.number().int().min(1).max(5000).default(500),
  INVITATION_PACE_SECONDS: z.coerce.number().int().min(0).max(3600).default(60),
});

export interface ServerConfig {
  port: number;
  host: string;
  /** null: start the embedded PostgreSQL under dataDir/postgres. */
  databaseUrl: string | null;
  /**
   * A direct connection (never through PgBouncer in transaction mode) for the job
   * worker's LISTEN, its liveness session and migrations; null: databaseUrl.
   */
  databaseWorkerUrl: string | null;
  /** A streaming replica for heavy console reads and CSV downloads; null: none. */
  databaseReadUrl: string | null;
  /**
   * The hot statements as named prepared statements (see @sos/db createDb). By
   * default on, off when DATABASE_WORKER_URL says DATABASE_URL goes through
   * PgBouncer in transaction mode (1.18 keeps no prepared statements).
   */
  databasePreparedStatements: boolean;
  /** HTTP server processes on one port; null: chosen from the cores (serverProcessCount). */
  serverProcesses: number | null;
  dataDir: string;
  embeddedPgPort: number;
  /** Without a trailing slash, e.g. "http://localhost:3000". */
  publicBaseUrl: string;
  publicOrigin: string;
  /** null: mail goes to the built-in dev inbox. */
  smtpUrl: string | null;
  mailFrom: string;
  vendorMailFrom: string;
  inboxSmtpPort: number;
  /** ALLOW_DEV_INBOX_ON_HTTPS: the dev inbox behind an https public URL (see startMode). */
  allowDevInboxOnHttps: boolean;
  /** DEMO_DATA: true/false as asked; null leaves it to startMode (only a local demo). */
  demoData: boolean | null;
  sessionSecure: boolean;
  worker: boolean;
  workerConcurrency: number;
  /** Fastify's trustProxy: false, true, a hop count, or trusted addresses/CIDRs. */
  trustProxy: boolean | number | string[];
  logLevel: "fatal" | "error" | "warn" | "info" | "debug" | "trace" | "silent";
  /** Folder holding apps/{institution,review,vendor}/dist. */
  appsDir: string;
  /** The storefront's payment methods, in display order. */
  paymentMethods: PaymentMethod[];
  /** Survey answers one process saves at once, and how many more may wait (503 past that). */
  answerAdmission: { concurrency: number; queueLimit: number };
  /** Purchase links: a fixed end of sale, else valid `ttlDays` days from sending. */
  purchaseLinks: { expiresAt: Date | null; ttlDays: number };
  /** The bulk invitation's batches: size and pace (INVITATION_BATCH_SIZE, INVITATION_PACE_SECONDS). */
  invitations?: { batchSize: number; paceSeconds: number };
}

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`設定（環境変数）に誤りがあります / Invalid configuration:\n${problems.join("\n")}`);
    this.name = "ConfigError";
  }
}

function parseTrustProxy(value: string | null): ServerConfig["trustProxy"] {
  if (value === null || ["0", "false", "no", "off"].includes(value)) return false;
  if (["1", "true", "yes", "on"].includes(value)) return true;
  if (/^[0-9]+$/.test(value)) return Number(value);
  return value
    .split(",")
    .map((part) => part.trim())
    .filter((part) => part !== "");
}

/** The only place that reads process.env: everything else receives a ServerConfig. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): ServerConfig {
  const parsed = EnvSchema.safeParse(env);
  if (!parsed.success) {
    throw new ConfigError(
      parsed.error.issues.map((issue) => `  ${issue.path.join(".")}: ${issue.message}`),
    );
  }
  const e = parsed.data;
  // A second URL beside the embedded PostgreSQL would point at some other database.
  const orphanUrls = (["DATABASE_WORKER_URL", "DATABASE_READ_URL"] as const).filter(
    (name) => e.DATABASE_URL === null && e[name] !== null,
  );
  if (orphanUrls.length > 0) {
    throw new ConfigError(
      orphanUrls.map(
        (name) => `  ${name}: DATABASE_URL（外部の PostgreSQL）と一緒に指定してください`,
      ),
    );
  }
  const publicBaseUrl = e.PUBLIC_BASE_URL ?? `http://localhost:${e.PORT}`;
  const dataDir =
    e.DATA_DIR === null
      ? resolve(REPO_ROOT, ".data")
      : isAbsolute(e.DATA_DIR)
        ? e.DATA_DIR
        : resolve(process.cwd(), e.DATA_DIR);
  const https = publicBaseUrl.startsWith("https://");
  return {
    port: e.PORT,
    host: e.HOST,
    databaseUrl: e.DATABASE_URL,
    databaseWorkerUrl: e.DATABASE_WORKER_URL,
    databaseReadUrl: e.DATABASE_READ_URL,
    databasePreparedStatements: e.DATABASE_PREPARED_STATEMENTS ?? e.DATABASE_WORKER_URL === null,
    serverProcesses: e.SERVER_PROCESSES,
    dataDir,
    embeddedPgPort: e.EMBEDDED_PG_PORT,
    publicBaseUrl,
    publicOrigin: new URL(publicBaseUrl).origin,
    smtpUrl: e.SMTP_URL,
    mailFrom: e.MAIL_FROM,
    vendorMailFrom: e.VENDOR_MAIL_FROM,
    inboxSmtpPort: e.MAIL_INBOX_SMTP_PORT,
    allowDevInboxOnHttps: e.ALLOW_DEV_INBOX_ON_HTTPS,
    demoData: e.DEMO_DATA,
    sessionSecure:
      e.SESSION_SECURE === undefined || e.SESSION_SECURE === ""
        ? https
        : e.SESSION_SECURE === "1" || e.SESSION_SECURE === "true",
    worker: e.WORKER,
    workerConcurrency: e.WORKER_CONCURRENCY,
    trustProxy: parseTrustProxy(e.TRUST_PROXY),
    logLevel: e.LOG_LEVEL,
    appsDir: resolve(REPO_ROOT, "apps"),
    paymentMethods: e.PAYMENT_METHODS,
    purchaseLinks: { expiresAt: e.PURCHASE_LINK_EXPIRES_AT, ttlDays: e.PURCHASE_LINK_TTL_DAYS },
    answerAdmission: { concurrency: e.ANSWER_CONCURRENCY, queueLimit: e.ANSWER_QUEUE_LIMIT },
    invitations: { batchSize: e.INVITATION_BATCH_SIZE, paceSeconds: e.INVITATION_PACE_SECONDS },
  };
}

/** What `pnpm start` runs besides the product itself. */
export interface StartMode {
  /** No SMTP_URL: every mail stays in the built-in inbox, which anyone can read at /inbox. */
  devInbox: boolean;
  /**
   * Seed the demo (accounts whose passwords are in the repository) into an empty
   * database, and list its sign-ins in the banner and on the landing page.
   */
  demoData: boolean;
}

export const DEV_INBOX_ON_HTTPS_MESSAGE = [
  "SMTP_URL: PUBLIC_BASE_URL が https のため公開環境とみなし、起動を中止しました。",
  "メールを送る SMTP サーバーを SMTP_URL（例: smtp://mail.example.jp:587）に設定してください。",
  "未設定のままでは、パスワード再設定や購入用リンクのメールが誰でも読める開発用メール受信箱（/inbox）に入ります。",
  "検証環境であえて開発用受信箱を使う場合に限り ALLOW_DEV_INBOX_ON_HTTPS=1 を指定してください。",
  "(PUBLIC_BASE_URL is https but SMTP_URL is unset: set SMTP_URL, or ALLOW_DEV_INBOX_ON_HTTPS=1 to serve the dev inbox anyway.)",
].join("\n    ");

/**
 * The local demo is what `pnpm start` gives with nothing set: mail caught by the
 * dev inbox, demo data with published passwords. Neither may reach a real
 * deployment by accident: an https public URL without SMTP_URL is refused unless
 * explicitly allowed, and the demo is seeded only on a plain-http local demo or
 * when DEMO_DATA=1 asks for it (DEMO_DATA=0 turns it off anywhere).
 */
export function startMode(
  config: Pick<ServerConfig, "publicBaseUrl" | "smtpUrl" | "allowDevInboxOnHttps" | "demoData">,
): StartMode {
  const https = config.publicBaseUrl.startsWith("https://");
  const devInbox = config.smtpUrl === null;
  if (devInbox && https && !config.allowDevInboxOnHttps) {
    throw new ConfigError([`  ${DEV_INBOX_ON_HTTPS_MESSAGE}`]);
  }
  return { devInbox, demoData: config.demoData ?? (devInbox && !https) };
}
