import nodemailer, { type Transporter } from "nodemailer";

export type MailTransport = Pick<Transporter, "sendMail" | "close">;

/** SMTP connections kept open and shared by every send of the process (nodemailer's default). */
export const SMTP_POOL_CONNECTIONS = 5;

/**
 * SMTP from a URL (smtp://user:pass@host:587, smtps://host:465), over a pool of
 * connections reused from mail to mail: opening one per mail (greeting, EHLO,
 * maybe TLS and AUTH) cost more than the mail itself, and a purchase-link run
 * hands the transport hundreds at once, which queue for a free connection.
 * Timeouts are short: a hung server must fail the job (and be retried), not hold
 * a worker.
 */
export function createMailTransport(smtpUrl: string): MailTransport {
  const url = new URL(smtpUrl);
  return nodemailer.createTransport({
    pool: true,
    maxConnections: SMTP_POOL_CONNECTIONS,
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
