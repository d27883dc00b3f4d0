import { dirname, isAbsolute, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { z } from "zod";

/** The repository root (apps/server/src → ../../..), where .data/ and apps/*\/dist live. */
export const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "..", "..", "..");

const flag = (fallback: boolean) =>
  z
    .enum(["1", "0", "true", "false", "yes", "no", "on", "off", ""], {
      error: "true / false (1 / 0) のいずれかを指定してください",
    })
    .optional()
    .transform((value) =>
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

const emailAddress = z.email({ error: "メールアドレスの形式が正しくありません" });

const httpUrl = z
  .url({ protocol: /^https?$/, error: "http:// または https:// で始まる URL を指定してください" })
  .transform((value) => value.replace(/\/+$/, ""));

const EnvSchema = z.object({
  PORT: port(3000),
  HOST: z.string().trim().min(1).default("127.0.0.1"),
  DATABASE_URL: optionalText.pipe(
    z
      .string()
      .regex(/^postgres(ql)?:\/\//, { error: "postgres:// で始まる接続文字列を指定してください" })
      .nullable(),
  ),
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
  SESSION_SECURE: z.enum(["1", "0", "true", "false", ""]).optional(),
  WORKER: flag(true),
  WORKER_CONCURRENCY: z.coerce.number().int().min(1).max(50).default(4),
  TRUST_PROXY: optionalText,
  LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
});

export interface ServerConfig {
  port: number;
  host: string;
  /** null: start the embedded PostgreSQL under dataDir/postgres. */
  databaseUrl: string | null;
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
  sessionSecure: boolean;
  worker: boolean;
  workerConcurrency: number;
  /** Fastify's trustProxy: false, true, a hop count, or trusted addresses/CIDRs. */
  trustProxy: boolean | number | string[];
  logLevel: "fatal" | "error" | "warn" | "info" | "debug" | "trace" | "silent";
  /** Folder holding apps/{institution,review,vendor}/dist. */
  appsDir: string;
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
    dataDir,
    embeddedPgPort: e.EMBEDDED_PG_PORT,
    publicBaseUrl,
    publicOrigin: new URL(publicBaseUrl).origin,
    smtpUrl: e.SMTP_URL,
    mailFrom: e.MAIL_FROM,
    vendorMailFrom: e.VENDOR_MAIL_FROM,
    inboxSmtpPort: e.MAIL_INBOX_SMTP_PORT,
    sessionSecure:
      e.SESSION_SECURE === undefined || e.SESSION_SECURE === ""
        ? https
        : e.SESSION_SECURE === "1" || e.SESSION_SECURE === "true",
    worker: e.WORKER,
    workerConcurrency: e.WORKER_CONCURRENCY,
    trustProxy: parseTrustProxy(e.TRUST_PROXY),
    logLevel: e.LOG_LEVEL,
    appsDir: resolve(REPO_ROOT, "apps"),
  };
}
