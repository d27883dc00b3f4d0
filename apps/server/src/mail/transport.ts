import nodemailer, { type Transporter } from "nodemailer";
import { z } from "zod";

export type MailTransport = Pick<Transporter, "sendMail" | "close">;

/** SMTP connections kept open and shared by every send of the process (nodemailer's default). */
export const SMTP_POOL_CONNECTIONS = 5;

/**
 * Mails a pooled connection carries before it is closed and opened again.
 * nodemailer's default of 100 reopens every connection twenty times in a run
 * of 2,000 purchase links, which on this machine cost as much as a third of the
 * run; a relay that refuses more on one connection answers 421 and the mail
 * is retried.
 */
export const SMTP_MESSAGES_PER_CONNECTION = 1000;

/** `?maxConnections=N` or `?maxMessages=N` on the URL: a relay's own limits. */
function poolSetting(url: URL, name: string, fallback: number, max: number): number {
  const requested = url.searchParams.get(name);
  if (requested === null) return fallback;
  const parsed = z.coerce.number().int().min(1).max(max).safeParse(requested);
  if (!parsed.success) {
    throw new Error(
      `SMTP_URL の ${name} は 1〜${max} の整数で指定してください（指定値: ${requested}）。`,
    );
  }
  return parsed.data;
}

/**
 * SMTP from a URL (smtp://user:pass@host:587, smtps://host:465, optionally
 * ?maxConnections=N&maxMessages=N), over a pool of connections reused from mail
 * to mail: opening one per mail (greeting, EHLO, maybe TLS and AUTH) cost more
 * than the mail itself, and a purchase-link run hands the transport hundreds at
 * once, which queue for a free connection.
 * Timeouts are short: a hung server must fail the job (and be retried), not hold
 * a worker.
 */
export function createMailTransport(smtpUrl: string): MailTransport {
  const url = new URL(smtpUrl);
  return nodemailer.createTransport({
    pool: true,
    maxConnections: poolSetting(url, "maxConnections", SMTP_POOL_CONNECTIONS, 50),
    maxMessages: poolSetting(url, "maxMessages", SMTP_MESSAGES_PER_CONNECTION, 100_000),
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
