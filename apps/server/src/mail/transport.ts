import nodemailer, { type Transporter } from "nodemailer";
import { z } from "zod";

export type MailTransport = Pick<Transporter, "sendMail" | "close">;

/** SMTP connections kept open and shared by every send of the process (nodemailer's default). */
export const SMTP_POOL_CONNECTIONS = 5;

const PoolSize = z.coerce.number().int().min(1).max(50);

/** `?maxConnections=N` on the URL, for a relay that takes more (or fewer) connections at once. */
function poolSize(url: URL): number {
  const requested = url.searchParams.get("maxConnections");
  if (requested === null) return SMTP_POOL_CONNECTIONS;
  const parsed = PoolSize.safeParse(requested);
  if (!parsed.success) {
    throw new Error(
      `SMTP_URL の maxConnections は 1〜50 の整数で指定してください（指定値: ${requested}）。`,
    );
  }
  return parsed.data;
}

/**
 * SMTP from a URL (smtp://user:pass@host:587, smtps://host:465, optionally
 * ?maxConnections=N), over a pool of connections reused from mail to mail: opening one per mail (greeting, EHLO,
 * maybe TLS and AUTH) cost more than the mail itself, and a purchase-link run
 * hands the transport hundreds at once, which queue for a free connection.
 * Timeouts are short: a hung server must fail the job (and be retried), not hold
 * a worker.
 */
export function createMailTransport(smtpUrl: string): MailTransport {
  const url = new URL(smtpUrl);
  return nodemailer.createTransport({
    pool: true,
    maxConnections: poolSize(url),
    host: url.hostname,
    port: url.port === "" ? (url.protocol === "smtps:" ? 465 : 587) : Number(url.port),
    secure: url.protocol === "smtps:",
    ...(url.username === ""
      ? {}
      : {
          auth: {
            user: decodeURIComponent(url.username),
            pass: decodeURIComponent(url.password),
          },
        }),
    connectionTimeout: 10_000,
    greetingTimeout: 10_000,
    socketTimeout: 30_000,
  });
}
